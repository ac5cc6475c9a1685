package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.db.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publishing queue over HTTP on the server's own database: who may act, a wrong state, a stale version, the metrics. */
class QueueOverHttpTest {
    private static final String BASE = "/rest/socialdesk/1.0";

    @TempDir
    Path data;

    @Test
    void anAuthorIsRefusedAWrongStateNamesItAndALeadRetries() throws Exception {
        try (TestServer server = new TestServer(DatabaseConfig.embedded(data), data,
                s -> s.withPublishing(Duration.ofHours(1), PublishingSettings.DEFAULTS))) {
            server.addUser("marc", Role.MARKETING_LEAD);
            server.addUser("alice", Role.MARKETING_AUTHOR);
            String marc = server.signIn("marc");
            String alice = server.signIn("alice");
            DeliveryRecord failed = QueueFixtures.failed(server.app, server.clock.instant(), "invalid-token", "The token was revoked");

            TestServer.Reply refused = server.get(BASE + "/queue", alice);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("error").asText()).isEqualTo("Only marketing leads and admins may see the publishing queue.");
            TestServer.Reply notYours = server.postJson(BASE + "/queue/deliveries/" + failed.id() + "/actions", alice,
                    "{\"action\":\"retry\",\"version\":" + failed.version() + "}");
            assertThat(notYours.status()).isEqualTo(403);
            assertThat(notYours.json().path("error").asText()).isEqualTo("Only marketing leads and admins may retry a delivery.");

            JsonNode queue = TestServer.ok(server.get(BASE + "/queue", marc));
            assertThat(queue.path("counts").path("FAILED").asInt()).isEqualTo(1);
            JsonNode failedBucket = bucket(queue, "failed");
            assertThat(failedBucket.path("count").asInt()).isEqualTo(1);
            JsonNode row = failedBucket.path("deliveries").get(0);
            assertThat(row.path("account").asText()).isEqualTo("@acme@mastodon.social (Mastodon)");
            assertThat(row.path("title").asText()).isEqualTo("Winter sale");
            assertThat(row.path("cause").asText()).isEqualTo("invalid-token");
            assertThat(row.path("reason").asText()).isEqualTo("The token was revoked");
            assertThat(row.path("actions").toString()).isEqualTo("[\"retry\"]");

            TestServer.Reply wrong = server.postJson(BASE + "/queue/deliveries/" + failed.id() + "/actions", marc,
                    "{\"action\":\"cancel\",\"version\":" + failed.version() + "}");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.json().path("field").asText()).isEqualTo("action");
            assertThat(wrong.json().path("rule").asText()).isEqualTo("delivery-state");
            assertThat(wrong.json().path("error").asText()).isEqualTo(
                    "This delivery is failed now; you can cancel only a delivery that is waiting, due or retrying.");

            JsonNode retried = TestServer.ok(server.postJson(BASE + "/queue/deliveries/" + failed.id() + "/actions", marc,
                    "{\"action\":\"retry\",\"version\":" + failed.version() + "}"));
            assertThat(retried.path("state").asText()).isEqualTo("DUE");
            assertThat(retried.path("attempts").asInt()).isZero();
            assertThat(retried.path("actions").toString()).isEqualTo("[\"cancel\"]");
            assertThat(bucket(TestServer.ok(server.get(BASE + "/queue", marc)), "failed").path("count").asInt()).isZero();

            TestServer.Reply stale = server.postJson(BASE + "/queue/deliveries/" + failed.id() + "/actions", marc,
                    "{\"action\":\"retry\",\"version\":" + failed.version() + "}");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().path("rule").asText()).isEqualTo("stale-version");

            assertThat(server.get(BASE + "/queue/metrics", alice).status()).isEqualTo(403);
            JsonNode metrics = TestServer.ok(server.get(BASE + "/queue/metrics", marc));
            assertThat(metrics.path("counts").path("DUE").asInt()).isEqualTo(1);
            assertThat(metrics.path("latenessP50Ms").isNull()).isTrue();
        }
    }

    @Test
    void thePageShowsTheReasonAsTextInTheViewersZoneAndOnlyToLeadsAndAdmins() throws Exception {
        try (TestServer server = new TestServer(DatabaseConfig.embedded(data), data,
                s -> s.withPublishing(Duration.ofHours(1), PublishingSettings.DEFAULTS))) {
            server.addUser("marc", Role.MARKETING_LEAD);
            server.addUser("alice", Role.MARKETING_AUTHOR);
            QueueFixtures.failed(server.app, server.clock.instant(), "invalid-token", "<img src=x onerror=alert(1)>");

            assertThat(server.get("/admin/queue", server.signIn("alice")).status()).isEqualTo(403);
            TestServer.Reply page = server.get("/admin/queue", server.signIn("marc"));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                    .contains("id=\"sd-nav-queue\"").contains("data-action=\"retry\"").doesNotContain("data-action=\"cancel\"")
                    // Due an hour after 10:00 UTC, shown in Paris (UTC+1).
                    .contains("12:00:00");
        }
    }

    private static JsonNode bucket(JsonNode queue, String name) {
        for (JsonNode b : queue.path("buckets")) {
            if (b.path("bucket").asText().equals(name)) return b;
        }
        throw new AssertionError("no bucket " + name + " in " + queue);
    }
}
