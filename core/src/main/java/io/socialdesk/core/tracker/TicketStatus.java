package io.socialdesk.core.tracker;

import java.time.Instant;
import java.util.Objects;

/** Whether a ticket is resolved (done, closed) and since when; a resolved ticket without a date counts as resolved at the epoch. */
public record TicketStatus(boolean resolved, Instant resolvedAt) {
    public static final TicketStatus OPEN = new TicketStatus(false, null);

    public TicketStatus {
        if (resolved) resolvedAt = resolvedAt == null ? Instant.EPOCH : resolvedAt;
        else resolvedAt = null;
    }

    public static TicketStatus resolvedAt(Instant at) {
        return new TicketStatus(true, Objects.requireNonNull(at, "at"));
    }
}
