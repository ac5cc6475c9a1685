package io.socialdesk.core.memory;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyState;
import io.socialdesk.core.inbox.answer.ReplyStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The inbox's replies in memory, for tests. */
public final class MemoryReplies implements ReplyStore {
    private final Map<Long, Reply> rows = new TreeMap<>();
    private long ids;

    @Override
    public synchronized Reply add(Reply reply) {
        Reply stored = reply.stored(++ids, 0);
        rows.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Reply> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<Reply> forTicket(String ticketKey) {
        return rows.values().stream().filter(r -> r.ticket().key().equals(ticketKey)).toList();
    }

    @Override
    public synchronized Optional<Reply> replace(Reply current, Reply next) {
        Reply stored = rows.get(current.id());
        if (stored == null || stored.version() != current.version()) return Optional.empty();
        Reply written = next.stored(current.id(), current.version() + 1);
        rows.put(current.id(), written);
        return Optional.of(written);
    }

    @Override
    public synchronized Map<String, Instant> firstSent(Collection<String> ticketKeys) {
        Map<String, Instant> out = new HashMap<>();
        for (Reply r : rows.values()) {
            if (r.state() != ReplyState.SENT || r.sentAt() == null || !ticketKeys.contains(r.ticket().key())) continue;
            out.merge(r.ticket().key(), r.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return out;
    }

    @Override
    public synchronized List<Reply> toRecipient(Network network, String recipientId) {
        return rows.values().stream().filter(r -> r.network() == network && recipientId.equals(r.recipientId())).toList();
    }
}
