package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.testing.PostgresCluster;
import io.socialdesk.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as the README starts it: a real process on a free port that serves the health
 * endpoint and pages, keeps its data across a restart, and stops cleanly on SIGTERM; on the
 * embedded database and on PostgreSQL.
 */
class ServerJarIT {
    static final Path JAR = Path.of(System.getProperty("socialdesk.jar", "target/socialdesk.jar"));
    static final ObjectMapper JSON = new ObjectMapper();
    final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).callTimeout(Duration.ofSeconds(20)).build();

    @TempDir
    Path work;

    @Test
    void servesHealthAndPagesOnTheEmbeddedDatabaseAndKeepsItsDataAcrossARestart() throws Exception {
        List<String> args = List.of("serve", "--demo", "--port", "0", "--data", work.resolve("data").toString());
        int postsBefore;
        try (ServerProcess server = start(args, "first-start")) {
            String url = server.readyMatch().group(1);
            JsonNode health = getJson(url + "rest/socialdesk/1.0/health");
            assertThat(health.get("status").asText()).isEqualTo("up");
            assertThat(health.at("/database/product").asText()).startsWith("HSQL");
            assertThat(health.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(server.lines()).anyMatch(line -> line.contains("Demo workspace created"));
            assertThat(get(url + "login")).contains("Sign in to Social Desk");
            postsBefore = countPosts(url);
            assertThat(postsBefore).isGreaterThanOrEqualTo(20);
            stopWithSigterm(server);
        }
        assertThat(Files.exists(work.resolve("data/db/socialdesk.script"))).isTrue();

        try (ServerProcess again = start(args, "second-start")) {
            String url = again.readyMatch().group(1);
            assertThat(again.lines()).anyMatch(line -> line.contains("Demo workspace already present"));
            assertThat(countPosts(url)).isEqualTo(postsBefore);
            stopWithSigterm(again);
        }
    }

    @Test
    void servesHealthAndPagesOnPostgreSql() throws Exception {
        try (PostgresCluster postgres = PostgresCluster.start()) {
            String jdbc = postgres.createDatabase("socialdesk_it");
            List<String> args = List.of("serve", "--demo", "--port", "0", "--data", work.resolve("pgdata").toString(),
                    "--db", jdbc, "--db-user", postgres.user());
            try (ServerProcess server = ServerProcess.jar(JAR).args(args).env("SOCIALDESK_DB_PASSWORD", postgres.password())
                    .readyWhen("is running at (http://\\S+)").log(work.resolve("pg.log")).timeout(Duration.ofSeconds(60)).start()) {
                String url = server.readyMatch().group(1);
                JsonNode health = getJson(url + "rest/socialdesk/1.0/health");
                assertThat(health.get("status").asText()).isEqualTo("up");
                assertThat(health.at("/database/product").asText()).startsWith("PostgreSQL");
                assertThat(get(url + "login")).contains("Sign in to Social Desk");
                assertThat(countPosts(url)).isGreaterThanOrEqualTo(20);
                assertThat(String.join("\n", server.lines())).doesNotContain(postgres.password() + "@");
                stopWithSigterm(server);
            }
            // The data is in PostgreSQL, not in the data folder.
            try (var c = postgres.connect("socialdesk_it"); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM \"" + io.socialdesk.server.db.Database.tablePrefix() + "_POST\"")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(20);
            }
        }
    }

    @Test
    void aSecondProcessOnTheSameEmbeddedDatabaseIsToldWhyAndChangesNothing() {
        Path dataDir = work.resolve("locked");
        try (ServerProcess server = start(List.of("serve", "--port", "0", "--data", dataDir.toString()), "locked")) {
            CommandLineTest.Run list = CommandLineTest.run("", "user", "list", "--data", dataDir.toString());
            assertThat(list.exitCode()).isEqualTo(2);
            assertThat(list.err()).contains("in use by another Social Desk process").doesNotContain("\tat ");
            assertThat(server.isAlive()).isTrue();
            stopWithSigterm(server);
        }
    }

    private ServerProcess start(List<String> args, String name) {
        return ServerProcess.jar(JAR).args(new ArrayList<>(args)).readyWhen("is running at (http://\\S+)")
                .log(work.resolve(name + ".log")).timeout(Duration.ofSeconds(60)).start();
    }

    private static void stopWithSigterm(ServerProcess server) {
        server.process().destroy();
        int exit = server.waitFor(Duration.ofSeconds(20));
        // 143 = terminated by SIGTERM after the shutdown hook ran.
        assertThat(exit).as(server.tail(40)).isIn(0, 143);
        assertThat(String.join("\n", server.lines())).doesNotContain("Exception");
    }

    private int countPosts(String url) throws Exception {
        String cookie = signIn(url, "alice");
        Request list = new Request.Builder().url(url + "rest/socialdesk/1.0/posts?limit=500").header("Cookie", cookie).build();
        try (Response response = http.newCall(list).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string()).size();
        }
    }

    private String signIn(String url, String username) throws Exception {
        Request login = new Request.Builder().url(url + "login")
                .post(new FormBody.Builder().add("username", username).add("password", "socialdesk").build()).build();
        try (Response response = http.newCall(login).execute()) {
            assertThat(response.code()).isEqualTo(303);
            String setCookie = response.header("Set-Cookie");
            return setCookie.substring(0, setCookie.indexOf(';'));
        }
    }

    private JsonNode getJson(String url) throws Exception {
        return JSON.readTree(get(url));
    }

    private String get(String url) throws Exception {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().string();
        }
    }
}
