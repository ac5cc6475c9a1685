package io.socialdesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.bluesky.BlueskyChannel;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.testing.BlueskyPeer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishing engine end to end, against Bluesky's own reference servers ({@code peers/bluesky}): three
 * posts scheduled one minute apart through the REST API, approved by a lead, then the server's own job
 * publishes each at its minute (the clock is moved a minute at a time). Each is published once, the thread's
 * parts answer each other with the image on the first, the AppView shows them, and the posts carry their
 * URLs. Skipped loudly outside CI without the peer; fails in CI ({@link BlueskyPeer.Required}).
 */
@ExtendWith(BlueskyPeer.Required.class)
class PublishingToBlueskyEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void threeScheduledPostsGoOutOnceEachAtTheirMinuteAndTheAppViewShowsThem(BlueskyPeer bluesky) throws Exception {
        URI pds = URI.create(bluesky.pds());
        BlueskyPeer.Account acme = bluesky.createAccount("acme");
        AtomicReference<CredentialSink> sink = new AtomicReference<>();
        AtomicReference<Clock> serverClock = new AtomicReference<>(Clock.systemUTC());
        Clock time = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return serverClock.get().instant();
            }
        };
        // The peer speaks plain http on localhost: this connector may call it; the server's own would refuse. It keeps the server's time.
        BlueskyChannel channel = new BlueskyChannel(new HttpCalls(AddressPolicy.ANY), new RateLimits(time), (id, fresh) -> sink.get().rotated(id, fresh),
                time, pds);
        try (TestServer server = new TestServer(DatabaseConfig.embedded(data), data, s -> s.withChannels(List.of(channel)))) {
            sink.set(server.app.accounts().credentialSink());
            serverClock.set(server.clock);
            server.addUser("alice", Role.MARKETING_AUTHOR);
            server.addUser("marc", Role.MARKETING_LEAD);
            String alice = server.signIn("alice");
            String marc = server.signIn("marc");
            Connected connected = channel.login(pds, acme.handle(), bluesky.appPassword(acme));
            Account account = server.app.accounts().connect(null, Network.BLUESKY, pds, connected, "marc", server.clock.instant());

            String image = upload(server, alice, png());
            // 10:00Z is 11:00 in Paris: the three posts are due at 11:01, 11:02 and 11:03.
            long first = schedule(server, alice, marc, "{\"title\":\"Opening\",\"text\":\"We open the winter season today.\",\"plannedAt\":\"2026-11-22T11:01\","
                    + "\"zone\":\"Europe/Paris\",\"accountIds\":[" + account.id() + "]}");
            long thread = schedule(server, alice, marc, "{\"title\":\"How it works\",\"text\":\"How the winter pass works, a thread:\",\"plannedAt\":"
                    + "\"2026-11-22T11:02\",\"zone\":\"Europe/Paris\",\"accountIds\":[" + account.id() + "],\"thread\":[\"1. Pick your days.\","
                    + "\"2. Show the pass at the gate.\"],\"media\":[{\"sha256\":\"" + image + "\",\"altText\":\"A blue square, the pass\"}]}");
            long last = schedule(server, alice, marc, "{\"title\":\"Thanks\",\"text\":\"Thank you for a great opening day!\",\"plannedAt\":"
                    + "\"2026-11-22T11:03\",\"zone\":\"Europe/Paris\",\"accountIds\":[" + account.id() + "]}");

            // Nothing goes out before its time, even with the job ticking every second.
            Thread.sleep(2_500);
            assertThat(server.app.publishing().deliveries().forPost(first)).isEmpty();

            server.clock.advance(Duration.ofMinutes(1));
            eventually("the first post published", () -> state(server, first), PostState.PUBLISHED::equals);
            assertThat(state(server, thread)).isEqualTo(PostState.SCHEDULED);
            server.clock.advance(Duration.ofMinutes(1));
            eventually("the thread published", () -> state(server, thread), PostState.PUBLISHED::equals);
            assertThat(state(server, last)).isEqualTo(PostState.SCHEDULED);
            server.clock.advance(Duration.ofMinutes(1));
            eventually("the last post published", () -> state(server, last), PostState.PUBLISHED::equals);

            List<DeliveryRecord> all = new ArrayList<>();
            for (long id : List.of(first, thread, last)) all.addAll(server.app.publishing().deliveries().forPost(id));
            assertThat(all).hasSize(5).allSatisfy(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.SENT);
                assertThat(d.attempts()).as("sent at the first attempt").isEqualTo(1);
                assertThat(d.remote().url()).startsWith("https://bsky.app/profile/").contains("/post/");
            });
            // Each post's history (shown on its item) carries the links of what went out, in the one event of its roll-up to Published.
            for (DeliveryRecord d : all) {
                assertThat(server.app.engine().trail().list(d.postId())).filteredOn(e -> e.detail().contains(d.remote().url())).singleElement()
                        .satisfies(e -> {
                            assertThat(e.kind()).isEqualTo(io.socialdesk.core.audit.AuditKind.STATE_CHANGED);
                            assertThat(e.toState()).contains(PostState.PUBLISHED);
                        });
            }

            // The AppView: exactly five posts by the account, the thread's parts answering each other, the image on its first part.
            JsonNode feed = eventually("five posts in the AppView", () -> bluesky.query("app.bsky.feed.getAuthorFeed", acme.accessJwt(),
                    Map.of("actor", acme.did(), "limit", "20")).path("feed"), f -> f.size() == 5);
            List<String> texts = new ArrayList<>();
            feed.forEach(item -> texts.add(item.path("post").path("record").path("text").asText()));
            assertThat(texts).containsExactlyInAnyOrder("We open the winter season today.", "How the winter pass works, a thread:",
                    "1. Pick your days.", "2. Show the pass at the gate.", "Thank you for a great opening day!");
            List<DeliveryRecord> parts = server.app.publishing().deliveries().forPost(thread);
            JsonNode shown = eventually("the thread in the AppView", () -> bluesky.query("app.bsky.feed.getPostThread", acme.accessJwt(),
                    Map.of("uri", parts.get(2).remote().id())).path("thread"),
                    t -> t.path("parent").path("post").path("uri").asText().equals(parts.get(1).remote().id()));
            assertThat(shown.path("parent").path("parent").path("post").path("uri").asText()).isEqualTo(parts.get(0).remote().id());
            JsonNode root = shown.path("parent").path("parent").path("post");
            assertThat(root.path("embed").path("$type").asText()).isEqualTo("app.bsky.embed.images#view");
            assertThat(root.path("embed").path("images").path(0).path("alt").asText()).isEqualTo("A blue square, the pass");

            // Ticking on changes nothing: still five posts.
            Thread.sleep(2_000);
            assertThat(bluesky.query("app.bsky.feed.getAuthorFeed", acme.accessJwt(), Map.of("actor", acme.did(), "limit", "20"))
                    .path("feed").size()).isEqualTo(5);
        }
    }

    /** The post's state, with its deliveries when it is still publishing (what a failure message needs). */
    private static PostState state(TestServer server, long postId) {
        PostState state = server.app.posts().get(postId).state();
        if (state == PostState.PUBLISHING) lastDeliveries = server.app.publishing().deliveries().forPost(postId).toString();
        return state;
    }

    private static String lastDeliveries = "";

    /** Creates the post as Alice, has Marc approve it, schedules it as Alice; answers its id. */
    private static long schedule(TestServer server, String alice, String marc, String json) {
        TestServer.Reply created = server.postJson("/rest/socialdesk/1.0/posts", alice, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode post = TestServer.ok(server.act(alice, created.json(), "submit", ""));
        post = TestServer.ok(server.act(marc, post, "approve", ""));
        assertThat(post.path("state").asText()).isEqualTo("APPROVED");
        post = TestServer.ok(server.act(alice, post, "schedule", ""));
        assertThat(post.path("state").asText()).isEqualTo("SCHEDULED");
        return post.path("id").asLong();
    }

    private static String upload(TestServer server, String cookie, byte[] png) {
        TestServer.Reply reply = server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0/media")).header("Cookie", cookie)
                .post(RequestBody.create(png, MediaType.get("image/png"))).build());
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply.json().path("sha256").asText();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 200));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static <T> T eventually(String what, Supplier<T> query, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = query.get();
                if (done.test(last)) return last;
            } catch (BlueskyPeer.XrpcException notYet) {
                // the AppView has not indexed it yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not seen within " + PATIENCE.toSeconds() + " s: " + what + "; last: " + last + " " + lastDeliveries);
    }
}
