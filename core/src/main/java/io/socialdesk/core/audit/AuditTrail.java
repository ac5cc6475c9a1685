package io.socialdesk.core.audit;

import java.util.List;

/**
 * A post's audit trail: append-only. There is no way to change or remove an entry through this
 * port, and its implementations offer none.
 */
public interface AuditTrail {
    void append(AuditEvent event);

    /** The post's events, oldest first (in the order they were appended). */
    List<AuditEvent> list(long postId);
}
