package io.socialdesk.core.tracker;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Port: the tracker as the social inbox uses it, beside {@link IssueTracker}: routed tickets in a project
 * (Jira) or department queue (the server), found again by the key they were opened with, commented once
 * per key, reopened and linked. In Jira these are issues of the routed project; on the server, items of
 * the built-in tracker in the routed queue.
 *
 * <p>The inbox is written so that a crash between any two calls loses nothing and doubles nothing: it
 * asks {@link #find} before {@link #open}, and gives every comment a key. A host whose tracker can refuse
 * a second ticket or comment with the same key does so (the server's unique columns); Jira, which cannot,
 * checks under a cluster lock.
 */
public interface TicketTracker {
    /** The ticket opened with this {@link Ticket#externalKey()}, if any. */
    Optional<TrackedItem> find(String externalKey);

    /** Opens the ticket in its route's project or queue. */
    TrackedItem open(Ticket ticket);

    /** Adds a comment; a second call with the same {@code key} on the same ticket adds nothing. */
    void comment(TrackedItem ticket, String key, String text);

    /** Whether the ticket is resolved, and since when. */
    TicketStatus status(TrackedItem ticket);

    /** Makes a resolved ticket open again (nothing when it is open), saying why. */
    void reopen(TrackedItem ticket, String why);

    /** Records that {@code ticket} follows {@code earlier} (a conversation that came back after its ticket was long resolved); once. */
    void link(TrackedItem ticket, TrackedItem earlier);

    /**
     * Runs {@code work} (calls to this tracker and to the inbox's store) as one unit where the tracker lives
     * in the app's own database: the server commits a page's tickets in one transaction instead of one per
     * call. Elsewhere it simply runs it: every step is safe to repeat.
     */
    default <T> T together(Supplier<T> work) {
        return work.get();
    }
}
