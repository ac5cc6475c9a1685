package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.NewDelivery;
import io.socialdesk.server.publish.SqlDeliveryWrites;
import io.socialdesk.store.publish.AoDeliveryStore;
import io.socialdesk.store.publish.DeliveryEntity;
import io.socialdesk.store.publish.DeliveryWrites;
import io.socialdesk.store.publish.LockedDeliveryWrites;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deliveries' store (shared AO code) with the server's claim (a conditional UPDATE) on HSQLDB and on
 * PostgreSQL, and with Jira's claim (a lock per delivery, revision checked under it) over the same tables:
 * both hosts must give the same answers, and of many writers of one revision exactly one must win.
 */
class DeliveryStoreOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** One database with one host's claim. */
    record Setup(String name, Database db, DeliveryWrites writes) {
        AoDeliveryStore store() {
            return new AoDeliveryStore(db.ao(), writes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Setup> setups() {
        return Stream.of(
                new Setup("HSQLDB, conditional UPDATE", hsqldb, new SqlDeliveryWrites(hsqldb)),
                new Setup("PostgreSQL, conditional UPDATE", pg, new SqlDeliveryWrites(pg)),
                new Setup("HSQLDB, lock per delivery (Jira)", hsqldb, locked(hsqldb)),
                new Setup("PostgreSQL, lock per delivery (Jira)", pg, locked(pg)));
    }

    /** Jira's writes with a JVM lock per name standing in for ClusterLockService (one JVM is one cluster here). */
    private static LockedDeliveryWrites locked(Database db) {
        Map<String, Lock> locks = new ConcurrentHashMap<>();
        return new LockedDeliveryWrites(db.ao(), name -> locks.computeIfAbsent(name, n -> new ReentrantLock()));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void aPlanMadeTwiceIsOneSetOfDeliveries(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        List<NewDelivery> plan = List.of(planned(1, 10, 0, NOW), planned(1, 10, 1, NOW), planned(1, 11, 0, NOW));

        List<DeliveryRecord> first = store.plan(plan, NOW);
        List<DeliveryRecord> again = store.plan(plan, NOW.plusSeconds(5));

        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(DeliveryRecord::state).containsExactly(DeliveryState.DUE, DeliveryState.WAITING, DeliveryState.DUE);
        assertThat(first).extracting(DeliveryRecord::version).containsOnly(1);
        assertThat(first.get(0).updatedAt()).isEqualTo(NOW);
        assertThat(rows(setup.db())).isEqualTo(3);
        assertThat(store.forPost(1)).extracting(d -> d.accountId() + "/" + d.part()).containsExactly("10/0", "10/1", "11/0");

        // A plan that adds an account: the new row among the old ones, in the plan's order, answered as a read gives it.
        List<NewDelivery> more = new java.util.ArrayList<>(plan);
        more.add(1, planned(1, 12, 0, NOW));
        List<DeliveryRecord> mixed = store.plan(more, NOW);
        assertThat(mixed).extracting(DeliveryRecord::key).containsExactlyElementsOf(more.stream().map(NewDelivery::key).toList());
        assertThat(mixed.get(1)).isEqualTo(store.find(mixed.get(1).id()).orElseThrow());
        assertThat(rows(setup.db())).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void aPlanMadeByManyThreadsAtOnceIsOneRowPerKey(Setup setup) throws Exception {
        AoDeliveryStore store = fresh(setup);
        int threads = 8;
        for (int post = 1; post <= 10; post++) {
            List<NewDelivery> plan = List.of(planned(post, 20, 0, NOW), planned(post, 21, 0, NOW));
            List<List<DeliveryRecord>> answers = atOnce(threads, node -> store.plan(plan, NOW));
            assertThat(answers).as("every planner is answered with the one stored plan").allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
        }
        assertThat(rows(setup.db())).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void aPlanThatClaimsInsertsItsFirstPartsInFlightForItsNodeOnly(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        Instant lease = NOW.plusSeconds(120);
        List<NewDelivery> plan = List.of(planned(1, 10, 0, NOW), planned(1, 10, 1, NOW), planned(1, 11, 0, NOW));

        io.socialdesk.core.publish.DeliveryStore.Planned first = store.planClaimed(plan, "node-a", lease, NOW);

        assertThat(first.all()).extracting(DeliveryRecord::state).containsExactly(DeliveryState.IN_FLIGHT, DeliveryState.WAITING, DeliveryState.IN_FLIGHT);
        assertThat(first.claimed()).extracting(DeliveryRecord::key).containsExactly(plan.get(0).key(), plan.get(2).key());
        for (DeliveryRecord d : first.claimed()) {
            assertThat(d.owner()).isEqualTo("node-a");
            assertThat(d.attempts()).as("a first attempt, as a claim makes it").isEqualTo(1);
            assertThat(d.nextAt()).as("held until the lease's end").isEqualTo(lease);
            assertThat(d.mayHaveBeenSent()).isFalse();
            assertThat(store.find(d.id())).as("answered as a read gives it").contains(d);
        }
        assertThat(first.byPost()).as("the post's deliveries after the plan, as a read gives them").isEqualTo(store.forPosts(List.of(1L)));
        assertThat(store.claimable(NOW.plusSeconds(60), 10)).as("nobody else may claim them while the lease runs").isEmpty();
        assertThat(store.claimable(lease, 10)).as("after it, a take-over").extracting(DeliveryRecord::key)
                .containsExactlyInAnyOrder(plan.get(0).key(), plan.get(2).key());

        // Another node planning the same post: the stored rows, and nothing claimed for it.
        io.socialdesk.core.publish.DeliveryStore.Planned again = store.planClaimed(plan, "node-b", NOW.plusSeconds(130), NOW.plusSeconds(5));
        assertThat(again.all()).isEqualTo(first.all());
        assertThat(again.claimed()).isEmpty();
        assertThat(rows(setup.db())).isEqualTo(3);

        // A new content for the same post: its deliveries beside the earlier content's, all of them answered by post.
        List<NewDelivery> edited = List.of(new NewDelivery(1, 10, 0, NewDelivery.keyOf(1, 10, 0, "0123456789abcdef-edited"), "edited", NOW));
        io.socialdesk.core.publish.DeliveryStore.Planned next = store.planClaimed(edited, "node-a", lease, NOW);
        assertThat(next.claimed()).hasSize(1);
        assertThat(next.byPost().get(1L)).hasSize(4).isEqualTo(store.forPosts(List.of(1L)).get(1L));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void ofManyNodesPlanningOnePostAtOnceEachFirstPartIsClaimedByExactlyOne(Setup setup) throws Exception {
        AoDeliveryStore store = fresh(setup);
        int threads = 6;
        for (int post = 1; post <= 8; post++) {
            List<NewDelivery> plan = List.of(planned(post, 20, 0, NOW), planned(post, 21, 0, NOW), planned(post, 21, 1, NOW));
            List<io.socialdesk.core.publish.DeliveryStore.Planned> answers =
                    atOnce(threads, node -> store.planClaimed(plan, node, NOW.plusSeconds(120), NOW));
            List<DeliveryRecord> claimed = answers.stream().flatMap(a -> a.claimed().stream()).toList();
            assertThat(claimed).as("post " + post).extracting(DeliveryRecord::key)
                    .containsExactlyInAnyOrder(plan.get(0).key(), plan.get(1).key());
            for (DeliveryRecord d : claimed) assertThat(store.find(d.id()).orElseThrow().owner()).isEqualTo(d.owner());
        }
        assertThat(rows(setup.db())).isEqualTo(24);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void aReplaceFromAStaleVersionWritesNothing(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        DeliveryRecord planned = store.plan(List.of(planned(2, 10, 0, NOW)), NOW).get(0);

        DeliveryRecord claimed = store.replace(planned, planned.claimedBy("node-a", NOW.plusSeconds(120), NOW)).orElseThrow();
        assertThat(claimed.version()).isEqualTo(2);
        assertThat(claimed.state()).isEqualTo(DeliveryState.IN_FLIGHT);
        assertThat(claimed.owner()).isEqualTo("node-a");
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(store.find(planned.id())).contains(claimed);

        Optional<DeliveryRecord> stale = store.replace(planned, planned.claimedBy("node-b", NOW.plusSeconds(120), NOW.plusSeconds(1)));
        assertThat(stale).isEmpty();
        assertThat(store.find(planned.id())).as("the loser changed nothing").contains(claimed);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void ofManyWritersOfOneRevisionExactlyOneWins(Setup setup) throws Exception {
        AoDeliveryStore store = fresh(setup);
        int writers = 16;
        for (int round = 0; round < 5; round++) {
            DeliveryRecord planned = store.plan(List.of(planned(100 + round, 10, 0, NOW)), NOW).get(0);
            List<Optional<DeliveryRecord>> answers =
                    atOnce(writers, node -> store.replace(planned, planned.claimedBy(node, NOW.plusSeconds(120), NOW)));
            List<DeliveryRecord> winners = answers.stream().flatMap(Optional::stream).toList();
            assertThat(winners).as("round " + round).hasSize(1);
            DeliveryRecord stored = store.find(planned.id()).orElseThrow();
            assertThat(stored.owner()).isEqualTo(winners.get(0).owner());
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.attempts()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void nodesClaimingTheSameChunkAtOnceSplitItWithNoDeliveryTwice(Setup setup) throws Exception {
        AoDeliveryStore store = fresh(setup);
        List<NewDelivery> plan = new ArrayList<>();
        for (int post = 1; post <= 40; post++) plan.add(planned(post, 10, 0, NOW));
        List<DeliveryRecord> chunk = store.plan(plan, NOW);
        int nodes = 4;

        List<DeliveryRecord> won = atOnce(nodes, node -> store.claim(chunk, node, NOW.plusSeconds(120), NOW)).stream()
                .flatMap(List::stream).toList();

        assertThat(won).extracting(DeliveryRecord::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(chunk.stream().map(DeliveryRecord::id).toList());
        for (DeliveryRecord w : won) {
            DeliveryRecord stored = store.find(w.id()).orElseThrow();
            assertThat(stored.state()).isEqualTo(DeliveryState.IN_FLIGHT);
            assertThat(stored.owner()).as("the stored owner is the one told it won").isEqualTo(w.owner());
            assertThat(stored.version()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void claimableIsDueRetryingAndExpiredLeasesSoonestFirstAndNothingInTheFuture(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        DeliveryRecord dueEarly = store.plan(List.of(planned(3, 10, 0, NOW.minusSeconds(300))), NOW).get(0);
        DeliveryRecord dueLate = store.plan(List.of(planned(3, 11, 0, NOW.minusSeconds(10))), NOW).get(0);
        store.plan(List.of(planned(3, 12, 0, NOW.plusSeconds(60))), NOW); // due in a minute
        store.plan(List.of(planned(3, 10, 1, NOW.minusSeconds(400))), NOW); // a waiting thread part

        DeliveryRecord retrying = claim(store, store.plan(List.of(planned(4, 10, 0, NOW.minusSeconds(900))), NOW).get(0), NOW.plusSeconds(120));
        retrying = store.replace(retrying, retrying.retryAt(NOW.minusSeconds(100), "503", NOW.minusSeconds(200))).orElseThrow();
        DeliveryRecord retryLater = claim(store, store.plan(List.of(planned(4, 11, 0, NOW.minusSeconds(900))), NOW).get(0), NOW.plusSeconds(120));
        store.replace(retryLater, retryLater.retryAt(NOW.plusSeconds(30), "503", NOW)).orElseThrow();
        DeliveryRecord expired = claim(store, store.plan(List.of(planned(5, 10, 0, NOW.minusSeconds(900))), NOW).get(0), NOW.minusSeconds(50));
        claim(store, store.plan(List.of(planned(5, 11, 0, NOW.minusSeconds(900))), NOW).get(0), NOW.plusSeconds(100)); // a live lease
        DeliveryRecord sent = claim(store, store.plan(List.of(planned(6, 10, 0, NOW.minusSeconds(900))), NOW).get(0), NOW.plusSeconds(100));
        store.replace(sent, sent.sent(RemotePost.of("r-1", "https://n.example/r-1"), NOW.minusSeconds(500))).orElseThrow();

        List<DeliveryRecord> claimable = store.claimable(NOW, 50);

        assertThat(claimable).extracting(DeliveryRecord::id).containsExactly(dueEarly.id(), retrying.id(), expired.id(), dueLate.id());
        assertThat(store.claimable(NOW, 2)).extracting(DeliveryRecord::id).containsExactly(dueEarly.id(), retrying.id());
        assertThat(store.claimable(NOW.plusSeconds(60), 50)).extracting(DeliveryRecord::id)
                .as("a minute later the future ones and the retry have come").hasSize(6);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void theNextBatchIsReadAfterTheOneBeingClaimedAndSentRecordsGoInTogether(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        List<DeliveryRecord> planned = store.plan(List.of(planned(7, 10, 0, NOW.minusSeconds(60)), planned(7, 11, 0, NOW.minusSeconds(60)),
                planned(8, 10, 0, NOW.minusSeconds(60)), planned(8, 11, 0, NOW.minusSeconds(30))), NOW);

        List<DeliveryRecord> first = store.claimable(NOW, 2);
        assertThat(store.claimableAfter(first.get(1), NOW, 10)).extracting(DeliveryRecord::id)
                .as("the rest, by due time then id").containsExactly(planned.get(2).id(), planned.get(3).id());
        assertThat(store.forPosts(List.of(7L, 8L, 9L))).as("a post without deliveries is left out").containsOnlyKeys(7L, 8L)
                .satisfies(m -> assertThat(m.get(8L)).extracting(DeliveryRecord::accountId).containsExactly(10L, 11L));

        List<DeliveryRecord> claimed = first.stream().map(d -> claim(store, d, NOW.plusSeconds(120))).toList();
        DeliveryRecord stale = first.get(1); // its claim moved the revision on
        List<DeliveryRecord> current = List.of(claimed.get(0), stale);
        List<Optional<DeliveryRecord>> written = setup.db().ao().inTransaction(() -> store.replaceAll(current,
                List.of(claimed.get(0).sent(RemotePost.of("r-7", null), NOW), claimed.get(1).sent(RemotePost.of("r-8", null), NOW))));

        assertThat(written.get(0)).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
        assertThat(written.get(1)).as("a row whose revision moved is not written").isEmpty();
        assertThat(store.find(stale.id())).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.IN_FLIGHT));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void progressAndTheRemotePostComeBackAsWritten(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        DeliveryRecord d = claim(store, store.plan(List.of(planned(7, 10, 0, NOW)), NOW).get(0), NOW.plusSeconds(120));
        Map<String, String> progress = Map.of(
                "container", "1789&id=5%20",
                "a=b&c", "x=y&z%",
                "unicodé 日本", "👩🏽‍💻 שלום ",
                DeliveryRecord.SENDING, "node-a",
                "empty", "");
        DeliveryRecord withProgress = d;
        for (Map.Entry<String, String> p : progress.entrySet()) withProgress = withProgress.withProgress(p.getKey(), p.getValue(), NOW);
        DeliveryRecord stored = store.replace(d, withProgress).orElseThrow();
        assertThat(store.find(d.id()).orElseThrow().progress()).isEqualTo(progress);
        assertThat(store.find(d.id()).orElseThrow().mayHaveBeenSent()).isTrue();

        RemotePost remote = new RemotePost("at://did:plc:abc/app.bsky.feed.post/3k" + "x".repeat(300), "https://bsky.app/profile/a/post/3k?q=1&r=é",
                "bafyreib2rxk3rh6kzwq");
        DeliveryRecord sent = store.replace(stored, stored.sent(remote, NOW.plusSeconds(3))).orElseThrow();

        DeliveryRecord read = store.find(d.id()).orElseThrow();
        assertThat(read).isEqualTo(sent);
        assertThat(read.remote()).isEqualTo(remote);
        assertThat(read.sentAt()).isEqualTo(NOW.plusSeconds(3));
        assertThat(read.lateness()).hasSeconds(3);
        assertThat(read.version()).isEqualTo(4);
        DeliveryRecord mastodon = claim(store, store.plan(List.of(planned(7, 11, 0, NOW)), NOW).get(0), NOW.plusSeconds(120));
        store.replace(mastodon, mastodon.sent(RemotePost.of("1098", "https://m.example/@a/1098"), NOW)).orElseThrow();
        assertThat(store.find(mastodon.id()).orElseThrow().remote()).as("no content id off Bluesky").isEqualTo(RemotePost.of("1098", "https://m.example/@a/1098"));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("setups")
    void theQueueAndTheMetricsReadByState(Setup setup) throws SQLException {
        AoDeliveryStore store = fresh(setup);
        DeliveryRecord failed = claim(store, store.plan(List.of(planned(8, 10, 0, NOW.minusSeconds(60))), NOW).get(0), NOW.plusSeconds(120));
        failed = store.replace(failed, failed.failed("rejected", "The text is too long for X.", NOW.minusSeconds(30))).orElseThrow();
        DeliveryRecord sentOld = claim(store, store.plan(List.of(planned(8, 11, 0, NOW.minusSeconds(7200))), NOW).get(0), NOW.plusSeconds(120));
        store.replace(sentOld, sentOld.sent(RemotePost.of("old", null), NOW.minusSeconds(3600))).orElseThrow();
        DeliveryRecord sentNew = claim(store, store.plan(List.of(planned(8, 12, 0, NOW.minusSeconds(60))), NOW).get(0), NOW.plusSeconds(120));
        sentNew = store.replace(sentNew, sentNew.sent(RemotePost.of("new", null), NOW.minusSeconds(10))).orElseThrow();
        DeliveryRecord unconfirmed = claim(store, store.plan(List.of(planned(8, 13, 0, NOW.minusSeconds(60))), NOW).get(0), NOW.plusSeconds(120));
        unconfirmed = store.replace(unconfirmed, unconfirmed.unconfirmed("timeout", NOW.minusSeconds(20))).orElseThrow();
        DeliveryRecord cancelled = store.plan(List.of(planned(9, 10, 0, NOW.plusSeconds(600))), NOW).get(0);
        store.replace(cancelled, cancelled.cancelled("withdrawn", "The post was withdrawn.", NOW.minusSeconds(5))).orElseThrow();
        DeliveryRecord due = store.plan(List.of(planned(9, 11, 0, NOW.plusSeconds(900))), NOW).get(0);
        DeliveryRecord waiting = store.plan(List.of(planned(9, 11, 1, NOW.plusSeconds(900))), NOW).get(0);

        assertThat(store.countByState()).isEqualTo(Map.of(DeliveryState.FAILED, 1, DeliveryState.SENT, 2, DeliveryState.UNCONFIRMED, 1,
                DeliveryState.CANCELLED, 1, DeliveryState.DUE, 1, DeliveryState.WAITING, 1));
        assertThat(store.settledSince(NOW.minusSeconds(60), 10)).as("newest first; cancelled is not settled, the old one is out of range")
                .extracting(DeliveryRecord::id).containsExactly(sentNew.id(), unconfirmed.id(), failed.id());
        assertThat(store.settledSince(NOW.minusSeconds(60), 1)).extracting(DeliveryRecord::id).containsExactly(sentNew.id());
        assertThat(store.inStates(EnumSet.of(DeliveryState.FAILED, DeliveryState.UNCONFIRMED), 10)).extracting(DeliveryRecord::id)
                .containsExactly(failed.id(), unconfirmed.id());
        assertThat(store.inStates(EnumSet.of(DeliveryState.DUE, DeliveryState.WAITING), 10)).extracting(DeliveryRecord::id)
                .containsExactlyInAnyOrder(due.id(), waiting.id());
        assertThat(store.find(failed.id()).orElseThrow().reason()).isEqualTo("The text is too long for X.");
        assertThat(store.find(failed.id()).orElseThrow().cause()).isEqualTo("rejected");
        assertThat(store.inStates(Set.of(DeliveryState.MISSED), 10)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** The store over an empty DELIVERY table (the databases live for the whole class). */
    private static AoDeliveryStore fresh(Setup setup) throws SQLException {
        try (Connection c = setup.db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM \"" + setup.db().tableName(DeliveryEntity.class) + "\"");
        }
        return setup.store();
    }

    private static int rows(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM \"" + db.tableName(DeliveryEntity.class) + "\"")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static NewDelivery planned(long post, long account, int part, Instant due) {
        String hash = "hash" + post + "x" + account + "0123456789abcdef";
        return new NewDelivery(post, account, part, NewDelivery.keyOf(post, account, part, hash), hash, due);
    }

    private static DeliveryRecord claim(AoDeliveryStore store, DeliveryRecord d, Instant leaseUntil) {
        return store.replace(d, d.claimedBy("node-a", leaseUntil, NOW.minusSeconds(1000))).orElseThrow();
    }

    /** What each of {@code n} nodes ("node-0"…) answers, all let go at the same moment on threads of their own. */
    private static <T> List<T> atOnce(int n, NodeCall<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String node = "node-" + i;
            tasks.add(() -> {
                start.await();
                return call.as(node);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface NodeCall<T> {
        T as(String node) throws Exception;
    }
}
