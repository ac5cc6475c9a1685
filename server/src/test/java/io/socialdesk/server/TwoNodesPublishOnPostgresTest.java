package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.testing.PostgresCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes on one PostgreSQL database, each with its own connection pool and its own publisher,
 * ticking at the same time over 2,000 due deliveries (500 approved, scheduled posts to 4 accounts): every
 * delivery goes out exactly once, every post ends Published, and both nodes take a share of the work.
 */
class TwoNodesPublishOnPostgresTest {
    private static final int POSTS = 500;
    private static final int ACCOUNTS = 4;
    private static final int TICKERS_PER_NODE = 3;

    @TempDir
    Path data;

    @Test
    void twoNodesSendEveryDeliveryExactlyOnceAndShareTheWork() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        Ledger ledger = new Ledger();
        try (PostgresCluster postgres = PostgresCluster.start()) {
            DatabaseConfig db = new DatabaseConfig(postgres.createDatabase("socialdesk"), postgres.user(), postgres.password());
            // One data folder for both, as a cluster shares its home: the same key opens the accounts' credentials on either node.
            try (SocialDeskApp a = node(db, "node-a", clock, ledger); SocialDeskApp b = node(db, "node-b", clock, ledger)) {
                List<Long> accounts = connectAccounts(a);
                User alice = person(a, "alice", Role.MARKETING_AUTHOR);
                User marc = person(a, "marc", Role.MARKETING_LEAD);
                LocalDateTime at = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);

                long setUp = System.nanoTime();
                List<Long> posts = createScheduledPosts(a, b, accounts, alice, marc, at);
                Duration setUpTook = Duration.ofNanos(System.nanoTime() - setUp);
                assertThat(a.postStore().list(scheduled())).hasSize(POSTS);

                clock.shift(Duration.ofMinutes(11)); // every post is due now
                long start = System.nanoTime();
                runBothNodesUntilDone(a, b, Duration.ofMinutes(4));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                int total = POSTS * ACCOUNTS;
                assertThat(ledger.publishes.get()).as("publish calls").isEqualTo(total);
                assertThat(ledger.byKey).hasSize(total);
                assertThat(ledger.byKey.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList())
                        .as("deliveries sent more than once").isEmpty();
                assertThat(ledger.settles.get()).as("no claim was lost, so nothing had to be settled").isZero();
                assertThat(a.publishing().deliveries().countByState()).isEqualTo(Map.of(DeliveryState.SENT, total));
                for (long id : posts) {
                    Post post = b.postStore().find(id).orElseThrow();
                    assertThat(post.state()).as("post " + id).isEqualTo(PostState.PUBLISHED);
                }
                int byA = ledger.byNode.get("node-a").get();
                int byB = ledger.byNode.get("node-b").get();
                assertThat(byA + byB).isEqualTo(total);
                assertThat(byA).as("node-a's share").isPositive();
                assertThat(byB).as("node-b's share").isPositive();
                System.out.printf("[TwoNodesPublishOnPostgresTest] %d posts x %d accounts set up in %d ms; %d deliveries sent in %d ms "
                        + "(node-a %d, node-b %d; %d ticks on node-a, %d on node-b)%n", POSTS, ACCOUNTS, setUpTook.toMillis(), total,
                        took.toMillis(), byA, byB, ledger.ticks.get("node-a").get(), ledger.ticks.get("node-b").get());
            }
        }
    }

    private SocialDeskApp node(DatabaseConfig db, String name, Clock clock, Ledger ledger) {
        ledger.byNode.put(name, new AtomicInteger());
        ledger.ticks.put(name, new AtomicInteger());
        // Opened, not started: the test drives the ticks itself (and no other job talks to the counting channel).
        return SocialDeskApp.open(new SocialDeskApp.Settings("127.0.0.1", 0, db, name, Duration.ofMinutes(1), clock, data)
                .withChannels(List.of(new CountingChannel(ledger, name)))
                .withPublishing(Duration.ofHours(1), PublishingSettings.DEFAULTS));
    }

    private static List<Long> connectAccounts(SocialDeskApp app) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            URI instance = URI.create("https://m" + i + ".example");
            Account account = app.accounts().connect(null, Network.MASTODON, instance,
                    new Connected("10" + i, "@acme@m" + i + ".example", "Acme " + i, Credentials.bearer("token-" + i)), "admin",
                    app.settings().clock().instant());
            ids.add(account.id());
        }
        return ids;
    }

    private static User person(SocialDeskApp app, String name, Role role) {
        app.users().add(new ServerUsers.NewUser(name, name, Set.of(role), "UTC", "en", "socialdesk-" + name));
        return app.users().find(name).orElseThrow().user();
    }

    /** Written, submitted, approved and scheduled through the real workflow, half on each node, from a few threads. */
    private static List<Long> createScheduledPosts(SocialDeskApp a, SocialDeskApp b, List<Long> accounts, User alice, User marc,
            LocalDateTime at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> made = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                SocialDeskApp app = i % 2 == 0 ? a : b;
                int n = i;
                made.add(pool.submit(() -> {
                    ReviewService reviews = app.engine().reviews();
                    Post post = app.posts().create(new NewPost("Post " + n, "Post number " + n + " from the two-node test #acme", at.toString(),
                            "UTC", null, null, null, null, null, null, "en", accounts, null), alice);
                    post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SUBMIT, post.version()), alice);
                    post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.APPROVE, post.version()), marc);
                    post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SCHEDULE, post.version()), alice);
                    return post.id();
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : made) ids.add(f.get(5, TimeUnit.MINUTES));
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A few threads per node calling the node's tick over and over, until nothing is pending and no post is left Publishing. */
    private static void runBothNodesUntilDone(SocialDeskApp a, SocialDeskApp b, Duration limit) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService tickers = Executors.newFixedThreadPool(2 * TICKERS_PER_NODE);
        List<Future<?>> running = new ArrayList<>();
        for (SocialDeskApp node : List.of(a, b)) {
            AtomicInteger ticks = ((CountingChannel) node.channels().of(Network.MASTODON).orElseThrow()).ledger.ticks.get(node.settings().node());
            for (int i = 0; i < TICKERS_PER_NODE; i++) {
                running.add(tickers.submit(() -> {
                    while (!done.get()) {
                        int handled = node.publishing().publisher().tick();
                        ticks.incrementAndGet();
                        if (handled == 0) Thread.sleep(5);
                    }
                    return null;
                }));
            }
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                boolean pending = a.publishing().deliveries().countByState().keySet().stream().anyMatch(DeliveryState::isPending);
                if (!pending && a.postStore().list(inState(PostState.PUBLISHING)).isEmpty() && a.postStore().list(scheduled()).isEmpty()) break;
                for (Future<?> f : running) {
                    if (f.isDone()) f.get(); // a ticker that threw fails the test with its error
                }
                Thread.sleep(100);
            }
        } finally {
            done.set(true);
            tickers.shutdown();
            assertThat(tickers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : running) f.get();
        assertThat(System.nanoTime()).as("all published within " + limit + "; deliveries now: " + states(a)).isLessThan(deadline);
    }

    private static PostQuery scheduled() {
        return inState(PostState.SCHEDULED);
    }

    private static PostQuery inState(PostState state) {
        return new PostQuery(Optional.empty(), Optional.empty(), Optional.of(state), Optional.empty(), Optional.empty(), PostQuery.MAX_LIMIT);
    }

    /** What both nodes' connectors saw: every publish by delivery key, and by node. */
    static final class Ledger {
        final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> ticks = new ConcurrentHashMap<>();
        final AtomicInteger publishes = new AtomicInteger();
        final AtomicInteger settles = new AtomicInteger();
    }

    /** A Mastodon connector that publishes into the shared ledger after a short random delay, as a network would answer. */
    static final class CountingChannel implements Channel {
        private final Channel rest = FakeChannel.appPassword(Network.MASTODON);
        final Ledger ledger;
        private final String node;

        CountingChannel(Ledger ledger, String node) {
            this.ledger = ledger;
            this.node = node;
        }

        @Override
        public Network network() {
            return Network.MASTODON;
        }

        @Override
        public Connection connection() {
            return rest.connection();
        }

        @Override
        public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
            ledger.publishes.incrementAndGet();
            ledger.byKey.computeIfAbsent(delivery.key(), k -> new AtomicInteger()).incrementAndGet();
            ledger.byNode.get(node).incrementAndGet();
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Outcome.Sent(RemotePost.of("s-" + delivery.key(), "https://m.example/@acme/" + delivery.key()));
        }

        @Override
        public Outcome settle(ChannelAccount account, Delivery delivery) {
            ledger.settles.incrementAndGet();
            return new Outcome.Unknown("The test's network keeps no record to look up");
        }

        @Override
        public Outcome delete(ChannelAccount account, RemotePost post) {
            return rest.delete(account, post);
        }

        @Override
        public Set<Stream> streams() {
            return rest.streams();
        }

        @Override
        public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
            return rest.fetch(account, stream, cursor);
        }

        @Override
        public AccountHealth check(ChannelAccount account) {
            return rest.check(account);
        }

        @Override
        public Instant nextAllowedAt(ChannelAccount account) {
            return Instant.EPOCH;
        }
    }

    /** The real time, moved ahead by what the test says: posts fall due when it shifts, and time still passes for leases and order. */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    private static String states(SocialDeskApp app) {
        return app.publishing().deliveries().countByState().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
