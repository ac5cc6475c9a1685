package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editorial calendar's REST API on the server: the month as JSON, bad input, blackouts refusing a reschedule, slots, key dates. */
class CalendarOverHttpTest {
    private static final String BASE = "/rest/socialdesk/1.0/calendar";

    @TempDir
    Path data;

    private static void badRequest(TestServer.Reply reply, String field, String rule) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo(field);
        assertThat(reply.json().path("rule").asText()).isEqualTo(rule);
        assertThat(reply.json().path("error").asText()).isNotBlank();
    }

    @Test
    void badQuestionsAreRefusedNamingTheFieldAndAFilterThatMatchesNothingIsAnEmptyCalendar() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.addUser("alice", Role.MARKETING_AUTHOR);
            String alice = server.signIn("alice");

            long started = System.nanoTime();
            badRequest(server.get(BASE + "?from=2016-01-01&to=2026-01-01", alice), "to", "max-range");
            assertThat(System.nanoTime() - started).as("refused without reading ten years").isLessThan(2_000_000_000L);
            assertThat(server.get(BASE + "?from=2016-01-01&to=2026-01-01", alice).json().path("error").asText()).startsWith("range: at most 366 days");
            badRequest(server.get(BASE + "?month=2026-12&zone=Mars/Olympus_Mons", alice), "zone", "iana-zone");
            badRequest(server.get(BASE + "?month=2026-13", alice), "month", "year-month");
            badRequest(server.get(BASE + "?month=%27%3B--", alice), "month", "year-month");
            badRequest(server.get(BASE + "?week=2026-W99", alice), "week", "iso-week");
            badRequest(server.get(BASE + "?month=2026-12&network=MYSPACE", alice), "network", "known-network");
            badRequest(server.get(BASE + "?month=2026-12&countries=XX", alice), "countries", "known-country");
            badRequest(server.get(BASE + "/key-dates?from=2020-01-01&to=2030-01-01", alice), "to", "max-range");
            badRequest(server.get(BASE + "/blackouts/abc", alice), "id", "positive-integer");

            server.createPost(alice, "Hello");
            JsonNode nothing = TestServer.ok(server.get(BASE + "?month=2026-12&campaign=No+such+campaign", alice));
            assertThat(nothing.path("entryCount").asInt()).isZero();
            assertThat(nothing.path("filtered").asBoolean()).isTrue();
            assertThat(server.call(new okhttp3.Request.Builder().url(server.url(BASE + "?month=2026-12")).get().build()).status()).isEqualTo(401);
        }
    }

    @Test
    void theMonthIsTheViewModelWithEachPostOnItsDayAtTheViewersTimeAndALegendByState() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.app.accounts().add(Network.BLUESKY, "@desk.bsky.social", "Desk");
            server.addUser("alice", Role.MARKETING_AUTHOR);
            String alice = server.signIn("alice");
            JsonNode post = server.createPost(alice, "Hello");

            JsonNode month = TestServer.ok(server.get(BASE + "?month=2026-12&countries=FR,UK", alice));
            assertThat(month.path("title").asText()).isEqualTo("December 2026");
            assertThat(month.path("days").size()).isEqualTo(35); // 30 November to 3 January
            JsonNode december1 = month.path("days").get(1);
            assertThat(december1.path("date").asText()).isEqualTo("2026-12-01");
            JsonNode item = december1.path("entries").get(0);
            assertThat(item.path("postId").asLong()).isEqualTo(post.path("id").asLong());
            assertThat(item.path("time").asText()).isEqualTo("09:00");
            assertThat(item.path("networks").get(0).asText()).isEqualTo("Bluesky");
            assertThat(item.path("stateLabel").asText()).isEqualTo("Draft");
            assertThat(item.path("stateSymbol").asText()).isNotBlank();
            assertThat(item.path("path").asText()).isEqualTo("/posts/" + post.path("id").asLong() + "/edit");
            assertThat(month.path("legend").size()).isEqualTo(13);
            List<String> holidays = new ArrayList<>();
            month.path("days").forEach(d -> d.path("keyDates").forEach(k -> holidays.add(k.path("date").asText() + " " + k.path("region").asText())));
            assertThat(holidays).contains("2026-12-25 FR", "2026-12-25 GB", "2026-12-28 GB");

            JsonNode tokyo = TestServer.ok(server.get(BASE + "?month=2026-12&zone=Asia/Tokyo", alice));
            assertThat(tokyo.path("days").get(1).path("entries").get(0).path("time").asText()).isEqualTo("17:00");
            assertThat(tokyo.path("days").get(1).path("entries").get(0).path("ownTime").asText()).isEqualTo("09:00 Europe/Paris");
        }
    }

    @Test
    void aRescheduleIntoABlackoutIsRefusedWithThePeriodAndWhyAndAStaleOneIsAConflict() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.addUser("alice", Role.MARKETING_AUTHOR);
            server.addUser("marc", Role.MARKETING_LEAD);
            String alice = server.signIn("alice");
            String marc = server.signIn("marc");
            JsonNode post = server.createPost(alice, "Hello");
            String period = "{\"name\":\"Results quiet period\",\"kind\":\"blackout\",\"start\":\"2026-12-03\",\"end\":\"2026-12-04\","
                    + "\"zone\":\"Europe/Paris\",\"reason\":\"No posts before the results\"}";

            assertThat(server.postJson(BASE + "/blackouts", alice, period).status()).isEqualTo(403);
            TestServer.Reply created = server.postJson(BASE + "/blackouts", marc, period);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("localEnd").asText()).isEqualTo("2026-12-05T00:00");

            String into = "{\"version\":" + post.path("version").asInt() + ",\"plannedAt\":\"2026-12-04T10:00\"}";
            TestServer.Reply refused = server.postJson(BASE + "/posts/" + post.path("id").asLong() + "/reschedule", alice, into);
            badRequest(refused, "plannedAt", "blackout");
            assertThat(refused.json().path("error").asText()).contains("Results quiet period", "No posts before the results");

            String out = "{\"version\":" + post.path("version").asInt() + ",\"plannedAt\":\"2026-12-07T10:00\"}";
            JsonNode moved = TestServer.ok(server.postJson(BASE + "/posts/" + post.path("id").asLong() + "/reschedule", alice, out));
            assertThat(moved.path("post").path("plannedAt").asText()).isEqualTo("2026-12-07T10:00");
            assertThat(moved.path("notice").isNull()).isTrue();
            TestServer.Reply stale = server.postJson(BASE + "/posts/" + post.path("id").asLong() + "/reschedule", alice, out);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().path("rule").asText()).isEqualTo("stale-version");

            JsonNode calendar = TestServer.ok(server.get(BASE + "?month=2026-12", alice));
            assertThat(calendar.path("days").get(4).path("blackedOut").asBoolean()).as("Thursday 3 December").isTrue();
            assertThat(calendar.path("blackouts").get(0).path("explanation").asText()).contains("Results quiet period");
        }
    }

    @Test
    void slotsNextFreeSlotAndTeamKeyDates() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            long account = server.app.accounts().add(Network.BLUESKY, "@desk.bsky.social", "Desk").id();
            server.addUser("marc", Role.MARKETING_LEAD);
            String marc = server.signIn("marc");

            badRequest(server.putJson(BASE + "/slots/" + account, marc, "{\"zone\":\"Europe/Paris\",\"slots\":[\"Caturday 9:00\"],\"version\":0}"),
                    "slots[0]", "weekday-time");
            JsonNode saved = TestServer.ok(server.putJson(BASE + "/slots/" + account, marc,
                    "{\"zone\":\"Europe/Paris\",\"slots\":[\"TUESDAY 09:00\",\"mon 12:30\"],\"minSpacingMinutes\":120,\"gapDays\":3,\"version\":0}"));
            assertThat(saved.path("slots").toString()).isEqualTo("[\"MONDAY 12:30\",\"TUESDAY 09:00\"]");
            assertThat(server.putJson(BASE + "/slots/" + account, marc, "{\"zone\":\"UTC\",\"version\":0}").status()).isEqualTo(409);
            // Sunday 22 November 2026, 11:00 Paris: the next slot is Monday 23 at 12:30.
            JsonNode next = TestServer.ok(server.get(BASE + "/slots/" + account + "/next", marc));
            assertThat(next.path("found").asBoolean()).isTrue();
            assertThat(next.path("local").asText()).isEqualTo("2026-11-23T12:30");
            assertThat(server.get(BASE + "/slots/999/next", marc).status()).isEqualTo(404);

            TestServer.Reply added = server.postJson(BASE + "/key-dates", marc,
                    "{\"name\":\"Newsletter\",\"rule\":\"last friday of the month\",\"note\":\"Recap\"}");
            assertThat(added.status()).isEqualTo(201);
            badRequest(server.postJson(BASE + "/key-dates", marc, "{\"name\":\"X\",\"rule\":\"someday\"}"), "rule", "key-date-rule");
            JsonNode dates = TestServer.ok(server.get(BASE + "/key-dates?from=2026-11-01&to=2026-12-01&countries=US", marc));
            List<String> names = new ArrayList<>();
            dates.path("keyDates").forEach(k -> names.add(k.path("date").asText() + " " + k.path("name").asText()));
            assertThat(names).contains("2026-11-26 Thanksgiving Day", "2026-11-27 Newsletter", "2026-11-11 Veterans Day");
            assertThat(server.delete(BASE + "/key-dates/" + added.json().path("id").asLong(), marc).status()).isEqualTo(204);
            assertThat(server.delete(BASE + "/key-dates/" + added.json().path("id").asLong(), marc).status()).isEqualTo(404);
        }
    }
}
