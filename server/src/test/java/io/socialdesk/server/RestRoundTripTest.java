package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of the server over real HTTP, on the embedded database. */
class RestRoundTripTest {
    @TempDir
    static Path data;

    static TestServer server;
    static String author;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        server.addUser("sam", Role.SUPPORT_AGENT);
        author = server.signIn("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCreatedPostCanBeReadBackAndIsListed() {
        TestServer.Reply created = server.postJson("/rest/socialdesk/1.0/posts", author,
                "{\"title\":\"Winter launch\",\"text\":\"Bientôt 🎉\",\"plannedAt\":\"2026-12-01T09:00\",\"zone\":\"Europe/Paris\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode post = created.json();
        assertThat(post.get("title").asText()).isEqualTo("Winter launch");
        assertThat(post.get("text").asText()).isEqualTo("Bientôt 🎉");
        assertThat(post.get("plannedInstant").asText()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(post.get("state").asText()).isEqualTo("DRAFT");
        assertThat(post.get("author").asText()).isEqualTo("alice");
        assertThat(post.get("key").asText()).startsWith("SD-");
        assertThat(created.location()).endsWith("/rest/socialdesk/1.0/posts/" + post.get("id").asLong());

        TestServer.Reply read = server.get("/rest/socialdesk/1.0/posts/" + post.get("id").asLong(), author);
        assertThat(read.json()).isEqualTo(post);

        TestServer.Reply list = server.get("/rest/socialdesk/1.0/posts?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", author);
        assertThat(list.json().findValuesAsText("title")).contains("Winter launch");
        TestServer.Reply item = server.get(post.get("url").asText(), author);
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.body()).contains("Winter launch");
    }

    @Test
    void missingFieldsAreEachNamedWithTheirRule() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts", author, "{\"title\":\"\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("title");
        assertThat(reply.json().get("rule").asText()).isEqualTo("required");
        assertThat(reply.json().get("problems").findValuesAsText("field")).containsExactly("title", "text", "zone", "plannedAt");
    }

    @Test
    void malformedJsonIsA400ThatDoesNotEchoTheBody() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts", author, "{\"title\": <script>");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("body");
        assertThat(reply.body()).doesNotContain("<script>").doesNotContain("Exception");
    }

    @Test
    void anUnknownFieldIsNamed() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts", author, "{\"titel\":\"x\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("titel");
        assertThat(reply.json().get("rule").asText()).isEqualTo("unknown-field");
    }

    @Test
    void aWrongTypeIsNamed() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts", author, "{\"title\":{\"a\":1}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("title");
    }

    @Test
    void anEmptyBodyIsRefusedNotAServerError() {
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts", author, "");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().has("error")).isTrue();
    }

    @Test
    void unknownRoutesWrongMethodsAndWrongMediaTypesAnswerJson() {
        assertThat(server.get("/rest/socialdesk/1.0/nowhere", author).status()).isEqualTo(404);
        assertThat(server.get("/rest/socialdesk/1.0/nowhere", author).json().get("error").asText()).isEqualTo("No such resource");
        TestServer.Reply delete = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/posts"))
                .header("Cookie", author).delete().build());
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.json().has("error")).isTrue();
        TestServer.Reply form = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/posts")).header("Cookie", author)
                .post(new FormBody.Builder().add("title", "x").build()).build());
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("error").asText()).contains("application/json");
    }

    @Test
    void badParametersAreNamedAndAMissingPostIsA404() {
        assertThat(server.get("/rest/socialdesk/1.0/posts/abc", author).json().get("field").asText()).isEqualTo("id");
        assertThat(server.get("/rest/socialdesk/1.0/posts?limit=100000", author).json().get("field").asText()).isEqualTo("limit");
        assertThat(server.get("/rest/socialdesk/1.0/posts?from=yesterday", author).json().get("field").asText()).isEqualTo("from");
        assertThat(server.get("/rest/socialdesk/1.0/posts/999999", author).status()).isEqualTo(404);
    }

    @Test
    void withoutASessionTheApiAnswers401AndASupportAgentCannotCreatePosts() {
        assertThat(server.get("/rest/socialdesk/1.0/posts", "SD_SESSION=forged").status()).isEqualTo(401);
        String agent = server.signIn("sam");
        TestServer.Reply reply = server.postJson("/rest/socialdesk/1.0/posts", agent,
                "{\"title\":\"t\",\"text\":\"x\",\"plannedAt\":\"2026-12-01T09:00\",\"zone\":\"UTC\"}");
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordShowsTheLoginPageAgainWithA401() {
        TestServer.Reply reply = server.call(new Request.Builder().url(server.url("/login"))
                .post(new FormBody.Builder().add("username", "alice").add("password", "wrong").build()).build());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("do not match").doesNotContain("Exception");
    }

    @Test
    void anEndedSessionSaysSoOnTheApiAndSendsPagesToSignIn() {
        String session = server.signIn("alice");
        server.clock.advance(Duration.ofHours(13));
        try {
            TestServer.Reply api = server.get("/rest/socialdesk/1.0/posts", session);
            assertThat(api.status()).isEqualTo(401);
            assertThat(api.json().get("error").asText()).contains("session has ended");
            TestServer.Reply page = server.get("/posts", session);
            assertThat(page.status()).isEqualTo(303);
            assertThat(page.location()).contains("/login?expired=1");
        } finally {
            server.clock.advance(Duration.ofHours(-13));
        }
    }

    @Test
    void anApiTokenWorksWithoutASession() {
        String token = server.app.credentials().createApiToken("alice", "ci");
        TestServer.Reply reply = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/accounts"))
                .header("Authorization", "Bearer " + token).get().build());
        assertThat(reply.status()).isEqualTo(200);
        TestServer.Reply forged = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/accounts"))
                .header("Authorization", "Bearer sdt_forged").get().build());
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aWriteFromAnotherSiteIsRefused() {
        TestServer.Reply reply = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/posts"))
                .header("Cookie", author).header("Origin", "https://evil.example")
                .post(RequestBody.create("{}", TestServer.JSON)).build());
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("field").asText()).isEqualTo("Origin");
    }

    @Test
    void healthReportsTheVersionTheDatabaseAndTheSchedulersHeartbeat() throws Exception {
        TestServer.Reply health = server.get("/rest/socialdesk/1.0/health", "");
        for (int i = 0; i < 50 && health.json().path("scheduler").path("lastHeartbeat").isNull(); i++) {
            Thread.sleep(100);
            health = server.get("/rest/socialdesk/1.0/health", "");
        }
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("up");
        assertThat(health.json().get("version").asText()).isNotBlank();
        assertThat(health.json().at("/database/product").asText()).startsWith("HSQL");
        assertThat(health.json().at("/scheduler/node").asText()).isEqualTo("test-node");
    }

    @Test
    void pagesAnswerFriendlyHtmlForUnknownAddresses() {
        TestServer.Reply reply = server.get("/no/such/page", author);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("Page not found");
        TestServer.Reply missing = server.get("/static/js/none.js", author);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception");
    }

    static String fullPost(String title, Integer version) {
        return "{" + (version == null ? "" : "\"version\":" + version + ",")
                + "\"title\":\"" + title + "\",\"text\":\"Master text\",\"plannedAt\":\"2026-12-03T09:00\",\"zone\":\"Europe/Paris\","
                + "\"variants\":{\"X\":\"Short for X\",\"bluesky\":\"Pour Bluesky\"},\"thread\":[\"Part two\"],"
                + "\"hashtags\":[\"#launch\"],\"utm\":{\"medium\":\"social\",\"campaign\":\"winter\"},"
                + "\"campaign\":\"Winter\",\"language\":\"fr\",\"accountIds\":[2,1]}";
    }

    @Test
    void everyFieldOfAPostRoundTripsAndAnEditBumpsTheVersion() {
        JsonNode created = server.postJson("/rest/socialdesk/1.0/posts", author, fullPost("Full post", null)).json();
        assertThat(created.at("/variants/X").asText()).isEqualTo("Short for X");
        assertThat(created.at("/variants/BLUESKY").asText()).isEqualTo("Pour Bluesky");
        assertThat(created.at("/thread/0").asText()).isEqualTo("Part two");
        assertThat(created.at("/hashtags/0").asText()).isEqualTo("launch");
        assertThat(created.at("/utm/campaign").asText()).isEqualTo("winter");
        assertThat(created.at("/accountIds").toString()).isEqualTo("[2,1]");
        assertThat(created.get("version").asInt()).isEqualTo(1);

        String id = created.get("id").asText();
        TestServer.Reply edited = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/posts/" + id))
                .header("Cookie", author).put(RequestBody.create(fullPost("Full post, edited", 1), TestServer.JSON)).build());
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("title").asText()).isEqualTo("Full post, edited");
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(edited.json().get("updatedBy").asText()).isEqualTo("alice");
    }

    @Test
    void aStaleEditIsA409CarryingTheCurrentPostAndNothingIsOverwritten() {
        JsonNode created = server.postJson("/rest/socialdesk/1.0/posts", author, fullPost("Race", null)).json();
        String path = "/rest/socialdesk/1.0/posts/" + created.get("id").asText();
        TestServer.Reply first = server.call(new Request.Builder().url(server.url(path)).header("Cookie", author)
                .put(RequestBody.create(fullPost("First editor", 1), TestServer.JSON)).build());
        assertThat(first.status()).isEqualTo(200);

        TestServer.Reply second = server.call(new Request.Builder().url(server.url(path)).header("Cookie", author)
                .put(RequestBody.create(fullPost("Second editor", 1), TestServer.JSON)).build());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("field").asText()).isEqualTo("version");
        assertThat(second.json().get("rule").asText()).isEqualTo("stale-version");
        assertThat(second.json().at("/current/title").asText()).isEqualTo("First editor");
        assertThat(server.get(path, author).json().get("title").asText()).isEqualTo("First editor");
    }

    @Test
    void anEditWithoutAVersionOrWithAnUnknownNetworkIsNamed() {
        JsonNode created = server.postJson("/rest/socialdesk/1.0/posts", author, fullPost("Checks", null)).json();
        String path = "/rest/socialdesk/1.0/posts/" + created.get("id").asText();
        TestServer.Reply noVersion = server.call(new Request.Builder().url(server.url(path)).header("Cookie", author)
                .put(RequestBody.create(fullPost("x", null), TestServer.JSON)).build());
        assertThat(noVersion.json().get("field").asText()).isEqualTo("version");
        TestServer.Reply badNetwork = server.postJson("/rest/socialdesk/1.0/posts", author,
                "{\"title\":\"t\",\"text\":\"x\",\"plannedAt\":\"2026-12-01T09:00\",\"zone\":\"UTC\",\"variants\":{\"myspace\":\"hi\"}}");
        assertThat(badNetwork.status()).isEqualTo(400);
        assertThat(badNetwork.json().get("field").asText()).isEqualTo("variants.myspace");
        assertThat(badNetwork.json().get("rule").asText()).isEqualTo("known-network");
    }

    @Test
    void postsCanBeFilteredByStateAuthorAndCampaign() {
        server.postJson("/rest/socialdesk/1.0/posts", author, fullPost("Filtered", null));
        assertThat(server.get("/rest/socialdesk/1.0/posts?campaign=Winter&author=alice&state=draft", author).json().findValuesAsText("title"))
                .contains("Filtered");
        assertThat(server.get("/rest/socialdesk/1.0/posts?campaign=Summer", author).json().size()).isZero();
        TestServer.Reply badState = server.get("/rest/socialdesk/1.0/posts?state=lost", author);
        assertThat(badState.json().get("field").asText()).isEqualTo("state");
        assertThat(badState.json().get("rule").asText()).isEqualTo("known-state");
    }
}
