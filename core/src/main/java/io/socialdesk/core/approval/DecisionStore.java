package io.socialdesk.core.approval;

import java.util.List;

/** Recorded review decisions. Append-only: a decision is never changed; a newer one supersedes it. */
public interface DecisionStore {
    void record(Decision decision);

    /** The post's decisions, oldest first. */
    List<Decision> list(long postId);
}
