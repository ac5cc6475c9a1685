package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar is the marketing team's home page: signing in without a "next" lands marketing authors and leads on
 * /calendar and everyone else on /posts, and so does "/"; a "next" still wins. The page answers an impossible address
 * with a 400 naming the problem, and sends the signed-out to sign in.
 */
class CalendarHomeOverHttpTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        server.addUser("marc", Role.MARKETING_LEAD);
        server.addUser("laura", Role.LEGAL);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.Reply signIn(String username, String next) {
        FormBody.Builder form = new FormBody.Builder().add("username", username).add("password", TestServer.PASSWORD);
        if (next != null) form.add("next", next);
        return server.call(new Request.Builder().url(server.url("/login")).post(form.build()).build());
    }

    @Test
    void marketingPeopleLandOnTheCalendarAndOthersOnThePosts() {
        assertThat(signIn("alice", "").location()).endsWith("/calendar");
        assertThat(signIn("marc", null).location()).endsWith("/calendar");
        assertThat(signIn("laura", "").location()).endsWith("/posts");
        assertThat(signIn("alice", "/items").location()).as("a next still wins").endsWith("/items");
        assertThat(signIn("alice", "https://evil.example/").location()).as("never elsewhere").endsWith("/calendar");
        assertThat(server.get("/", server.signIn("marc")).location()).endsWith("/calendar");
        assertThat(server.get("/", server.signIn("laura")).location()).endsWith("/posts");
    }

    @Test
    void theCalendarPageAnswersAnImpossibleAddressWithA400AndTheSignedOutWithSignIn() {
        String alice = server.signIn("alice");
        TestServer.Reply page = server.get("/calendar", alice);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sd-calendar\"").contains("id=\"sd-nav-calendar\"").contains("/static/js/calendar.js");
        TestServer.Reply bad = server.get("/calendar?month=2026-13&from=2016-01-01", alice);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"sd-cal-problems\"").contains("(month: one-of)").contains("id=\"sd-cal-month\"");
        assertThat(server.get("/calendar?view=year", alice).body()).contains("(view: calendar-view)");
        TestServer.Reply anonymous = server.call(new Request.Builder().url(server.url("/calendar?month=2026-03")).get().build());
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.location()).as("the month asked for survives the sign-in").contains("/login?next=%2Fcalendar%3Fmonth%3D2026-03");
        String form = server.call(new Request.Builder().url(server.url(anonymous.location().substring(anonymous.location().indexOf("/login")))).get().build()).body();
        assertThat(form).contains("value=\"/calendar?month=2026-03\"");
    }
}
