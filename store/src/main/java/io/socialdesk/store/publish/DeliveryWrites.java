package io.socialdesk.store.publish;

import java.util.Map;

/**
 * The one write that differs by host: change a delivery's row only if its revision is still
 * {@code expected}, atomically. The server does it with a conditional UPDATE (the database serialises
 * concurrent ones on the row); Jira, whose Active Objects has no conditional update, under a cluster lock
 * per delivery with the revision checked under the lock ({@link LockedDeliveryWrites}).
 */
@FunctionalInterface
public interface DeliveryWrites {
    /** Sets {@code columns} (AO column names) and {@code REVISION = expected + 1}; false when the row was not at {@code expected}. */
    boolean replaceIfRevision(long id, int expected, Map<String, Object> columns);
}
