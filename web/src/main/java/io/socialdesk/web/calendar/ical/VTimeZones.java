package io.socialdesk.web.calendar.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * A {@code VTIMEZONE} made from the JDK's own zone rules, the ones the app turns wall-clock times into instants
 * with, so the feed and the app can never disagree about an offset. It lists the transitions that matter for the
 * events (one observance each, from the transition before the first event to the one after the last), not a zone's
 * whole history, and needs no time zone database download (ical4j's registry may try one).
 */
final class VTimeZones {
    private VTimeZones() {}

    /** True for zones written as UTC ({@code ...Z}) without a VTIMEZONE: UTC itself and bare offsets. */
    static boolean isUtcLike(ZoneId zone) {
        return zone.normalized() instanceof java.time.ZoneOffset;
    }

    /** The VTIMEZONE as content lines. */
    static String text(ZoneId zone, Instant from, Instant to) {
        // ical4j looks its factories up through the context class loader; in Jira and Confluence that is the host's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(VTimeZones.class.getClassLoader());
        try {
            return of(zone, from, to).toString();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static VTimeZone of(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        ZoneOffsetTransition t = rules.previousTransition(from.plusSeconds(1));
        if (t == null) {
            // No transition before: the zone's first offset since the start of the calendar epoch.
            var offset = rules.getOffset(from);
            observances.add(observance(false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
            t = rules.nextTransition(from);
        }
        while (t != null && !t.getInstant().isAfter(to)) {
            observances.add(observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter()));
            t = rules.nextTransition(t.getInstant());
        }
        if (t != null) {
            // The first change after the last event: a client expanding a little past the feed still gets it right.
            observances.add(observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter()));
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    private static Observance observance(boolean daylight, LocalDateTime start, java.time.ZoneOffset before, java.time.ZoneOffset after) {
        PropertyList props = new PropertyList(List.<Property>of(new DtStart<>(start), new TzOffsetFrom(before), new TzOffsetTo(after)));
        return daylight ? new Daylight(props) : new Standard(props);
    }
}
