package io.socialdesk.store.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.answer.InboxTickets;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.java.ao.Query;

/**
 * {@link InboxTickets} from the inbox's items: the tickets with a message in the period, then, for those, the first
 * message of each (a ticket whose first message came before the period is left out). Reads only the few columns it needs.
 */
public final class AoInboxTickets implements InboxTickets {
    private static final String COLUMNS = "ID, TICKET_ID, TICKET_KEY, TICKET_URL, NETWORK, CREATED_AT, IMPORTED_AT, SOURCE";

    private final AoAccess ao;

    public AoInboxTickets(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public List<Opened> openedBetween(Instant from, Instant to, int limit) {
        Date start = Date.from(from);
        Date end = Date.from(to);
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (InboxItemEntity row : ao.find(InboxItemEntity.class, Query.select("ID, TICKET_KEY").where(
                "TICKET_KEY IS NOT NULL AND SOURCE <> ? AND ((CREATED_AT >= ? AND CREATED_AT < ?) OR (CREATED_AT IS NULL AND IMPORTED_AT >= ? AND IMPORTED_AT < ?))",
                InboxItem.ANCESTOR, start, end, start, end))) {
            keys.add(row.getTicketKey());
        }
        Map<String, Opened> first = new HashMap<>();
        for (InboxItemEntity row : InChunks.find(ao, InboxItemEntity.class, COLUMNS, "TICKET_KEY", keys, "SOURCE <> ? AND ", InboxItem.ANCESTOR)) {
            Instant at = (row.getCreatedAt() != null ? row.getCreatedAt() : row.getImportedAt()).toInstant();
            Opened known = first.get(row.getTicketKey());
            if (known == null || at.isBefore(known.firstInboundAt())) {
                TrackedItem ticket = new TrackedItem(row.getTicketId() == null ? 0 : row.getTicketId(), row.getTicketKey(),
                        row.getTicketUrl() == null ? "" : row.getTicketUrl());
                first.put(row.getTicketKey(), new Opened(ticket, ticket.projectKey(), Network.valueOf(row.getNetwork()), at));
            }
        }
        return first.values().stream().filter(o -> !o.firstInboundAt().isBefore(from) && o.firstInboundAt().isBefore(to))
                .sorted(Comparator.comparing(Opened::firstInboundAt)).limit(limit).toList();
    }
}
