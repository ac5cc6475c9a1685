package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /rest/socialdesk/1.0/validate} over real HTTP: the same object the command line prints. */
class ValidateOverHttpTest {
    @TempDir
    static Path data;

    static TestServer server;
    static String author;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        author = server.signIn("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersTheVerdictThatTheCommandLinePrints() {
        String text = "Bonjour 👨‍👩‍👧‍👧 https://example.com";
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/validate", author, "{\"network\":\"bluesky\",\"text\":\"" + text + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(CommandLineTest.run("", "validate", "--network", "bluesky", text).out().strip());
    }

    @Test
    void anInvalidTextIsStill200WithValidFalse() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/validate", author,
                "{\"network\":\"MASTODON\",\"text\":\"" + "a".repeat(501) + "\",\"instanceLimit\":500}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("valid").asBoolean()).isFalse();
        assertThat(reply.json().get("errors").get(0).get("start").asInt()).isEqualTo(500);
    }

    @Test
    void anUnknownNetworkIsA400NamingFieldAndRule() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/validate", author, "{\"network\":\"myspace\",\"text\":\"hi\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("network");
        assertThat(reply.json().get("rule").asText()).isEqualTo("known-network");
        assertThat(reply.json().get("error").asText()).contains("BLUESKY");
    }

    @Test
    void anonymousCallersAreRefused() {
        TestServer.Reply reply = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/validate"))
                .post(RequestBody.create("{\"network\":\"X\",\"text\":\"hi\"}", TestServer.JSON)).build());
        assertThat(reply.status()).isEqualTo(401);
    }
}
