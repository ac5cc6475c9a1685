package io.socialdesk.web.calendar.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an editorial calendar feed (RFC 5545): one VEVENT per post in the post's own zone
 * ({@code DTSTART;TZID=Europe/Paris}) with a VTIMEZONE per zone used (built with ical4j from the JDK's rules,
 * {@link VTimeZones}), all-day VEVENTs for key dates, and what a subscribed client needs to update rather than
 * duplicate: a stable UID, SEQUENCE and LAST-MODIFIED (DTSTAMP is the last change too, so the same data always gives
 * the same bytes). No METHOD: a subscription is not an iTIP message.
 *
 * <p>The events are written straight to text rather than through ical4j's model and outputter, which took seconds
 * for 10,000 events (docs/benchmarks.md); ical4j parses every feed back in strict mode in the tests, and so does
 * Mozilla's ical.js.
 */
public final class IcsWriter {
    public static final String MEDIA_TYPE = "text/calendar";
    static final String PRODUCT = "-//Social Desk//Editorial calendar//EN";
    /** How often a client should fetch the feed again (Outlook reads X-PUBLISHED-TTL). */
    static final String REFRESH = "PT1H";

    private IcsWriter() {}

    /** The whole feed as text (CRLF line ends, lines folded at 75 octets), stamped now where a date has no change time. */
    public static String write(String calendarName, List<IcsEvent> events, List<IcsDay> days) {
        return write(calendarName, events, days, Instant.now());
    }

    /** {@code generatedAt}: the DTSTAMP of key dates that have no time of last change. */
    public static String write(String calendarName, List<IcsEvent> events, List<IcsDay> days, Instant generatedAt) {
        IcsText out = new IcsText(1024 + events.size() * 640 + days.size() * 320);
        out.line("BEGIN:VCALENDAR");
        out.property("PRODID", PRODUCT);
        out.line("VERSION:2.0");
        out.line("CALSCALE:GREGORIAN");
        out.text("X-WR-CALNAME", calendarName);
        out.line("X-PUBLISHED-TTL:" + REFRESH);
        for (String zone : timeZones(events).values()) out.raw(zone);
        for (IcsEvent event : events) event(out, event);
        for (IcsDay day : days) day(out, day, generatedAt);
        out.line("END:VCALENDAR");
        return out.toString();
    }

    /** Each zone's VTIMEZONE text, covering its events' span. */
    private static Map<ZoneId, String> timeZones(List<IcsEvent> events) {
        Map<ZoneId, Instant[]> spans = new LinkedHashMap<>();
        for (IcsEvent event : events) {
            ZoneId zone = event.start().getZone();
            if (VTimeZones.isUtcLike(zone)) continue;
            Instant at = event.start().toInstant();
            Instant end = at.plus(event.length());
            Instant[] span = spans.computeIfAbsent(zone, z -> new Instant[] {at, end});
            if (at.isBefore(span[0])) span[0] = at;
            if (end.isAfter(span[1])) span[1] = end;
        }
        Map<ZoneId, String> zones = new LinkedHashMap<>();
        spans.forEach((zone, span) -> zones.put(zone, VTimeZones.text(zone, span[0], span[1])));
        return zones;
    }

    private static void event(IcsText out, IcsEvent e) {
        ZonedDateTime start = e.start();
        ZonedDateTime end = start.plus(e.length());
        out.line("BEGIN:VEVENT");
        out.text("UID", e.uid());
        out.utc("DTSTAMP", e.lastModified());
        if (VTimeZones.isUtcLike(start.getZone())) {
            out.utc("DTSTART", start.toInstant());
            out.utc("DTEND", end.toInstant());
        } else {
            out.local("DTSTART", start.getZone().getId(), start.toLocalDateTime());
            out.local("DTEND", end.getZone().getId(), end.toLocalDateTime());
        }
        out.text("SUMMARY", e.title());
        out.text("DESCRIPTION", e.description());
        if (e.url() != null) out.property("URL", e.url().toASCIIString());
        out.line("SEQUENCE:" + e.sequence());
        out.utc("LAST-MODIFIED", e.lastModified());
        out.line("STATUS:" + e.status().name());
        if (!e.categories().isEmpty()) out.list("CATEGORIES", e.categories());
        // A post takes no time in anyone's diary: shown, never "busy".
        out.line("TRANSP:TRANSPARENT");
        out.line("END:VEVENT");
    }

    private static void day(IcsText out, IcsDay d, Instant generatedAt) {
        out.line("BEGIN:VEVENT");
        out.text("UID", d.uid());
        out.utc("DTSTAMP", d.lastModified() == null ? generatedAt : d.lastModified());
        out.date("DTSTART", d.first());
        out.date("DTEND", d.last().plusDays(1));
        out.text("SUMMARY", d.title());
        if (!d.description().isEmpty()) out.text("DESCRIPTION", d.description());
        out.line("SEQUENCE:" + d.sequence());
        if (d.lastModified() != null) out.utc("LAST-MODIFIED", d.lastModified());
        out.line("TRANSP:TRANSPARENT");
        out.line("END:VEVENT");
    }
}
