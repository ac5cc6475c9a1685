package io.socialdesk.core.memory;

import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tracker in memory for the inbox's tests. Like Jira it does not refuse a second ticket with the same key (so a
 * test sees any duplicate the inbox would open); it finds tickets by key, keeps one comment per key, and can be
 * told that a ticket was resolved.
 */
public class MemoryTickets implements TicketTracker, io.socialdesk.core.tracker.TicketRedaction {
    /** A ticket as opened, with what happened to it since. */
    public static final class Held {
        public final TrackedItem item;
        public final Ticket ticket;
        public final Map<String, String> comments = new LinkedHashMap<>();
        public final List<String> follows = new ArrayList<>();
        public final List<String> reopenings = new ArrayList<>();
        private TicketStatus status = TicketStatus.OPEN;
        /** The summary and description now (a redaction replaces them). */
        public String summary;
        public String description;

        Held(TrackedItem item, Ticket ticket) {
            this.item = item;
            this.ticket = ticket;
            this.summary = ticket.summary();
            this.description = ticket.description();
        }

        public synchronized TicketStatus status() {
            return status;
        }
    }

    private final List<Held> tickets = new ArrayList<>();

    @Override
    public synchronized Optional<TrackedItem> find(String externalKey) {
        return tickets.stream().filter(t -> t.ticket.externalKey().equals(externalKey)).map(t -> t.item).findFirst();
    }

    @Override
    public synchronized TrackedItem open(Ticket ticket) {
        int id = tickets.size() + 1;
        String key = ticket.route().project() + "-" + id;
        TrackedItem item = new TrackedItem(id, key, "/items/" + key);
        tickets.add(new Held(item, ticket));
        return item;
    }

    @Override
    public synchronized void comment(TrackedItem ticket, String key, String text) {
        held(ticket).comments.putIfAbsent(key, text);
    }

    @Override
    public synchronized TicketStatus status(TrackedItem ticket) {
        return held(ticket).status;
    }

    @Override
    public synchronized void reopen(TrackedItem ticket, String why) {
        Held held = held(ticket);
        if (held.status.resolved()) {
            held.status = TicketStatus.OPEN;
            held.reopenings.add(why);
        }
    }

    @Override
    public synchronized void link(TrackedItem ticket, TrackedItem earlier) {
        Held held = held(ticket);
        if (!held.follows.contains(earlier.key())) held.follows.add(earlier.key());
    }

    @Override
    public synchronized void redact(TrackedItem ticket, boolean summaryAndDescription, Map<String, String> comments, String placeholder) {
        Held held = held(ticket);
        if (summaryAndDescription) {
            held.summary = placeholder;
            held.description = placeholder;
        }
        for (String key : comments.keySet()) {
            for (Map.Entry<String, String> c : held.comments.entrySet()) {
                if (key.endsWith("/") ? c.getKey().startsWith(key) : c.getKey().equals(key)) c.setValue(placeholder);
            }
        }
    }

    @Override
    public synchronized void forgetNames(TrackedItem ticket, java.util.Set<String> names, String replacement) {
        Held held = held(ticket);
        held.comments.replaceAll((key, text) -> io.socialdesk.core.tracker.TicketRedaction.withoutNames(text, names, replacement));
        held.reopenings.replaceAll(text -> io.socialdesk.core.tracker.TicketRedaction.withoutNames(text, names, replacement));
    }

    @Override
    public synchronized int forgetCrisisMentions(java.util.Set<String> mentions, String replacement) {
        int changed = 0;
        for (Held held : tickets) {
            if (!held.ticket.externalKey().startsWith(io.socialdesk.core.inbox.crisis.TicketCrisisDesk.KEY_PREFIX)) continue;
            String description = io.socialdesk.core.tracker.TicketRedaction.withoutMentions(held.description, mentions, replacement);
            Map<String, String> before = new LinkedHashMap<>(held.comments);
            held.comments.replaceAll((key, text) -> io.socialdesk.core.tracker.TicketRedaction.withoutMentions(text, mentions, replacement));
            if (!java.util.Objects.equals(description, held.description) || !before.equals(held.comments)) changed++;
            held.description = description;
        }
        return changed;
    }

    /** A person resolved it. */
    public synchronized void resolve(String key, Instant at) {
        held(key).status = TicketStatus.resolvedAt(at);
    }

    public synchronized List<Held> all() {
        return List.copyOf(tickets);
    }

    public synchronized Held held(String key) {
        return tickets.stream().filter(t -> t.item.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + key));
    }

    private Held held(TrackedItem item) {
        return held(item.key());
    }
}
