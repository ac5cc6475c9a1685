package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.Utm;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.server.jobs.JobLeases;
import io.socialdesk.store.post.AoPostStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared AO store code and the server's leases, run on the embedded HSQLDB and on a real PostgreSQL. */
class StoresOnBothDatabasesTest extends OnBothDatabases {

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aPostKeepsItsTextExactlyAndItsWallClockTime(Database db) {
        AoPostStore store = new AoPostStore(db.ao());
        String text = "Émoji 👩🏽‍💻, CJK 日本語, RTL שלום, and a long tail " + "x".repeat(5000);
        PlannedTime planned = new PlannedTime(LocalDateTime.parse("2027-03-28T09:00"), ZoneId.of("Europe/Paris"));

        Post created = store.create(new TrackedItem(41, "SD-41", "/items/SD-41"), "Title ünïcode", PostContent.ofText(text), planned,
                PostState.SCHEDULED, "alice", Instant.parse("2026-11-22T10:00:00Z"));

        Post read = store.find(created.id()).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.planned().instant()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(store.find(999_999)).isEmpty();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void postsAreListedByPlannedInstantWithinTheRange(Database db) {
        AoPostStore store = new AoPostStore(db.ao());
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZoneId newYork = ZoneId.of("America/New_York");
        // 09:00 in Tokyo comes before 08:00 in New York on the same date.
        store.create(new TrackedItem(1, "SD-1", "/1"), "ny", PostContent.ofText("x"), new PlannedTime(LocalDateTime.parse("2030-01-10T08:00"), newYork),
                PostState.DRAFT, "a", Instant.EPOCH);
        store.create(new TrackedItem(2, "SD-2", "/2"), "tokyo", PostContent.ofText("x"), new PlannedTime(LocalDateTime.parse("2030-01-10T09:00"), tokyo),
                PostState.DRAFT, "a", Instant.EPOCH);
        store.create(new TrackedItem(3, "SD-3", "/3"), "later", PostContent.ofText("x"), new PlannedTime(LocalDateTime.parse("2030-02-10T09:00"), tokyo),
                PostState.DRAFT, "a", Instant.EPOCH);

        PostQuery january = new PostQuery(Optional.of(Instant.parse("2030-01-01T00:00:00Z")), Optional.of(Instant.parse("2030-02-01T00:00:00Z")), 10);
        assertThat(store.list(january)).extracting(Post::title).containsExactly("tokyo", "ny");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void onlyOneNodeHoldsAJobLeaseUntilItExpires(Database db) {
        JobLeases leases = new JobLeases(db);
        String job = "test.job." + db.config().isPostgres();
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(leases.claim(job, "node-a", now, now.plusSeconds(60))).isTrue();
        assertThat(leases.claim(job, "node-b", now.plusSeconds(30), now.plusSeconds(90))).isFalse();
        assertThat(leases.claim(job, "node-a", now.plusSeconds(30), now.plusSeconds(90))).isTrue();
        assertThat(leases.claim(job, "node-b", now.plusSeconds(91), now.plusSeconds(150))).isTrue();
        assertThat(leases.claim(job, "node-a", now.plusSeconds(100), now.plusSeconds(160))).isFalse();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void tablesAreNamedAsJiraNamesThem(Database db) {
        assertThat(db.tableName(io.socialdesk.store.post.PostEntity.class)).isEqualTo(Database.tablePrefix() + "_POST");
        assertThat(Database.tablePrefix()).matches("AO_[0-9A-F]{6}");
    }

    static PostContent fullContent(String text) {
        return new PostContent(text,
                java.util.Map.of(io.socialdesk.core.account.Network.X, "Short for X", io.socialdesk.core.account.Network.BLUESKY, "Pour Bluesky 🦋"),
                java.util.List.of(new io.socialdesk.core.post.Media("ab".repeat(32), "image/png", 1234, "A cake, seen from above", "cake.png")),
                java.util.List.of("Part two", "Part three"), Optional.empty(), java.util.List.of("launch", "hiver"),
                new io.socialdesk.core.post.Utm("social", "winter", "v1"), "Winter 2026", "fr", java.util.List.of(3L, 1L));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void everyPartOfThePostsContentComesBackAsItWasSaved(Database db) {
        AoPostStore store = new AoPostStore(db.ao());
        PlannedTime planned = new PlannedTime(LocalDateTime.parse("2030-05-01T10:00"), ZoneId.of("Europe/Paris"));
        Post created = store.create(new TrackedItem(7, "SD-7", "/items/SD-7"), "Full", fullContent("Master"), planned,
                PostState.DRAFT, "alice", Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(created.content()).isEqualTo(fullContent("Master"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(store.find(created.id()).orElseThrow()).isEqualTo(created);
        assertThat(store.list(new PostQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Winter 2026"), 10))).extracting(Post::id).containsExactly(created.id());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void anEditOnTheCurrentVersionReplacesTheContentAndAStaleOneWritesNothing(Database db) {
        AoPostStore store = new AoPostStore(db.ao());
        PlannedTime planned = new PlannedTime(LocalDateTime.parse("2030-05-01T10:00"), ZoneId.of("Europe/Paris"));
        Post created = store.create(new TrackedItem(8, "SD-8", "/items/SD-8"), "Edit me", fullContent("v1"), planned,
                PostState.DRAFT, "alice", Instant.parse("2026-11-22T10:00:00Z"));

        Post edited = store.update(created.id(), 1, "Edited", PostContent.ofText("v2"), planned, PostState.DRAFT, "laura", Instant.parse("2026-11-22T11:00:00Z"))
                .orElseThrow();
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.content()).isEqualTo(PostContent.ofText("v2"));
        assertThat(edited.updatedBy()).isEqualTo("laura");

        assertThat(store.update(created.id(), 1, "Late", PostContent.ofText("lost?"), planned, PostState.DRAFT, "marc", Instant.now())).isEmpty();
        assertThat(store.find(created.id()).orElseThrow()).isEqualTo(edited);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aWorkflowMoveChangesStateAndTimeOnlyAndIsANewVersion(Database db) {
        AoPostStore store = new AoPostStore(db.ao());
        PlannedTime planned = new PlannedTime(LocalDateTime.parse("2030-05-01T10:00"), ZoneId.of("Europe/Paris"));
        Post created = store.create(new TrackedItem(9, "SD-9", "/items/SD-9"), "Move me", PostContent.ofText("v1"), planned,
                PostState.DRAFT, "alice", Instant.parse("2026-11-22T10:00:00Z"));
        PlannedTime later = new PlannedTime(LocalDateTime.parse("2030-05-02T08:30"), ZoneId.of("America/Montreal"));

        Post moved = store.move(created.id(), 1, PostState.IN_REVIEW, later, "alice", Instant.parse("2026-11-22T10:05:00Z")).orElseThrow();
        assertThat(moved.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(moved.planned()).isEqualTo(later);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.content()).isEqualTo(created.content());
        assertThat(store.move(created.id(), 1, PostState.CANCELLED, later, "marc", Instant.now())).as("stale").isEmpty();
        assertThat(store.find(created.id()).orElseThrow()).isEqualTo(moved);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aMoveOfThePostAsReadAnswersWhatIsStoredAndOfTwoAtOnceExactlyOneWins(Database db) throws Exception {
        AoPostStore store = new AoPostStore(db.ao());
        PlannedTime planned = new PlannedTime(LocalDateTime.parse("2030-05-01T10:00"), ZoneId.of("Europe/Paris"));
        Post created = store.create(new TrackedItem(9, "SD-9", "/items/SD-9"), "Move me", new PostContent("v1 #tag", java.util.Map.of(), List.of(),
                List.of("2/2"), Optional.of("first comment"), List.of("#tag"), Utm.NONE, "camp", "fr", List.of(1L, 2L)), planned,
                PostState.SCHEDULED, "alice", Instant.parse("2026-11-22T10:00:00Z"));
        // The engine's move: the post it read, not read back (its children cannot change in a move).
        Post moved = store.move(created, PostState.PUBLISHING, planned, "socialdesk:system", Instant.parse("2026-11-22T10:05:00.123456Z")).orElseThrow();
        assertThat(store.find(created.id()).orElseThrow()).isEqualTo(moved);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(store.move(created, PostState.CANCELLED, planned, "marc", Instant.now())).as("stale").isEmpty();
        assertThat(store.find(created.id()).orElseThrow()).isEqualTo(moved);

        for (int round = 0; round < 10; round++) {
            Post post = store.move(store.find(created.id()).orElseThrow(), PostState.PUBLISHING, planned, "socialdesk:system", Instant.now()).orElseThrow();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.List<java.util.concurrent.Future<Optional<Post>>> results = new java.util.ArrayList<>();
            for (PostState to : java.util.List.of(PostState.PUBLISHED, PostState.FAILED)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.move(post, to, planned, "node-" + to, Instant.now());
                }));
            }
            List<Post> won = new java.util.ArrayList<>();
            for (var result : results) result.get().ifPresent(won::add);
            pool.shutdown();
            assertThat(won).as("round " + round).hasSize(1);
            assertThat(store.find(post.id()).orElseThrow()).isEqualTo(won.get(0));
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void ofTwoEditorsSavingTheSameVersionAtOnceExactlyOneWins(Database db) throws Exception {
        AoPostStore store = new AoPostStore(db.ao());
        PlannedTime planned = new PlannedTime(LocalDateTime.parse("2030-05-01T10:00"), ZoneId.of("Europe/Paris"));
        for (int round = 0; round < 10; round++) {
            Post post = store.create(new TrackedItem(9, "SD-9", "/items/SD-9"), "Race", PostContent.ofText("start"), planned,
                    PostState.DRAFT, "alice", Instant.now());
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.List<java.util.concurrent.Future<Optional<Post>>> results = new java.util.ArrayList<>();
            for (String editor : java.util.List.of("ana", "bob")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.update(post.id(), 1, "Race", PostContent.ofText("by " + editor), planned, PostState.DRAFT, editor, Instant.now());
                }));
            }
            long winners = 0;
            for (var result : results) winners += result.get().isPresent() ? 1 : 0;
            pool.shutdown();
            assertThat(winners).as("round " + round).isEqualTo(1);
            Post stored = store.find(post.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.text()).isEqualTo("by " + stored.updatedBy());
        }
    }
}
