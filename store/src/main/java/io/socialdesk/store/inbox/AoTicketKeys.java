package io.socialdesk.store.inbox;

import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** The hosts' record of which ticket each inbox key opened ({@link TicketKeyEntity}). */
public final class AoTicketKeys {
    /** What is recorded for a key: nothing, a reservation whose ticket is not known (yet), or the ticket. */
    public record Recorded(boolean reserved, TrackedItem ticket) {}

    private final AoAccess ao;

    public AoTicketKeys(AoAccess ao) {
        this.ao = ao;
    }

    public Optional<Recorded> find(String externalKey) {
        TicketKeyEntity[] rows = ao.find(TicketKeyEntity.class, Query.select().where("EXTERNAL_KEY = ?", externalKey));
        if (rows.length == 0) return Optional.empty();
        TicketKeyEntity row = rows[0];
        TrackedItem ticket = row.getItemKey() == null ? null
                : new TrackedItem(row.getItemId() == null ? 0 : row.getItemId(), row.getItemKey(), row.getItemUrl() == null ? "" : row.getItemUrl());
        return Optional.of(new Recorded(true, ticket));
    }

    /** The tickets opened with a key that starts with {@code prefix} (crisis tickets: {@code crisis:}), reservations without ticket left out. */
    public java.util.List<TrackedItem> ticketsStartingWith(String prefix) {
        java.util.List<TrackedItem> tickets = new java.util.ArrayList<>();
        // No ESCAPE clause (databases differ on it): a '%' or '_' in the prefix only widens the query, and the check below is exact.
        for (TicketKeyEntity row : ao.find(TicketKeyEntity.class, Query.select().where("EXTERNAL_KEY LIKE ?", prefix + "%"))) {
            if (row.getItemKey() != null && row.getExternalKey().startsWith(prefix)) {
                tickets.add(new TrackedItem(row.getItemId() == null ? 0 : row.getItemId(), row.getItemKey(), row.getItemUrl() == null ? "" : row.getItemUrl()));
            }
        }
        return tickets;
    }

    /** Reserves the key, or records its ticket at once ({@code ticket} null: a reservation); fails when the key is recorded already. */
    public void record(String externalKey, TrackedItem ticket, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("EXTERNAL_KEY", externalKey);
        values.put("RESERVED_AT", Date.from(at));
        if (ticket != null) {
            values.put("ITEM_ID", ticket.id());
            values.put("ITEM_KEY", ticket.key());
            values.put("ITEM_URL", ticket.url());
        }
        ao.create(TicketKeyEntity.class, values);
    }

    /** Records the ticket of a reserved key. */
    public void ticketOf(String externalKey, TrackedItem ticket) {
        ao.inTransaction(() -> {
            for (TicketKeyEntity row : ao.find(TicketKeyEntity.class, Query.select().where("EXTERNAL_KEY = ?", externalKey))) {
                row.setItemId(ticket.id());
                row.setItemKey(ticket.key());
                row.setItemUrl(ticket.url());
                row.save();
            }
            return null;
        });
    }
}
