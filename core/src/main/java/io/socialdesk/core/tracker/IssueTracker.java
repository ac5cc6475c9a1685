package io.socialdesk.core.tracker;

import io.socialdesk.core.user.User;

/**
 * Port: the issue tracker that holds the work. In Jira these are issues; on the server, items of
 * the built-in tracker. Social Desk keeps its own data keyed by the tracked item's id.
 */
public interface IssueTracker {
    /** Opens an item of the given kind for the reporter and answers where it lives. */
    TrackedItem open(ItemKind kind, String summary, User reporter);
}
