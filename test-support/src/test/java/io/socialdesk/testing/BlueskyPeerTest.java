package io.socialdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bluesky's reference servers, used from Java the way the connector will: accounts, an app password, a post with
 * a mention, and the mentioned account's notification from the AppView. Needs {@code peers/bluesky/start.sh}.
 */
@ExtendWith(BlueskyPeer.Required.class)
class BlueskyPeerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMentionWithUtf8ByteOffsetsReachesTheMentionedAccountsNotifications(BlueskyPeer bluesky) throws Exception {
        BlueskyPeer.Account author = bluesky.createAccount("author");
        BlueskyPeer.Account reader = bluesky.createAccount("reader");
        assertThat(author.handle()).matches("author-[a-z0-9]{6}\\.test");
        assertThat(author.did()).startsWith("did:plc:");
        assertThat(reader.did()).isNotEqualTo(author.did());

        // Characters of 2, 3 and 4 UTF-8 bytes before the mention: facets index bytes, not chars or code points.
        String before = "Salut l'équipe ✨👋 ";
        String mention = "@" + reader.handle();
        String text = before + mention + " — ça marche ?";
        int byteStart = before.getBytes(StandardCharsets.UTF_8).length;
        int byteEnd = byteStart + mention.getBytes(StandardCharsets.UTF_8).length;
        assertThat(byteStart).isGreaterThan(before.length());

        ObjectNode post = JSON.createObjectNode()
                .put("$type", "app.bsky.feed.post")
                .put("text", text)
                .put("createdAt", Instant.now().toString());
        ObjectNode facet = post.putArray("facets").addObject();
        facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteEnd);
        facet.putArray("features").addObject()
                .put("$type", "app.bsky.richtext.facet#mention")
                .put("did", reader.did());
        ObjectNode create = JSON.createObjectNode()
                .put("repo", author.did())
                .put("collection", "app.bsky.feed.post");
        create.set("record", post);
        JsonNode created = bluesky.call("com.atproto.repo.createRecord", author.accessJwt(), create);
        String uri = created.path("uri").asText();
        assertThat(uri).startsWith("at://" + author.did() + "/app.bsky.feed.post/");

        JsonNode mentionNotice = awaitNotification(bluesky, reader, "mention", uri, Duration.ofSeconds(10));
        assertThat(mentionNotice.path("author").path("did").asText()).isEqualTo(author.did());
        assertThat(mentionNotice.path("author").path("handle").asText()).isEqualTo(author.handle());
        assertThat(mentionNotice.path("record").path("text").asText()).isEqualTo(text);
        JsonNode index = mentionNotice.path("record").path("facets").path(0).path("index");
        assertThat(index.path("byteStart").asInt()).isEqualTo(byteStart);
        assertThat(index.path("byteEnd").asInt()).isEqualTo(byteEnd);
    }

    @Test
    void anAppPasswordOpensASessionOfItsAccount(BlueskyPeer bluesky) {
        BlueskyPeer.Account account = bluesky.createAccount("app-pw");
        String appPassword = bluesky.appPassword(account);
        assertThat(appPassword).matches("[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}").isNotEqualTo(account.password());

        JsonNode session = bluesky.createSession(account.handle(), appPassword);
        assertThat(session.path("did").asText()).isEqualTo(account.did());
        assertThat(session.path("accessJwt").asText()).isNotBlank().isNotEqualTo(account.accessJwt());
        // an app-password session reads the account's notifications through the PDS, as the connector will
        JsonNode notifications = bluesky.query("app.bsky.notification.listNotifications",
                session.path("accessJwt").asText(), Map.of("limit", "10"));
        assertThat(notifications.path("notifications").isArray()).isTrue();

        assertThatThrownBy(() -> bluesky.createSession(account.handle(), "not-the-password"))
                .isInstanceOfSatisfying(BlueskyPeer.XrpcException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.error()).isEqualTo("AuthenticationRequired");
                });
    }

    @Test
    void handlesAreUniqueAndAPrefixThePdsWouldRefuseIsRefusedFirst(BlueskyPeer bluesky) {
        assertThat(bluesky.createAccount("twin").handle()).isNotEqualTo(bluesky.createAccount("twin").handle());
        assertThatThrownBy(() -> bluesky.createAccount("much-too-long")).hasMessageContaining("1 to 11");
        assertThatThrownBy(() -> bluesky.createAccount("Bad_Name")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Polls the account's notifications (through its PDS, served by the AppView) for one of the reason on uri. */
    private static JsonNode awaitNotification(BlueskyPeer bluesky, BlueskyPeer.Account account, String reason, String uri, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = bluesky.query("app.bsky.notification.listNotifications", account.accessJwt(), Map.of("limit", "10"));
            for (JsonNode n : last.path("notifications")) {
                if (reason.equals(n.path("reason").asText()) && uri.equals(n.path("uri").asText())) return n;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + reason + "' notification for " + uri + " within " + timeout + "; last: " + last);
    }
}
