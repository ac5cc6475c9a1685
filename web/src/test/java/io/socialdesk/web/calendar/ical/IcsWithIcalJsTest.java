package io.socialdesk.web.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feeds as Thunderbird reads them: Mozilla's ical.js from npm, run by Node. */
class IcsWithIcalJsTest {
    private static Map<String, JsonNode> byUid(JsonNode parsed) {
        Map<String, JsonNode> events = new HashMap<>();
        parsed.get("events").forEach(e -> events.put(e.get("uid").asText(), e));
        return events;
    }

    @Test
    void icalJsReadsEveryPostAtItsWallClockInItsZoneAcrossBothClockChanges() throws Exception {
        List<IcsEvent> sent = IcsSamples.acrossClockChanges();
        JsonNode parsed = IcalJs.parse(IcsWriter.write("MKT posts", sent, IcsSamples.keyDates()));

        assertThat(parsed.get("name").asText()).isEqualTo("MKT posts");
        Map<String, JsonNode> events = byUid(parsed);
        assertThat(events).hasSize(sent.size() + IcsSamples.keyDates().size());
        for (IcsEvent post : sent) {
            JsonNode got = events.get(post.uid());
            assertThat(got).as(post.uid()).isNotNull();
            assertThat(got.get("tzid").asText()).isEqualTo(post.start().getZone().getId());
            assertThat(got.get("startLocal").asText()).as("wall clock").isEqualTo(post.start().toLocalDateTime().toString() + ":00");
            // ical.js turns the local time into an instant with the feed's VTIMEZONE: it must agree with the JDK.
            assertThat(got.get("startUtc").asText()).as("instant").isEqualTo(post.start().toInstant().toString().replace("Z", ".000Z"));
            assertThat(got.get("sequence").asInt()).isEqualTo(post.sequence());
            assertThat(got.get("status").asText()).isEqualTo(post.status().name());
            assertThat(got.get("summary").asText()).isEqualTo(post.title());
            assertThat(got.get("description").asText()).isEqualTo(post.description());
            assertThat(got.get("url").asText()).isEqualTo(post.url().toString());
            assertThat(got.get("lastModified").asText()).isEqualTo("2026-02-20T08:15:00Z");
            assertThat(got.get("allDay").asBoolean()).isFalse();
        }
        // 09:00 Paris: 08:00Z before 29 March, 07:00Z after it, 07:00Z before 25 October, 08:00Z after it.
        assertThat(events.get("post-1@socialdesk").get("startUtc").asText()).isEqualTo("2026-03-28T08:00:00.000Z");
        assertThat(events.get("post-2@socialdesk").get("startUtc").asText()).isEqualTo("2026-03-30T07:00:00.000Z");
        assertThat(events.get("post-3@socialdesk").get("startUtc").asText()).isEqualTo("2026-10-24T07:00:00.000Z");
        assertThat(events.get("post-4@socialdesk").get("startUtc").asText()).isEqualTo("2026-10-26T08:00:00.000Z");
        assertThat(events.get("post-4@socialdesk").get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void icalJsReadsKeyDatesAsAllDayEventsWithAnExclusiveEnd() throws Exception {
        Map<String, JsonNode> events = byUid(IcalJs.parse(IcsWriter.write("Key dates", List.of(), IcsSamples.keyDates())));
        JsonNode blackout = events.get("blackout-7@socialdesk");
        assertThat(blackout.get("allDay").asBoolean()).isTrue();
        assertThat(blackout.get("startLocal").asText()).isEqualTo("2026-04-28");
        assertThat(blackout.get("endLocal").asText()).isEqualTo("2026-05-01");
        assertThat(blackout.get("sequence").asInt()).isEqualTo(2);
    }

    @Test
    void aSecondVersionOfTheFeedKeepsTheUidAndRaisesTheSequence() throws Exception {
        IcsEvent before = IcsSamples.acrossClockChanges().get(0);
        IcsEvent moved = new IcsEvent(before.uid(), before.title(), before.start().plusDays(2), before.length(), before.description(),
                before.url(), before.sequence() + 1, before.lastModified().plusSeconds(60), before.status(), before.categories());
        JsonNode first = byUid(IcalJs.parse(IcsWriter.write("v1", List.of(before), List.of()))).get(before.uid());
        JsonNode second = byUid(IcalJs.parse(IcsWriter.write("v2", List.of(moved), List.of()))).get(before.uid());
        assertThat(second.get("sequence").asInt()).isGreaterThan(first.get("sequence").asInt());
        assertThat(second.get("lastModified").asText()).isGreaterThan(first.get("lastModified").asText());
        assertThat(second.get("startLocal").asText()).isEqualTo("2026-03-30T09:00:00");
    }
}
