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
        this(database, java.nio.file.Files.createTempDirectory("socialdesk-data"));
    }

    TestServer(DatabaseConfig database, Path dataDir) throws Exception {
        app = SocialDeskApp.open(new SocialDeskApp.Settings("127.0.0.1", 0, database, "test-node", Duration.ofSeconds(1), clock, dataDir))
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

    Reply get(String path, String cookie) {
        return call(new Request.Builder().url(url(path)).header("Cookie", cookie).get().build());
    }

    Reply postJson(String path, String cookie, String json) {
        return call(new Request.Builder().url(url(path)).header("Cookie", cookie).post(RequestBody.create(json, JSON)).build());
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
