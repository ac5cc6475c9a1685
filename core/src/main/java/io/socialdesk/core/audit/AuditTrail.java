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

    /**
     * The events of these kinds only, of each of these posts, oldest first: {@link #listAll(java.util.Collection)} less
     * the rest, in one read where the store can (with the kinds in its condition). The publishing engine's gate reads
     * so the few kinds approvals depend on, not a trail that grows with every edit, send and comment.
     */
    default java.util.Map<Long, List<AuditEvent>> listAll(java.util.Collection<Long> postIds, java.util.Set<AuditKind> kinds) {
        java.util.Map<Long, List<AuditEvent>> all = new java.util.HashMap<>();
        listAll(postIds).forEach((id, events) -> all.put(id, events.stream().filter(e -> kinds.contains(e.kind())).toList()));
        return all;
    }
}
