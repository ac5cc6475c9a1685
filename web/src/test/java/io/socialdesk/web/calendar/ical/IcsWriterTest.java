package io.socialdesk.web.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feed parsed back by ical4j in strict mode (no compatibility hints) and validated against RFC 5545. */
class IcsWriterTest {
    @BeforeAll
    static void strict() {
        for (String hint : List.of(CompatibilityHints.KEY_RELAXED_PARSING, CompatibilityHints.KEY_RELAXED_UNFOLDING,
                CompatibilityHints.KEY_RELAXED_VALIDATION, CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY,
                CompatibilityHints.KEY_NOTES_COMPATIBILITY, CompatibilityHints.KEY_VCARD_COMPATIBILITY)) {
            CompatibilityHints.setHintEnabled(hint, false);
        }
    }

    private static Calendar parseStrict(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void theFeedParsesStrictlyAndValidates() throws Exception {
        String ics = IcsWriter.write("MKT posts", IcsSamples.acrossClockChanges(), IcsSamples.keyDates());
        Calendar calendar = parseStrict(ics);

        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSize(7);
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(tz -> tz.getTimeZoneId().getValue())
                .containsExactly("Europe/Paris", "America/New_York");
    }

    @Test
    void linesEndInCrlfAndAreFoldedAt75Octets() {
        String ics = IcsWriter.write("MKT posts", IcsSamples.acrossClockChanges(), IcsSamples.keyDates());
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void eachPostKeepsItsUidSequenceStatusAndParisWallClockAcrossBothClockChanges() throws Exception {
        Calendar calendar = parseStrict(IcsWriter.write("MKT posts", IcsSamples.acrossClockChanges(), List.of()));
        Map<String, VEvent> byUid = calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> value(e, "UID"), Function.identity()));

        for (IcsEvent sent : IcsSamples.acrossClockChanges()) {
            VEvent got = byUid.get(sent.uid());
            assertThat(got).as(sent.uid()).isNotNull();
            ZonedDateTime start = got.<ZonedDateTime>getStartDate().orElseThrow().getDate();
            assertThat(start.toLocalTime()).as("wall clock of " + sent.uid()).isEqualTo(java.time.LocalTime.of(9, 0));
            assertThat(start.toInstant()).as("instant of " + sent.uid()).isEqualTo(sent.start().toInstant());
            assertThat(got.getStartDate().orElseThrow().getParameter("TZID").map(p -> p.getValue()))
                    .contains(sent.start().getZone().getId());
            assertThat(value(got, "SEQUENCE")).isEqualTo(Integer.toString(sent.sequence()));
            assertThat(value(got, "STATUS")).isEqualTo(sent.status().name());
            assertThat(value(got, "SUMMARY")).isEqualTo(sent.title());
            assertThat(value(got, "URL")).isEqualTo(sent.url().toString());
            assertThat(value(got, "LAST-MODIFIED")).isEqualTo("20260220T081500Z");
        }
        // 09:00 Paris is 08:00 UTC in winter and 07:00 UTC in summer: the offset changes, the wall clock does not.
        assertThat(IcsSamples.acrossClockChanges().get(0).start().toInstant()).hasToString("2026-03-28T08:00:00Z");
        assertThat(IcsSamples.acrossClockChanges().get(1).start().toInstant()).hasToString("2026-03-30T07:00:00Z");
    }

    @Test
    void keyDatesAreAllDayEventsWithAnExclusiveEnd() throws Exception {
        Calendar calendar = parseStrict(IcsWriter.write("Key dates", List.of(), IcsSamples.keyDates()));
        VEvent blackout = calendar.<VEvent>getComponents("VEVENT").get(1);
        assertThat(blackout.getProperty("DTSTART").orElseThrow().toString()).isEqualTo("DTSTART;VALUE=DATE:20260428\r\n");
        assertThat(blackout.getProperty("DTEND").orElseThrow().toString()).isEqualTo("DTEND;VALUE=DATE:20260501\r\n");
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).isEmpty();
    }

    @Test
    void theVTimeZoneAgreesWithTheJdkOnEveryOffsetForAYearOfPostsInManyZones() throws Exception {
        List<IcsEvent> events = new ArrayList<>();
        List<ZoneId> zones = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Sydney"),
                ZoneId.of("Asia/Kolkata"), ZoneId.of("America/St_Johns"), ZoneId.of("Europe/London"), ZoneId.of("Pacific/Auckland"));
        long id = 100;
        for (ZoneId zone : zones) {
            for (LocalDateTime at = LocalDateTime.parse("2026-01-03T09:00"); at.getYear() == 2026; at = at.plusDays(11).plusHours(7)) {
                events.add(IcsSamples.post(id++, at, zone, 0, IcsEvent.Status.CONFIRMED, "p"));
            }
        }
        Calendar calendar = parseStrict(IcsWriter.write("zones", events, List.of()));
        assertThat(calendar.validate().hasErrors()).isFalse();
        Map<String, VTimeZone> vtz = calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .collect(Collectors.toMap(tz -> tz.getTimeZoneId().getValue(), Function.identity()));
        for (IcsEvent event : events) {
            VTimeZone tz = vtz.get(event.start().getZone().getId());
            // The observance in force: the one with the latest onset (DTSTART read at its TZOFFSETFROM) not after the post.
            java.time.ZoneOffset inForce = null;
            java.time.Instant latest = null;
            for (var observance : tz.getObservances()) {
                LocalDateTime onsetLocal = LocalDateTime.parse(observance.getProperty("DTSTART").orElseThrow().getValue(),
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
                java.time.Instant onset = onsetLocal.toInstant(
                        observance.<net.fortuna.ical4j.model.property.TzOffsetFrom>getProperty("TZOFFSETFROM").orElseThrow().getOffset());
                if (!onset.isAfter(event.start().toInstant()) && (latest == null || onset.isAfter(latest))) {
                    latest = onset;
                    inForce = observance.<net.fortuna.ical4j.model.property.TzOffsetTo>getProperty("TZOFFSETTO").orElseThrow().getOffset();
                }
            }
            assertThat(inForce).as(event.start().toString()).isEqualTo(event.start().getOffset());
        }
    }

    @Test
    void utcPostsAreWrittenInUtcWithoutATimeZone() throws Exception {
        IcsEvent utc = IcsSamples.post(9, LocalDateTime.parse("2026-06-01T12:00"), ZoneId.of("UTC"), 0, IcsEvent.Status.CONFIRMED, "u");
        String ics = IcsWriter.write("u", List.of(utc), List.of());
        assertThat(ics).contains("DTSTART:20260601T120000Z\r\n").doesNotContain("VTIMEZONE");
        assertThat(parseStrict(ics).validate().hasErrors()).isFalse();
    }

    @Test
    void tenThousandEventsAreWrittenInWellUnderASecond() {
        List<IcsEvent> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(IcsSamples.post(i, LocalDateTime.parse("2026-01-01T09:00").plusHours(i), IcsSamples.PARIS, i % 7,
                    IcsEvent.Status.CONFIRMED, "Post number " + i));
        }
        for (int warm = 0; warm < 3; warm++) IcsWriter.write("warm", events, List.of());
        long start = System.nanoTime();
        String ics = IcsWriter.write("big", events, List.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("10,000 events: " + took.toMillis() + " ms, " + ics.length() / 1024 + " KiB");
        // The benchmark (bench/) measures against the 300 ms target; this only catches a gross regression.
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
}
