package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editorial calendar's iCalendar feeds over real HTTP: a feed added when signed in, read without any session by
 * its secret URL (as Outlook, Google Calendar or Thunderbird would), rotated and revoked; bad links get one 401.
 */
class CalendarFeedsOverHttpTest {
    private static final String BASE = "/rest/socialdesk/1.0";

    @TempDir
    static Path data;

    static TestServer server;
    static String alice;
    static String marc;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        server.addUser("marc", Role.MARKETING_AUTHOR);
        alice = server.signIn("alice");
        marc = server.signIn("marc");
        server.app.accounts().add(Network.MASTODON, "@shop@example.social", "Shop");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** GET with no cookie and no token: what a calendar client sends. */
    static TestServer.Reply anonymous(String url) {
        return server.call(new Request.Builder().url(url).get().build());
    }

    static JsonNode addFeed(String cookie, String json) {
        TestServer.Reply added = server.postJson(BASE + "/calendar-feeds", cookie, json);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json();
    }

    static JsonNode post(String cookie, String title, String plannedAt) {
        TestServer.Reply created = server.postJson(BASE + "/posts", cookie, "{\"title\":\"" + title + "\",\"text\":\"Hello\",\"plannedAt\":\""
                + plannedAt + "\",\"zone\":\"Europe/Paris\",\"accountIds\":[1]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aUserFeedListsTheirPostsAt0900ParisOnBothSidesOfTheClockChangeWithoutAnySession() {
        JsonNode winter = post(alice, "Winter sale", "2026-12-01T09:00");
        JsonNode spring = post(alice, "Spring sale", "2027-03-29T09:00");
        post(marc, "Marc's own post", "2026-12-02T09:00");
        JsonNode feed = addFeed(alice, "{\"kind\":\"user\"}");
        assertThat(feed.get("url").asText()).startsWith(server.url(BASE + "/ical/sdcal_")).endsWith(".ics");
        assertThat(feed.get("webcalUrl").asText()).startsWith("webcal://127.0.0.1:");

        TestServer.Reply ics = anonymous(feed.get("url").asText());

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("X-WR-CALNAME:My posts\r\n")
                .contains("UID:post-" + winter.get("id").asLong() + "@127.0.0.1\r\n")
                .contains("DTSTART;TZID=Europe/Paris:20261201T090000\r\n")
                .contains("DTSTART;TZID=Europe/Paris:20270329T090000\r\n")
                .contains("UID:post-" + spring.get("id").asLong() + "@127.0.0.1\r\n")
                .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n")
                .contains("STATUS:TENTATIVE\r\n")
                .contains("URL:" + server.url("/posts/" + winter.get("id").asLong() + "/edit"))
                .doesNotContain("Marc's own post");
    }

    @Test
    void aCancelledPostStaysWithItsUidAndAHigherSequenceAsCancelled() {
        JsonNode created = post(alice, "To be cancelled", "2026-12-10T09:00");
        String url = addFeed(alice, "{\"kind\":\"project\",\"target\":\"" + created.get("key").asText().replaceAll("-\\d+$", "") + "\"}")
                .get("url").asText();
        String uid = "UID:post-" + created.get("id").asLong() + "@127.0.0.1\r\n";
        String before = anonymous(url).body();
        assertThat(before).contains(uid);
        String beforeEvent = before.substring(before.indexOf(uid));
        assertThat(beforeEvent.substring(0, beforeEvent.indexOf("END:VEVENT"))).contains("SEQUENCE:0\r\n").contains("STATUS:TENTATIVE");

        TestServer.Reply cancelled = server.act(alice, created, "cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        String after = anonymous(url).body();
        String event = after.substring(after.indexOf(uid));
        event = event.substring(0, event.indexOf("END:VEVENT"));
        assertThat(event).contains("STATUS:CANCELLED\r\n").contains("SEQUENCE:1\r\n");
    }

    @Test
    void theSecretIsShownOnceRotatingAndRevokingStopTheOldLinksAndEveryBadLinkGetsTheSame401() {
        JsonNode feed = addFeed(alice, "{\"kind\":\"key-dates\",\"target\":\"FR,US\",\"label\":\"Holidays\"}");
        String url = feed.get("url").asText();
        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        TestServer.Reply holidays = anonymous(url);
        assertThat(holidays.status()).isEqualTo(200);
        assertThat(holidays.body()).contains("SUMMARY:Noël (FR)").contains("SUMMARY:Thanksgiving Day (US)").contains("DTSTART;VALUE=DATE:20261225\r\n")
                .contains("SUMMARY:Community Manager Appreciation Day");

        TestServer.Reply listed = server.get(BASE + "/calendar-feeds", alice);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"label\":\"Holidays\"").doesNotContain(secret).doesNotContain("\"url\"");

        TestServer.Reply forged = anonymous(server.url(BASE + "/ical/sdcal_" + "A".repeat(43) + ".ics"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body()).contains("not valid");

        JsonNode rotated = TestServer.ok(server.postJson(BASE + "/calendar-feeds/" + feed.get("id").asLong() + "/rotate", alice, "{}"));
        assertThat(anonymous(url).status()).isEqualTo(401);
        assertThat(anonymous(url).body()).as("a rotated link reads exactly like a forged one").isEqualTo(forged.body());
        assertThat(anonymous(rotated.get("url").asText()).status()).isEqualTo(200);

        assertThat(server.delete(BASE + "/calendar-feeds/" + feed.get("id").asLong(), marc).status()).as("not marc's").isEqualTo(404);
        assertThat(server.delete(BASE + "/calendar-feeds/" + feed.get("id").asLong(), alice).status()).isEqualTo(204);
        assertThat(anonymous(rotated.get("url").asText()).body()).isEqualTo(forged.body());

        for (String bad : new String[] {"/ical/.ics", "/ical/x.ics", "/ical/" + secret.toUpperCase() + ".ics", "/ical/%00.ics"}) {
            TestServer.Reply reply = anonymous(server.url(BASE + bad));
            assertThat(reply.status()).as(bad).isIn(400, 401, 404);
            assertThat(reply.body()).as(bad).doesNotContain("Exception").doesNotContain("sdcal_");
        }
    }

    @Test
    void theFeedSecretIsNeverLoggedNotEvenWhenTheFeedFails() {
        try (LogCapture capture = new LogCapture()) {
            String url = addFeed(alice, "{\"kind\":\"user\"}").get("url").asText();
            String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
            assertThat(anonymous(url).status()).isEqualTo(200);
            assertThat(anonymous(url.replace(secret, secret + "x")).status()).isEqualTo(401);
            assertThat(capture.text()).doesNotContain(secret.substring("sdcal_".length()));
        }
    }

    @Test
    void managingFeedsNeedsASessionAndBadInputNamesTheField() {
        assertThat(anonymous(server.url(BASE + "/calendar-feeds")).status()).isEqualTo(401);
        TestServer.Reply unknownKind = server.postJson(BASE + "/calendar-feeds", alice, "{\"kind\":\"everything\"}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("field").asText()).isEqualTo("kind");
        TestServer.Reply badFilter = server.postJson(BASE + "/calendar-feeds/filters", alice,
                "{\"name\":\"Bad\",\"filters\":{\"network\":[\"MYSPACE\"]}}");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("field").asText()).isEqualTo("filters.network");
    }

    @Test
    void aSavedFilterFeedListsOnlyWhatTheFilterMatches() {
        post(alice, "Launch teaser", "2026-12-05T09:00");
        TestServer.Reply saved = server.postJson(BASE + "/calendar-feeds/filters", alice,
                "{\"name\":\"Mastodon, in review\",\"filters\":{\"network\":[\"MASTODON\"],\"state\":[\"IN_REVIEW\"]}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String url = addFeed(alice, "{\"kind\":\"filter\",\"target\":\"" + saved.json().get("id").asLong() + "\"}").get("url").asText();
        String ics = anonymous(url).body();
        assertThat(ics).contains("X-WR-CALNAME:Saved filter").doesNotContain("Launch teaser");
    }
}
