package io.socialdesk.bench;

import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.server.ServerEntities;
import io.socialdesk.server.db.Database;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.store.post.AoPostStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating and listing posts through the server's real store: {@link AoPostStore} over Active
 * Objects on the embedded HSQLDB file database, the tables named as the server names them. Each
 * benchmark gets a fresh database in a temporary folder, seeded with {@code seedPosts} posts.
 *
 * <ul>
 *   <li>{@link #create()}: one {@code store.create(...)} of a draft, i.e. one INSERT through AO.</li>
 *   <li>{@link #listFirst100()}: {@code store.list(PostQuery.firstPosts(100))}, the first page the
 *       post list shows: an ordered, limited SELECT and the mapping of 100 rows to {@link Post}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostStoreBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final LocalDateTime FIRST = LocalDateTime.of(2026, 12, 1, 9, 0);
    private static final String TEXT = "Our winter release is out: calendars per network, approvals in Jira, "
            + "and a planner that keeps 09:00 Paris time across daylight-saving changes. #socialdesk";

    /** How many posts the database holds before measuring. */
    @Param({"1000"})
    public int seedPosts;

    private Path dataDir;
    private Database db;
    private AoPostStore store;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = Files.createTempDirectory("socialdesk-bench");
        db = Database.open(DatabaseConfig.embedded(dataDir), ServerEntities.all());
        store = new AoPostStore(db.ao());
        for (int i = 0; i < seedPosts; i++) createOne();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (db != null) db.close();
        BenchFiles.deleteTree(dataDir);
    }

    @Benchmark
    public Post create() {
        return createOne();
    }

    @Benchmark
    public List<Post> listFirst100() {
        return store.list(PostQuery.firstPosts(100));
    }

    private Post createOne() {
        long id = ids.incrementAndGet();
        // Spread the planned times over weeks, so the list's ORDER BY has real work to do.
        LocalDateTime plannedAt = FIRST.plusMinutes((id * 7919) % 100_000);
        return store.create(new TrackedItem(id, "SD-" + id, "/items/SD-" + id), "Post " + id, io.socialdesk.core.post.PostContent.ofText(TEXT),
                new PlannedTime(plannedAt, ZONE), PostState.DRAFT, "bench", Instant.now());
    }
}
