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

    /** The events of each of these posts, oldest first, in one read where the store can (the publishing engine's gate reads a batch's posts so). */
    default java.util.Map<Long, List<AuditEvent>> listAll(java.util.Collection<Long> postIds) {
        java.util.Map<Long, List<AuditEvent>> all = new java.util.HashMap<>();
        for (long id : postIds) all.put(id, list(id));
        return all;
    }
}
