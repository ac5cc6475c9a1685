package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Network;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: where the replies written from tickets are kept. */
public interface ReplyStore {
    /** Stores a new reply and answers it with its id (version 0). */
    Reply add(Reply reply);

    Optional<Reply> find(long id);

    /** A ticket's replies, oldest first. */
    List<Reply> forTicket(String ticketKey);

    /** Writes {@code next} when the stored reply is still at {@code current.version()}; empty when someone changed it first. */
    Optional<Reply> replace(Reply current, Reply next);

    /** For each of these tickets that has a sent reply, when its first one was sent. */
    Map<String, Instant> firstSent(Collection<String> ticketKeys);

    /** The replies to this person on this network (by their id there), for forgetting them. */
    List<Reply> toRecipient(Network network, String recipientId);
}
