package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.List;

/** Port: the tickets the inbox filed items on, with when their conversation's first message came: what response times count from. */
public interface InboxTickets {
    /**
     * A ticket, its department (the route's project or queue), the network, and its first inbound message's time
     * (as the network dated it, else when it was imported). Context fetched as ancestors does not count.
     */
    record Opened(TrackedItem ticket, String department, Network network, Instant firstInboundAt) {}

    /** The tickets whose first inbound message came in {@code [from, to)}, oldest first, at most {@code limit}. */
    List<Opened> openedBetween(Instant from, Instant to, int limit);
}
