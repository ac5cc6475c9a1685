package io.socialdesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The server started in this JVM on a free port, with a movable clock, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json");
    static final String PASSWORD = "correct horse";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final SocialDeskApp app;
    final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).callTimeout(Duration.ofSeconds(20)).build();

    TestServer(DatabaseConfig database) throws Exception {
        this(database, java.nio.file.Files.createTempDirectory("socialdesk-data"), UnaryOperator.identity());
    }

    TestServer(DatabaseConfig database, Path dataDir) throws Exception {
        this(database, dataDir, UnaryOperator.identity());
    }

    /** {@code adjust}: changes to the test settings, e.g. SMTP. */
    TestServer(DatabaseConfig database, Path dataDir, UnaryOperator<SocialDeskApp.Settings> adjust) throws Exception {
        app = SocialDeskApp.open(adjust.apply(new SocialDeskApp.Settings("127.0.0.1", 0, database, "test-node", Duration.ofSeconds(1), clock,
                dataDir)))
                .start();
    }

    static TestServer embedded(Path dataDir) throws Exception {
        return new TestServer(DatabaseConfig.embedded(dataDir), dataDir);
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    void addUser(String username, Role role) {
        app.users().add(new ServerUsers.NewUser(username, username, Set.of(role), "Europe/Paris", "en", PASSWORD));
    }

    /** Signs in through the login form and answers the session cookie header value. */
    String signIn(String username) {
        Request login = new Request.Builder().url(url("/login"))
                .post(new FormBody.Builder().add("username", username).add("password", PASSWORD).build()).build();
        try (Response response = http.newCall(login).execute()) {
            if (response.code() != 303) throw new IllegalStateException("sign-in failed: " + response.code());
            String setCookie = response.header("Set-Cookie");
            return setCookie.substring(0, setCookie.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} to the inbound webhook of account {@code hook}, signed now with {@code secret} as a sender does. */
    Reply inbound(long hook, String secret, String body) {
        long now = clock.instant().getEpochSecond();
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return call(new Request.Builder().url(url("/rest/socialdesk/1.0/inbound/" + hook))
                .post(RequestBody.create(bytes, MediaType.get("application/json")))
                .header(io.socialdesk.channel.webhook.WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(io.socialdesk.channel.webhook.WebhookSignature.SIGNATURE_HEADER,
                        io.socialdesk.channel.webhook.WebhookSignature.sign(secret, now, bytes)).build());
    }

    Reply get(String path, String cookie) {
        return call(new Request.Builder().url(url(path)).header("Cookie", cookie).get().build());
    }

    Reply postJson(String path, String cookie, String json) {
        return call(new Request.Builder().url(url(path)).header("Cookie", cookie).post(RequestBody.create(json, JSON)).build());
    }

    Reply putJson(String path, String cookie, String json) {
        return call(new Request.Builder().url(url(path)).header("Cookie", cookie).put(RequestBody.create(json, JSON)).build());
    }

    Reply delete(String path, String cookie) {
        return call(new Request.Builder().url(url(path)).header("Cookie", cookie).delete().build());
    }

    /** Creates a post for tomorrow-ish in Paris, targeting account 1, and answers it (asserting 201). */
    JsonNode createPost(String cookie, String text) {
        Reply created = postJson("/rest/socialdesk/1.0/posts", cookie, "{\"title\":\"Winter sale\",\"text\":"
                + MAPPER.valueToTree(text) + ",\"plannedAt\":\"2026-12-01T09:00\",\"zone\":\"Europe/Paris\",\"accountIds\":[1]}");
        if (created.status() != 201) throw new AssertionError("create failed: " + created.status() + " " + created.body());
        return created.json();
    }

    /** A workflow action on the version of {@code post}; {@code extra} adds JSON members (",\"reason\":\"...\""). */
    Reply act(String cookie, JsonNode post, String action, String extra) {
        return postJson("/rest/socialdesk/1.0/posts/" + post.get("id").asLong() + "/actions", cookie,
                "{\"action\":\"" + action + "\",\"version\":" + post.get("version").asInt() + extra + "}");
    }

    /** The JSON of a 200 answer; anything else fails with the answer's body. */
    static JsonNode ok(Reply reply) {
        if (reply.status() != 200) throw new AssertionError("expected 200, got " + reply.status() + " " + reply.body());
        return reply.json();
    }

    Reply call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), response.header("Content-Type", ""), response.header("Location"), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Reply(int status, String contentType, String location, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
