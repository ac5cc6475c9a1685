package io.socialdesk.core.tracker;

import java.util.Map;

/**
 * Port: removing a person's words from a ticket (forgetting a person): the ticket stays, with a placeholder where
 * their text was. The server rewrites its rows; Jira edits the issue and its comments.
 */
public interface TicketRedaction {
    /**
     * Replaces by {@code placeholder} the ticket's summary and description when {@code summaryAndDescription}, and
     * each comment named in {@code comments}: a comment key (a key ending in {@code /} names every comment whose key
     * starts with it) mapped to a text the comment holds (how a host that keeps no comment keys finds it).
     */
    void redact(TrackedItem ticket, boolean summaryAndDescription, Map<String, String> comments, String placeholder);
}
