package io.socialdesk.core.approval;

import java.util.List;

/** Recorded review decisions. Append-only: a decision is never changed; a newer one supersedes it. */
public interface DecisionStore {
    void record(Decision decision);

    /** The post's decisions, oldest first. */
    List<Decision> list(long postId);

    /** The decisions on each of these posts, oldest first, in one read where the store can. */
    default java.util.Map<Long, List<Decision>> listAll(java.util.Collection<Long> postIds) {
        java.util.Map<Long, List<Decision>> all = new java.util.HashMap<>();
        for (long id : postIds) all.put(id, list(id));
        return all;
    }
}
