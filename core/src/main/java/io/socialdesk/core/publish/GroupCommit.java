package io.socialdesk.core.publish;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Port: store work that may wait a moment and share a transaction with other work, so that many small
 * writes cost one commit. The engine records what a network answered this way and goes on to the next
 * delivery; a crash before the commit leaves the delivery in flight, to be settled when its lease ends,
 * exactly as a crash just before the write would.
 *
 * <p>Work handed in must only touch the stores (no mail, no network): a host may run it again, alone, when
 * the shared transaction fails because of another piece of work.
 */
public interface GroupCommit {
    /** Runs {@code work} in a transaction, now or soon; the future completes once that transaction committed. */
    <T> CompletableFuture<T> submit(Supplier<T> work);

    /** Waits until everything submitted before this call is committed (or failed). */
    void flush();

    /**
     * Runs {@code work} at once in one transaction of its own on the caller's thread (it commits when the work
     * returns, and rolls back when it throws), beside the work waiting here: a large piece of work does not
     * hold up the small ones queued behind it. By default, as {@link #AT_ONCE} runs work.
     */
    default <T> T now(Supplier<T> work) {
        return work.get();
    }

    /** Runs each piece of work at once, on the caller's thread, in the store's own transactions (tests, and Jira's cluster locks). */
    GroupCommit AT_ONCE = new GroupCommit() {
        @Override
        public <T> CompletableFuture<T> submit(Supplier<T> work) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void flush() {}
    };
}
