package io.socialdesk.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.bluesky.BlueskyFixtures.Recorded;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.testing.BlueskyPeer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector against Bluesky's own reference servers ({@code @atproto/dev-env}: PLC, PDS, AppView),
 * started by {@code peers/bluesky/start.sh}. Without them the tests are skipped loudly outside CI and
 * fail in CI ({@link BlueskyPeer.Required}). What only a real server shows: the records we build are
 * accepted by the PDS's own lexicon validation, mentions resolve and notify, the AppView indexes the
 * thread and the image, the session renews with a real refresh token.
 */
@ExtendWith(BlueskyPeer.Required.class)
class BlueskyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The AppView indexes from the PDS's firehose: allow it this long to show what was written. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<Credentials> rotated = new CopyOnWriteArrayList<>();

    private BlueskyChannel channel(BlueskyPeer bluesky) {
        return new BlueskyChannel(new HttpCalls(AddressPolicy.ANY), new RateLimits(Clock.systemUTC()), (id, fresh) -> rotated.add(fresh),
                Clock.systemUTC(), URI.create(bluesky.pds()));
    }

    private static ChannelAccount account(long id, URI pds, Connected connected) {
        return new ChannelAccount(id, Network.BLUESKY, connected.handle(), pds, connected.remoteId(), connected.credentials());
    }

    @Test
    void connectPublishImportTheMentionAndDelete(BlueskyPeer bluesky) throws Exception {
        URI pds = URI.create(bluesky.pds());
        BlueskyPeer.Account alice = bluesky.createAccount("alice");
        BlueskyPeer.Account bob = bluesky.createAccount("bob");
        BlueskyChannel channel = channel(bluesky);

        // Connect: Alice with an app password, Bob with his account password (the reference PDS takes both).
        Connected a = channel.login(pds, alice.handle(), bluesky.appPassword(alice));
        assertThat(a.remoteId()).isEqualTo(alice.did());
        assertThat(a.handle()).isEqualTo(alice.handle());
        assertThat(a.credentials().extra("did")).isEqualTo(alice.did());
        ChannelAccount aliceAccount = account(1, pds, a);
        ChannelAccount bobAccount = account(2, pds, channel.login(pds, "@" + bob.handle(), bob.password()));
        AccountHealth health = channel.check(aliceAccount);
        assertThat(health.usable()).as(String.valueOf(health.detail())).isTrue();
        assertThat(health.remoteId()).isEqualTo(alice.did());

        // Bob's imports start from now.
        ImportBatch mentionsStart = channel.fetch(bobAccount, Stream.MENTIONS, null);
        ImportBatch repliesStart = channel.fetch(bobAccount, Stream.REPLIES, null);
        assertThat(mentionsStart.failed()).as(String.valueOf(mentionsStart.problem())).isFalse();
        assertThat(mentionsStart.items()).isEmpty();

        // A post with a mention of Bob, a link and a real PNG.
        byte[] png = BlueskyFixtures.png(40, 30);
        Attachment chart = new Attachment("image/png", png.length, "A test chart", () -> new java.io.ByteArrayInputStream(png), null, 40, 30);
        Delivery first = new Delivery("e2e/post", "Hello @" + bob.handle() + " 👋 see https://example.com/launch", List.of(chart), null, null, "en",
                Map.of());
        Recorded firstProgress = new Recorded();
        RemotePost post = sent(channel.publish(aliceAccount, first, firstProgress));
        assertThat(post.id()).isEqualTo("at://" + alice.did() + "/app.bsky.feed.post/" + firstProgress.values.get("rkey"));
        assertThat(post.url()).isEqualTo("https://bsky.app/profile/" + alice.handle() + "/post/" + firstProgress.values.get("rkey"));
        assertThat(firstProgress.values).containsKey("blob.0");
        JsonNode stored = bluesky.query("com.atproto.repo.getRecord", null, Map.of("repo", alice.did(), "collection", "app.bsky.feed.post",
                "rkey", firstProgress.values.get("rkey"))).path("value");
        assertThat(stored.path("facets").findValuesAsText("did")).containsExactly(bob.did());
        assertThat(stored.path("facets").findValuesAsText("uri")).containsExactly("https://example.com/launch");
        assertThat(stored.path("embed").path("images").path(0).path("alt").asText()).isEqualTo("A test chart");
        BlueskyFixtures.assertValidPost(stored);

        // Settling the post finds it where the record key says.
        assertThat(channel.settle(aliceAccount, first.withProgress(firstProgress.values))).isEqualTo(new Outcome.Sent(post));

        // A two-part thread: the second part answers the first.
        RemotePost partOne = sent(channel.publish(aliceAccount, Delivery.text("e2e/thread/0", "Thread, part one"), new Recorded()));
        RemotePost partTwo = sent(channel.publish(aliceAccount, Delivery.text("e2e/thread/1", "Thread, part two").replyingTo(partOne, null),
                new Recorded()));

        // A reply to a post of Bob's.
        ObjectNode bobRecord = JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", "What is new?")
                .put("createdAt", Instant.now().toString());
        ObjectNode create = JSON.createObjectNode().put("repo", bob.did()).put("collection", "app.bsky.feed.post");
        create.set("record", bobRecord);
        JsonNode bobPost = bluesky.call("com.atproto.repo.createRecord", bob.accessJwt(), create);
        RemotePost question = new RemotePost(bobPost.path("uri").asText(), null, bobPost.path("cid").asText());
        RemotePost answer = sent(channel.publish(aliceAccount, Delivery.text("e2e/reply", "The launch!").replyingTo(question, question), new Recorded()));

        // The AppView shows the thread and the image.
        JsonNode thread = eventually("the thread in the AppView", () -> bluesky.query("app.bsky.feed.getPostThread", alice.accessJwt(),
                Map.of("uri", partTwo.id())), t -> t.path("thread").path("parent").path("post").path("uri").asText().equals(partOne.id()));
        assertThat(thread.path("thread").path("post").path("uri").asText()).isEqualTo(partTwo.id());
        JsonNode shown = eventually("the post in the AppView", () -> posts(bluesky, alice, post.id()), p -> p.size() == 1).get(0);
        assertThat(shown.path("embed").path("$type").asText()).isEqualTo("app.bsky.embed.images#view");
        assertThat(shown.path("embed").path("images").path(0).path("alt").asText()).isEqualTo("A test chart");

        // Bob's side: the mention and the reply are imported, Alice as their author.
        List<Inbound> mentions = new ArrayList<>();
        String mentionsCursor = eventuallyImported(channel, bobAccount, Stream.MENTIONS, mentionsStart.cursor(), mentions);
        assertThat(mentions).extracting(Inbound::externalId).containsExactly(post.id());
        Inbound mention = mentions.get(0);
        assertThat(mention.kind()).isEqualTo("mention");
        assertThat(mention.author().id()).isEqualTo(alice.did());
        assertThat(mention.author().handle()).isEqualTo(alice.handle());
        assertThat(mention.author().profileUrl()).isEqualTo("https://bsky.app/profile/" + alice.handle());
        assertThat(mention.text()).isEqualTo(first.text());
        assertThat(mention.url()).isEqualTo(post.url());
        ImportBatch nothingNew = channel.fetch(bobAccount, Stream.MENTIONS, mentionsCursor);
        assertThat(nothingNew.items()).isEmpty();
        List<Inbound> replies = new ArrayList<>();
        eventuallyImported(channel, bobAccount, Stream.REPLIES, repliesStart.cursor(), replies);
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.externalId()).isEqualTo(answer.id());
            assertThat(reply.parentId()).isEqualTo(question.id());
            assertThat(reply.rootId()).isEqualTo(question.id());
        });
        // Delete: gone from the PDS (settle now says it may be sent again) and from the AppView; deleting twice is fine.
        assertThat(channel.delete(aliceAccount, post)).isEqualTo(new Outcome.Sent(post));
        assertThat(channel.delete(aliceAccount, post)).isEqualTo(new Outcome.Sent(post));
        assertThat(channel.settle(aliceAccount, first.withProgress(firstProgress.values))).isInstanceOf(Outcome.RetryLater.class);
        eventually("the deleted post gone from the AppView", () -> posts(bluesky, alice, post.id()), JsonNode::isEmpty);
        assertThat(rotated).isEmpty(); // nothing needed renewing
    }

    @Test
    void aRefusedAccessTokenIsRenewedWithTheRealRefreshToken(BlueskyPeer bluesky) throws Exception {
        URI pds = URI.create(bluesky.pds());
        BlueskyPeer.Account carol = bluesky.createAccount("carol");
        BlueskyChannel channel = channel(bluesky);
        Connected connected = channel.login(pds, carol.handle(), bluesky.appPassword(carol));
        Credentials broken = new Credentials("not-a-valid-token", connected.credentials().refreshToken(), null, null,
                connected.credentials().extra());
        ChannelAccount account = new ChannelAccount(3, Network.BLUESKY, connected.handle(), pds, connected.remoteId(), broken);

        RemotePost post = sent(channel.publish(account, Delivery.text("e2e/renewed", "Sent after renewing the session"), new Recorded()));

        assertThat(post.id()).startsWith("at://" + carol.did() + "/app.bsky.feed.post/");
        assertThat(rotated).hasSize(1);
        assertThat(rotated.get(0).refreshToken()).isNotEqualTo(connected.credentials().refreshToken());
        // The caller still holds the refused pair; the renewed session is used without renewing again.
        assertThat(channel.check(account).usable()).isTrue();
        assertThat(rotated).hasSize(1);
    }

    @Test
    void aWrongAppPasswordIsRefusedByTheRealServer(BlueskyPeer bluesky) {
        BlueskyPeer.Account dave = bluesky.createAccount("dave");
        BlueskyChannel channel = channel(bluesky);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> channel.login(URI.create(bluesky.pds()), dave.handle(), "aaaa-bbbb-cccc-dddd"))
                .isInstanceOfSatisfying(io.socialdesk.core.channel.ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("invalid-credentials"));
    }

    private static RemotePost sent(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Sent.class);
        return ((Outcome.Sent) outcome).remote();
    }

    private static JsonNode posts(BlueskyPeer bluesky, BlueskyPeer.Account viewer, String uri) {
        return bluesky.query("app.bsky.feed.getPosts", viewer.accessJwt(), Map.of("uris", uri)).path("posts");
    }

    /** Fetches from {@code cursor} until something arrives (the AppView writes notifications from the firehose), then returns the new cursor. */
    private static String eventuallyImported(BlueskyChannel channel, ChannelAccount account, Stream stream, String cursor, List<Inbound> into)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            ImportBatch batch = channel.fetch(account, stream, cursor);
            assertThat(batch.failed()).as(String.valueOf(batch.problem())).isFalse();
            if (!batch.items().isEmpty() || Instant.now().isAfter(deadline)) {
                into.addAll(batch.items());
                return batch.cursor();
            }
            Thread.sleep(300);
        }
    }

    private static JsonNode eventually(String what, Supplier<JsonNode> query, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = query.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (BlueskyPeer.XrpcException notYet) {
                last = JSON.createObjectNode().put("error", notYet.getMessage());
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Not seen within " + PATIENCE.toSeconds() + " s: " + what + "; last answer: " + last);
    }
}
