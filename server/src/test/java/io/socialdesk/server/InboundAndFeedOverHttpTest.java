package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.webhook.WebhookSignature;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import java.net.URI;
import io.socialdesk.server.tracker.BuiltInTracker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbound webhook and the Atom feed over real HTTP on the embedded database: a signed mention
 * opens a mention item in the tracker; a wrong signature (401) or a broken body (400) opens nothing.
 */
class InboundAndFeedOverHttpTest {
    static final String SECRET = "inbound-secret-for-account-1";
    static final String MENTION = """
            {"id":"forum:4711","text":"Is the <b>winter sale</b> on?","author":{"id":"u-17","handle":"@sam"},
             "url":"https://forum.example/t/4711","network":"Shop forum"}""";

    @TempDir
    static Path data;

    static TestServer server;
    static String alice;
    static long hook;
    static long mastodon;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        alice = server.signIn("alice");
        mastodon = server.app.accounts().add(Network.MASTODON, "@shop@example.social", "Shop").id();
        // The forum's automation signs with the secret of a connected signed-webhook account, stored encrypted.
        hook = server.app.accounts().connect(null, Network.WEBHOOK, URI.create("https://forum.example/hooks/social"),
                new Connected("forum", "Shop forum", "Shop forum", Credentials.bearer(SECRET)), "alice", server.clock.instant()).id();
        server.app.accounts().add(Network.LINKEDIN, "urn:li:organization:5515715", "Shop on LinkedIn");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestServer.Reply post(String path, String body, String timestamp, String signature) {
        Request.Builder request = new Request.Builder().url(server.url("/rest/socialdesk/1.0" + path))
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        if (timestamp != null) request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        if (signature != null) request.header(WebhookSignature.SIGNATURE_HEADER, signature);
        return server.call(request.build());
    }

    static TestServer.Reply signed(String path, String body, String secret) {
        long now = server.clock.instant().getEpochSecond();
        return post(path, body, Long.toString(now), WebhookSignature.sign(secret, now, body.getBytes(StandardCharsets.UTF_8)));
    }

    static List<BuiltInTracker.Item> mentions() {
        return server.app.tracker().list(ItemKind.MENTION, 100);
    }

    @Test
    void aSignedMentionOpensAMentionItemAndAnswers202WithItsId() {
        int before = mentions().size();

        TestServer.Reply reply = signed("/inbound/" + hook, MENTION, SECRET);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().get("id").asText()).isEqualTo("forum:4711");
        List<BuiltInTracker.Item> items = mentions();
        assertThat(items).hasSize(before + 1);
        assertThat(items.get(0).summary()).isEqualTo("Mention on Shop forum from @sam: Is the <b>winter sale</b> on?");
        assertThat(items.get(0).reporter()).as("the account owner reports it").isEqualTo("alice");
    }

    @Test
    void aWrongOrReplayedSignatureIs401AndOpensNothing() {
        int before = mentions().size();
        long now = server.clock.instant().getEpochSecond();
        String body = MENTION.replace("forum:4711", "forum:4712");
        String good = WebhookSignature.sign(SECRET, now, body.getBytes(StandardCharsets.UTF_8));

        TestServer.Reply wrong = signed("/inbound/" + hook, body, "not-the-secret-at-all");
        TestServer.Reply unsigned = post("/inbound/" + hook, body, null, null);
        TestServer.Reply first = post("/inbound/" + hook, body, Long.toString(now), good);
        TestServer.Reply replayed = post("/inbound/" + hook, body, Long.toString(now), good);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("rule").asText()).isEqualTo("signature");
        assertThat(wrong.json().get("field").asText()).isEqualTo("X-SocialDesk-Signature");
        assertThat(wrong.json().get("error").asText()).contains("does not match the body").doesNotContain(SECRET);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(first.status()).isEqualTo(202);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(mentions()).hasSize(before + 1);
    }

    @Test
    void aBadBodyIs400NamingTheFieldAndOpensNothing() {
        int before = mentions().size();

        TestServer.Reply reply = signed("/inbound/" + hook, "{\"id\":\"forum:1\",\"text\":\"hi\",\"author\":{\"handle\":\"@x\"},\"createdAt\":\"soon\"}", SECRET);
        TestServer.Reply notJson = signed("/inbound/" + hook, "<xml/>", SECRET);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json();
        assertThat(error.get("field").asText()).isEqualTo("author.id");
        assertThat(error.get("rule").asText()).isEqualTo("required");
        assertThat(error.get("problems")).extracting(p -> p.get("field").asText()).containsExactlyInAnyOrder("author.id", "createdAt");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("field").asText()).isEqualTo("body");
        assertThat(mentions()).hasSize(before);
    }

    @Test
    void anAccountWithoutSecretIs404AndAHugeBodyIs413() {
        assertThat(signed("/inbound/" + mastodon, MENTION, SECRET).status()).isEqualTo(404);
        assertThat(signed("/inbound/abc", MENTION, SECRET).status()).isEqualTo(400);
        assertThat(signed("/inbound/" + hook, "{\"id\":\"x\",\"text\":\"" + "a".repeat(300 * 1024) + "\"}", SECRET).status()).isEqualTo(413);
    }

    @Test
    void theAtomFeedListsPublishedPostsPerAccountForSignedInReaders() {
        JsonNode created = server.createPost(alice, "Published: the <winter> sale & more");
        JsonNode draft = server.createPost(alice, "Still a draft");
        Post post = server.app.postStore().find(created.get("id").asLong()).orElseThrow();
        server.app.postStore().move(post.id(), post.version(), PostState.PUBLISHED, post.planned(), "alice", server.clock.instant());

        TestServer.Reply feed = server.get("/rest/socialdesk/1.0/feeds/SD.atom", alice);
        TestServer.Reply other = server.get("/rest/socialdesk/1.0/feeds/OTHER.atom", alice);
        TestServer.Reply anonymous = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/feeds/SD.atom")).get().build());
        TestServer.Reply unknownAccount = server.get("/rest/socialdesk/1.0/feeds/SD.atom?account=99", alice);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<content type=\"text\">Published: the &lt;winter&gt; sale &amp; more</content>")
                .contains("/items/" + created.get("key").asText())
                .doesNotContain("Still a draft")
                .contains("<category term=\"mastodon\"");
        assertThat(other.body()).doesNotContain("winter");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
    }
}
