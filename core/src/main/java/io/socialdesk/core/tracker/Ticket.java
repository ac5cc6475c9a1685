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

    /**
     * Who reports an account's inbox tickets: its owner, else {@code fallback} (Social Desk itself on the server); with
     * neither (Jira issues need a reporter) the ticket waits, and this says why.
     */
    public static User reporterOf(long accountId, java.util.Optional<io.socialdesk.core.account.Account> account, User fallback) {
        java.util.Optional<String> owner = account.map(io.socialdesk.core.account.Account::ownerKey).filter(Objects::nonNull);
        if (owner.isPresent()) return new User(owner.get(), owner.get(), java.util.Set.of(), java.time.ZoneOffset.UTC);
        if (fallback != null) return fallback;
        throw new IllegalStateException("Account " + accountId + " has no owner to report its tickets");
    }
}
