package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.notification.SmtpSettings;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviewers learn they are asked, over real HTTP: submitting a post puts a notice on the marketing
 * lead's /notifications page (and in their mailbox), approving it tells the author, and legal is
 * asked only when the text makes a price claim.
 */
class NotificationsOverHttpTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @TempDir
    static Path data;

    static TestServer server;
    static String alice;
    static String marc;
    static String laura;

    @BeforeAll
    static void start() throws Exception {
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSettings.Security.NONE, "socialdesk@example.org",
                Optional.empty(), Optional.empty());
        server = new TestServer(DatabaseConfig.embedded(data), data, s -> s.withMail(smtp, Optional.of("https://social.example.org")));
        server.addUser("alice", Role.MARKETING_AUTHOR);
        server.app.users().add(new ServerUsers.NewUser("marc", "Marc Dubois", Set.of(Role.MARKETING_LEAD), "Europe/Paris", "fr",
                TestServer.PASSWORD, "marc@example.org"));
        server.addUser("laura", Role.LEGAL);
        alice = server.signIn("alice");
        marc = server.signIn("marc");
        laura = server.signIn("laura");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void submittingAsksTheLeadApprovingTellsTheAuthorAndLegalHearsNothingOfAPlainPost() throws Exception {
        int marcUnreadBefore = unreadNotices(marc);
        Created post = createPost("Winter <b>launch</b>", "Snow is coming to the shop.");
        long id = post.id();
        String key = post.key();

        act(alice, id, "submit", 1);
        String marcsPage = server.get("/notifications", marc).body();
        assertThat(notice(marcsPage, key)).contains("data-kind=\"REVIEW_REQUESTED\"", "href=\"/items/" + key + "\"",
                "alice vous demande de relire " + key, "Winter &lt;b&gt;launch&lt;/b&gt;");
        assertThat(marcsPage).doesNotContain("<b>launch</b>");
        assertThat(unreadNotices(marc)).isEqualTo(marcUnreadBefore + 1);
        assertThat(server.get("/notifications", laura).body()).doesNotContain(key);
        assertThat(server.get("/notifications", alice).body()).doesNotContain(key);

        MimeMessage mail = mailAbout(key);
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo("marc@example.org");
        assertThat(mail.getSubject()).contains(key, "Winter <b>launch</b>");
        assertThat((String) mail.getContent()).contains("https://social.example.org/items/" + key);

        act(marc, id, "approve", 2);
        String alicesPage = server.get("/notifications", alice).body();
        assertThat(notice(alicesPage, key)).contains("data-kind=\"APPROVED\"", "Marc Dubois approved " + key);
        assertThat(server.get("/notifications", marc).body()).doesNotContain("data-kind=\"APPROVED\"");
        assertThat(server.get("/notifications", laura).body()).doesNotContain(key);
    }

    @Test
    void aPriceClaimAsksLegalToo() {
        Created post = createPost("Black Friday", "Only 19,99 € this week!");
        long id = post.id();
        String key = post.key();
        act(alice, id, "submit", 1);
        assertThat(notice(server.get("/notifications", laura).body(), key)).contains("data-kind=\"REVIEW_REQUESTED\"",
                "alice asks for your review of " + key);
        assertThat(notice(server.get("/notifications", marc).body(), key)).contains("data-kind=\"REVIEW_REQUESTED\"");
    }

    @Test
    void markAllReadClearsTheBadgeButKeepsTheList() {
        Created post = createPost("Spring teaser", "Soon.");
        long id = post.id();
        String key = post.key();
        act(alice, id, "submit", 1);
        assertThat(unreadNotices(marc)).isPositive();
        assertThat(server.get("/posts", marc).body()).contains("id=\"sd-unread-badge\"");

        TestServer.Reply read = server.call(new Request.Builder().url(server.url("/notifications/read")).header("Cookie", marc)
                .post(new FormBody.Builder().build()).build());
        assertThat(read.status()).isEqualTo(303);
        assertThat(read.location()).endsWith("/notifications");
        assertThat(unreadNotices(marc)).isZero();
        String page = server.get("/notifications", marc).body();
        assertThat(page).doesNotContain("id=\"sd-unread-badge\"").doesNotContain("id=\"sd-mark-read\"");
        assertThat(notice(page, key)).doesNotContain("sd-unread");
    }

    @Test
    void theListIsForSignedInPeopleOnly() {
        TestServer.Reply anonymous = server.call(new Request.Builder().url(server.url("/notifications")).get().build());
        assertThat(anonymous.status()).isIn(303, 401);
        TestServer.Reply crossSite = server.call(new Request.Builder().url(server.url("/notifications/read")).header("Cookie", marc)
                .header("Origin", "https://evil.example").post(new FormBody.Builder().build()).build());
        assertThat(crossSite.status()).isEqualTo(403);
    }

    record Created(long id, String key) {}

    static Created createPost(String title, String text) {
        TestServer.Reply created = server.postJson("/rest/socialdesk/1.0/posts", alice, "{\"title\":\"" + title + "\",\"text\":\"" + text
                + "\",\"plannedAt\":\"2026-12-01T09:00\",\"zone\":\"Europe/Paris\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Created(created.json().get("id").asLong(), created.json().get("key").asText());
    }


    static void act(String who, long id, String action, int version) {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts/" + id + "/actions", who,
                "{\"action\":\"" + action + "\",\"version\":" + version + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** The list item of the page that links to the item, or fails naming what the page holds. */
    static String notice(String page, String key) {
        int link = page.indexOf("href=\"/items/" + key + "\"");
        assertThat(link).as("a notice about " + key + " in\n" + page).isNotNegative();
        int start = page.lastIndexOf("<li", link);
        return page.substring(start, page.indexOf("</li>", link));
    }

    static int unreadNotices(String cookie) {
        String page = server.get("/notifications", cookie).body();
        int badge = page.indexOf("id=\"sd-unread-badge\"");
        if (badge < 0) return 0;
        int start = page.indexOf('>', badge) + 1;
        return Integer.parseInt(page.substring(start, page.indexOf('<', start)).strip());
    }

    static MimeMessage mailAbout(String key) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getSubject().contains(key)) return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no e-mail about " + key);
    }
}
