package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.web.account.ConnectFlow;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full run of the accounts over HTTP (OAuth with a configured client, OAuth with an app registered on an
 * instance, an app password, a wrong password, a replayed state, a rotation, checks, the health job, every
 * listing and the page) with the server's logging captured: no token, refresh token, client secret, app
 * password or PKCE verifier used appears in any log line, any answer, or the database's files on disk.
 */
class SecretsNeverLoggedTest {
    private static final String BASE = "/rest/socialdesk/1.0/accounts";
    private static final String CLIENT_SECRET = "x-client-secret-NvR42kLq";
    private static final String WRONG_PASSWORD = "wrong-app-password-Zx81";

    @TempDir
    Path data;

    private final FakeChannel x = FakeChannel.oauth(Network.X).issuing("x-access-token-Mm31Qa", "x-refresh-token-Kk72Wb", null);
    private final FakeChannel mastodon = FakeChannel.oauth(Network.MASTODON).issuing("mastodon-access-token-Pp55Ee", null, null)
            .as("109876", "@acme@93.184.216.34");
    private final FakeChannel bluesky = FakeChannel.appPassword(Network.BLUESKY).issuing("bluesky-access-jwt-Jj19Ll", "bluesky-refresh-jwt-Hh28Oo", null);
    private final List<String> answers = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, WRONG_PASSWORD, FakeChannel.APP_PASSWORD, x.accessToken(), x.refreshToken(),
            mastodon.accessToken(), bluesky.accessToken(), bluesky.refreshToken(), "fake-registered-secret-1-Hh2w",
            "rotated-access-token-Uu46Yy", "rotated-refresh-token-Ii37Tt"));

    @Test
    void noSecretOfAFullRunIsInAnyLogLineAnyAnswerOrTheDatabaseFiles() throws Exception {
        String logs;
        try (LogCapture capture = new LogCapture();
                TestServer server = new TestServer(DatabaseConfig.embedded(data), data, s -> s.withChannels(List.of(x, mastodon, bluesky)))) {
            x.timedBy(server.clock);
            mastodon.timedBy(server.clock);
            bluesky.timedBy(server.clock);
            server.addUser("ada", Role.ADMIN);
            String admin = server.signIn("ada");

            keep(server.putJson(BASE + "/oauth-clients/X", admin, "{\"clientId\":\"x-client\",\"clientSecret\":\"" + CLIENT_SECRET + "\"}"));
            String xState = state(ok(server.postJson(BASE + "/connect", admin, "{\"network\":\"X\"}")));
            TestServer.Reply xBack = keep(server.get(BASE + "/callback?state=" + xState + "&code=" + FakeChannel.CODE, admin));
            assertThat(xBack.status()).isEqualTo(303);
            assertThat(xBack.location()).endsWith("/admin/accounts?connected=1");
            secrets.add(server.app.engine().pendingConnections().find(ConnectFlow.hash(xState)).orElseThrow().verifier());
            TestServer.Reply replay = keep(server.get(BASE + "/callback?state=" + xState + "&code=" + FakeChannel.CODE, admin));
            assertThat(replay.location()).endsWith("error=state-used&field=state");

            String mState = state(ok(server.postJson(BASE + "/connect", admin, "{\"network\":\"MASTODON\",\"instance\":\"93.184.216.34\"}")));
            secrets.add(server.app.engine().pendingConnections().find(ConnectFlow.hash(mState)).orElseThrow().verifier());
            keep(server.get(BASE + "/callback?state=" + mState + "&code=" + FakeChannel.CODE, admin));
            assertThat(mastodon.registrations.get()).isEqualTo(1);

            TestServer.Reply wrong = keep(server.postJson(BASE + "/app-password", admin,
                    "{\"network\":\"BLUESKY\",\"identifier\":\"acme.bsky.social\",\"password\":\"" + WRONG_PASSWORD + "\"}"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.json().path("field").asText()).isEqualTo("password");
            assertThat(wrong.json().path("rule").asText()).isEqualTo("invalid-credentials");
            long blueskyId = ok(server.postJson(BASE + "/app-password", admin,
                    "{\"network\":\"BLUESKY\",\"identifier\":\"acme.bsky.social\",\"password\":\"" + FakeChannel.APP_PASSWORD + "\"}")).path("id").asLong();

            server.app.accounts().credentialSink().rotated(blueskyId, new Credentials("rotated-access-token-Uu46Yy", "rotated-refresh-token-Ii37Tt",
                    Instant.parse("2026-11-23T10:00:00Z"), Set.of("atproto"), Map.of()));
            assertThat(server.app.accounts().credentials(blueskyId).orElseThrow().accessToken()).isEqualTo("rotated-access-token-Uu46Yy");
            for (long id = 1; id <= 3; id++) keep(server.postJson(BASE + "/" + id + "/check", admin, "{}"));
            server.app.accountHealth().run(server.clock.instant());
            keep(server.get(BASE, admin));
            keep(server.get(BASE + "/oauth-clients", admin));
            keep(server.get(BASE + "/settings", admin));
            keep(server.get("/admin/accounts", admin));
            keep(server.get("/rest/socialdesk/1.0/accounts/999/check", admin));
            assertThat(server.app.accounts().list()).hasSize(3);
            assertThat(bluesky.checks.get() + x.checks.get() + mastodon.checks.get()).isEqualTo(6);

            // The capture works: what is logged through SLF4J, System.Logger and java.util.logging is in it.
            LoggerFactory.getLogger("canary").info("canary-slf4j");
            System.getLogger("canary").log(System.Logger.Level.INFO, "canary-system-logger");
            java.util.logging.Logger.getLogger("canary").fine("canary-jul-fine");
            logs = capture.text();
        }
        assertThat(logs).contains("canary-slf4j", "canary-system-logger", "canary-jul-fine")
                .contains("Account 1 (X) connected by ada").contains("password / invalid-credentials").contains("Account health: 3 of 3");
        String all = String.join("\n", answers);
        assertThat(all).contains("x-client", "acme.bsky.social");
        for (String secret : secrets) {
            assertThat(logs).as("the logs").doesNotContain(secret);
            assertThat(all).as("the answers").doesNotContain(secret);
        }
        assertThat(all).doesNotContain("v1.");
        String onDisk = databaseFiles();
        assertThat(onDisk).as("the database files").contains("acme.bsky.social");
        for (String secret : secrets) assertThat(onDisk).as("the database files").doesNotContain(secret);
    }

    private TestServer.Reply keep(TestServer.Reply reply) {
        answers.add(reply.status() + " " + reply.location() + "\n" + reply.body());
        return reply;
    }

    private com.fasterxml.jackson.databind.JsonNode ok(TestServer.Reply reply) {
        keep(reply);
        return TestServer.ok(reply);
    }

    private static String state(com.fasterxml.jackson.databind.JsonNode start) {
        for (String pair : URI.create(start.path("authorizationUrl").asText()).getRawQuery().split("&")) {
            if (pair.startsWith("state=")) return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        }
        throw new AssertionError("no state in " + start);
    }

    /** The embedded database's files (its script and change log hold every row as text). */
    private String databaseFiles() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("secret.key")).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }
}
