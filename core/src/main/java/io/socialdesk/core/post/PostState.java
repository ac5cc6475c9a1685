package io.socialdesk.core.post;

/**
 * Where a post stands in its life. The approval workflow (who may move a post between these, and
 * when) is written down in one place, the workflow class of the approval capability; this enum only
 * names the states. A new post starts as {@link #DRAFT}.
 */
public enum PostState {
    DRAFT,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    SCHEDULED,
    PUBLISHING,
    PUBLISHED,
    PARTIAL,
    FAILED,
    UNCONFIRMED,
    MISSED,
    REJECTED,
    CANCELLED
}
