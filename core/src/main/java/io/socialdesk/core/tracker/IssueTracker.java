package io.socialdesk.core.tracker;

import io.socialdesk.core.user.User;

/**
 * Port: the issue tracker that holds the work. In Jira these are issues; on the server, items of
 * the built-in tracker. Social Desk keeps its own data keyed by the tracked item's id.
 */
public interface IssueTracker {
    /** Opens an item of the given kind for the reporter and answers where it lives. */
    TrackedItem open(ItemKind kind, String summary, User reporter);

    /**
     * The post carried by this item moved to another state: the host mirrors it (Jira moves the
     * issue to the status of the same name when its workflow allows). Never refuses: the engine's
     * state is the truth.
     */
    default void moved(TrackedItem item, io.socialdesk.core.post.PostState from, io.socialdesk.core.post.PostState to, String actorKey) {}

    /** A person commented on the post: the host keeps the comment on the item too (a Jira comment). */
    default void commented(TrackedItem item, String authorKey, String text) {}
}
