package io.socialdesk.store.publish;

import java.util.List;
import java.util.Map;

/**
 * The one write that differs by host: change a delivery's row only if its revision is still
 * {@code expected}, atomically. The server does it with a conditional UPDATE (the database serialises
 * concurrent ones on the row); Jira, whose Active Objects has no conditional update, under a cluster lock
 * per delivery with the revision checked under the lock ({@link LockedDeliveryWrites}).
 */
public interface DeliveryWrites {
    /** Sets {@code columns} (AO column names) and {@code REVISION = expected + 1}; false when the row was not at {@code expected}. */
    boolean replaceIfRevision(long id, int expected, Map<String, Object> columns);

    /** One row's change for {@link #replaceEachIfRevision}: the same columns, in the same order, for every row of a call. */
    record Change(long id, int expected, Map<String, Object> columns) {}

    /** {@link #replaceIfRevision} for each change, in one round trip where the host can; answers which ones were written. */
    default boolean[] replaceEachIfRevision(List<Change> changes) {
        boolean[] written = new boolean[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            written[i] = replaceIfRevision(c.id(), c.expected(), c.columns());
        }
        return written;
    }

    /**
     * Runs several writes as one where the host can (one transaction, one commit); by default one by one,
     * as Jira must: its lock per delivery is released when each write returns, before any shared commit.
     */
    default <T> T together(java.util.function.Supplier<T> work) {
        return work.get();
    }
}
