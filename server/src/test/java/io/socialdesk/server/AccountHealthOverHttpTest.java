package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.notification.InboxNotice;
import io.socialdesk.server.tracker.BuiltInTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account health job on the server: an account whose connection ends in three days becomes one ticket for its
 * owner (in the built-in tracker) and one notice, and the posts that wait to go out on it say so in their review.
 */
class AccountHealthOverHttpTest {
    @TempDir
    Path data;

    @Test
    void anAccountEndingSoonBecomesOneTicketForItsOwnerAndIsFlaggedOnThePostsThatTargetIt() throws Exception {
        FakeChannel bluesky = FakeChannel.appPassword(Network.BLUESKY);
        try (TestServer server = new TestServer(DatabaseConfig.embedded(data), data, s -> s.withChannels(List.of(bluesky)))) {
            bluesky.timedBy(server.clock).issuing("access-jwt", null, server.clock.instant().plus(Duration.ofDays(3)));
            server.addUser("laura", Role.MARKETING_LEAD);
            server.addUser("alice", Role.MARKETING_AUTHOR);
            String laura = server.signIn("laura");
            String alice = server.signIn("alice");
            TestServer.ok(server.postJson("/rest/socialdesk/1.0/accounts/app-password", laura,
                    "{\"network\":\"BLUESKY\",\"identifier\":\"acme.bsky.social\",\"password\":\"" + FakeChannel.APP_PASSWORD + "\"}"));
            JsonNode post = server.createPost(alice, "Winter sale starts now");
            JsonNode submitted = TestServer.ok(server.act(alice, post, "submit", ""));
            assertThat(submitted.path("state").asText()).isEqualTo("IN_REVIEW");

            server.app.accountHealth().run(server.clock.instant());
            server.app.accountHealth().run(server.clock.instant().plusSeconds(3600));

            List<BuiltInTracker.Item> tickets = server.app.tracker().list(ItemKind.ACCOUNT, 10);
            assertThat(tickets).singleElement().satisfies(t -> {
                assertThat(t.reporter()).isEqualTo("laura");
                assertThat(t.summary()).isEqualTo("Reconnect acme.bsky.social (Bluesky): its connection ends at 2026-11-25T10:00:00Z");
            });
            List<InboxNotice> notices = server.app.notices().list("laura", 10).stream()
                    .filter(n -> n.kind() == Notice.Kind.ACCOUNT_NEEDS_RECONNECT).toList();
            assertThat(notices).singleElement().satisfies(n -> {
                assertThat(n.itemKey()).isEqualTo(tickets.get(0).tracked().key());
                assertThat(n.detail()).isEqualTo("Its connection ends at 2026-11-25T10:00:00Z.");
            });
            JsonNode account = TestServer.ok(server.get("/rest/socialdesk/1.0/accounts", alice)).get(0);
            assertThat(account.path("attention").path("key").asText()).isEqualTo(tickets.get(0).tracked().key());
            assertThat(account.path("health").path("tokenExpiresAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
            assertThat(account.path("mayManage").asBoolean()).isFalse();

            JsonNode review = TestServer.ok(server.get("/rest/socialdesk/1.0/posts/" + post.path("id").asLong() + "/review", alice));
            assertThat(review.path("problems").toString()).contains("\"field\":\"accountIds\"").contains("\"rule\":\"account-must-reconnect\"")
                    .contains("acme.bsky.social (Bluesky) must be reconnected before 2026-12-01 09:00 Europe/Paris.");
            TestServer.Reply page = server.get("/notifications", laura);
            assertThat(page.body()).contains(": an account you own must be reconnected");
        }
    }

    @Test
    void whatANetworkSaysAboutAnAccountIsShownAsTextOnTheAccountsPage() throws Exception {
        FakeChannel bluesky = FakeChannel.appPassword(Network.BLUESKY);
        try (TestServer server = new TestServer(DatabaseConfig.embedded(data), data, s -> s.withChannels(List.of(bluesky)))) {
            server.addUser("ada", Role.ADMIN);
            String ada = server.signIn("ada");
            TestServer.ok(server.postJson("/rest/socialdesk/1.0/accounts/app-password", ada,
                    "{\"network\":\"BLUESKY\",\"identifier\":\"<img src=x onerror=alert(1)>\",\"password\":\"" + FakeChannel.APP_PASSWORD + "\"}"));
            bluesky.answeringChecks(io.socialdesk.core.channel.AccountHealth.problem(server.clock.instant(), "revoked", "<script>alert(2)</script>"));
            TestServer.ok(server.postJson("/rest/socialdesk/1.0/accounts/1/check", ada, "{}"));

            String page = server.get("/admin/accounts", ada).body();

            assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;")
                    .doesNotContain("<img src=x", "<script>alert(2)");
        }
    }
}
