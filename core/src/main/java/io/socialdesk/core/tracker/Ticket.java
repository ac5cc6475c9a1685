package io.socialdesk.core.tracker;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.user.User;
import java.util.Objects;

/**
 * A routed ticket to open for a conversation of the social inbox: where it goes ({@link Route}: project or
 * queue, issue type, component, priority, labels, assignee), its one-line summary, its description (the
 * conversation as it appears on the network, as plain text with its links), who reports it, and
 * {@code externalKey}, the key it can be found by again ({@link TicketTracker#find}) when the answer to
 * the opening call was lost in a crash.
 */
public record Ticket(String externalKey, Route route, String summary, String description, User reporter) {
    public Ticket {
        Objects.requireNonNull(externalKey, "externalKey");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(summary, "summary");
        description = description == null ? "" : description;
        Objects.requireNonNull(reporter, "reporter");
    }
}
