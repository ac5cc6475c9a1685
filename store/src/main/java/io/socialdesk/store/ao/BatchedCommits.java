package io.socialdesk.store.ao;

import io.socialdesk.core.publish.GroupCommit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link GroupCommit} over Active Objects: one writer thread takes whatever work is waiting (up to
 * {@code maxBatch} pieces) and runs it in one transaction, so one commit (one sync to disk) serves many
 * writers. When that transaction fails, each piece runs again alone, so one bad piece fails only its own
 * future. Only for a host whose store writes hold their row locks until commit (the server's conditional
 * UPDATE); Jira's cluster lock is released before a shared transaction would commit, so Jira writes at once.
 */
public final class BatchedCommits implements GroupCommit, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BatchedCommits.class.getName());

    private record Work<T>(Supplier<T> work, CompletableFuture<T> done) {
        Object run() {
            return work.get();
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            done.complete((T) result);
        }
    }

    private final AoAccess ao;
    private final int maxBatch;
    private final BlockingQueue<Work<?>> waiting;
    private final Thread writer;
    private volatile boolean closed;

    /** {@code maxBatch} pieces of work at most per transaction; at most {@code capacity} waiting (then submitters wait). */
    public BatchedCommits(AoAccess ao, int maxBatch, int capacity, String name) {
        this.ao = ao;
        this.maxBatch = maxBatch;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::write, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("Closed: nothing more is written"));
        Work<T> w = new Work<>(work, new CompletableFuture<>());
        try {
            waiting.put(w);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return w.done();
    }

    @Override
    public void flush() {
        if (Thread.currentThread() == writer) return;
        submit(() -> null).join();
    }

    /** In this thread's own transaction, beside the writer's: the database serialises the two only where they touch the same rows. */
    @Override
    public <T> T now(Supplier<T> work) {
        return ao.inTransaction(work);
    }

    private void write() {
        List<Work<?>> batch = new ArrayList<>(maxBatch);
        while (!closed || !waiting.isEmpty()) {
            try {
                Work<?> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                runTogether(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "The store writer stopped a batch unexpectedly", e);
                for (Work<?> w : batch) w.done().completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
        for (Work<?> w; (w = waiting.poll()) != null; ) w.done().completeExceptionally(new IllegalStateException("Closed before it was written"));
    }

    private void runTogether(List<Work<?>> batch) {
        Object[] results = new Object[batch.size()];
        try {
            ao.inTransaction(() -> {
                for (int i = 0; i < batch.size(); i++) results[i] = batch.get(i).run();
                return null;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            // Rolled back as a whole: each piece again on its own, so only the one at fault fails.
            for (Work<?> w : batch) runAlone(w);
            return;
        }
        for (int i = 0; i < batch.size(); i++) batch.get(i).complete(results[i]);
    }

    private void runAlone(Work<?> w) {
        try {
            w.complete(ao.inTransaction(w::run));
        } catch (RuntimeException e) {
            w.done().completeExceptionally(e);
        }
    }

    /** Writes what is waiting, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        // Not interrupted: an interrupt inside a file write can close an embedded database. It sees `closed` within its poll.
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
