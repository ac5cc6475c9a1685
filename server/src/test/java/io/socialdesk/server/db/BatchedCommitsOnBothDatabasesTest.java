package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.store.ao.BatchedCommits;
import io.socialdesk.store.audit.AoAuditTrail;
import io.socialdesk.store.audit.AuditEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's group commit: work from many threads shares transactions; each future completes once its
 * work is committed; a piece that fails fails alone (the others are written); a flush waits for all.
 */
class BatchedCommitsOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void workFromManyThreadsIsAllWrittenOnceAndEachFutureSaysSo(Database db) throws Exception {
        long post = clear(db);
        AoAuditTrail trail = new AoAuditTrail(db.ao());
        try (BatchedCommits commits = new BatchedCommits(db.ao(), 64, 1024, "test-writer")) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<CompletableFuture<Integer>> written = new ArrayList<>();
            List<java.util.concurrent.Future<?>> submitting = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                submitting.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        int n = thread * 50 + i;
                        CompletableFuture<Integer> f = commits.submit(() -> {
                            trail.append(AuditEvent.of(post, AT, "system", AuditKind.SEND_RESULT, "event " + n));
                            return n;
                        });
                        synchronized (written) {
                            written.add(f);
                        }
                    }
                }));
            }
            for (var s : submitting) s.get(30, TimeUnit.SECONDS);
            threads.shutdown();
            commits.flush();

            assertThat(written).hasSize(400).allSatisfy(f -> assertThat(f).isCompleted());
            assertThat(trail.list(post)).hasSize(400);
            assertThat(trail.list(post)).extracting(AuditEvent::detail).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aFailingPieceFailsAloneAndTheRestOfItsBatchIsWritten(Database db) throws Exception {
        long post = clear(db);
        AoAuditTrail trail = new AoAuditTrail(db.ao());
        try (BatchedCommits commits = new BatchedCommits(db.ao(), 64, 1024, "test-writer")) {
            // Held up by the first piece, the rest wait together and go in one batch with the failing one.
            java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Object> first = commits.submit(() -> {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            List<CompletableFuture<Object>> good = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                good.add(commits.submit(() -> {
                    trail.append(AuditEvent.of(post, AT, "system", AuditKind.SEND_RESULT, "good " + n));
                    return null;
                }));
            }
            CompletableFuture<Object> bad = commits.submit(() -> {
                trail.append(AuditEvent.of(post, AT, "system", AuditKind.SEND_RESULT, "written, then rolled back"));
                throw new IllegalStateException("this piece fails");
            });
            hold.countDown();
            first.join();

            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("this piece fails");
            good.forEach(CompletableFuture::join);
            assertThat(trail.list(post)).extracting(AuditEvent::detail)
                    .containsExactlyInAnyOrder("good 0", "good 1", "good 2", "good 3", "good 4");
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void afterCloseNothingMoreIsAccepted(Database db) {
        BatchedCommits commits = new BatchedCommits(db.ao(), 64, 1024, "test-writer");
        commits.close();
        assertThatThrownBy(() -> commits.submit(() -> 1).join()).hasRootCauseInstanceOf(IllegalStateException.class);
    }

    /** A post id of its own for each test, its audit rows gone. */
    private static long clear(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM \"" + db.tableName(AuditEntity.class) + "\"");
        }
        return 4242;
    }
}
