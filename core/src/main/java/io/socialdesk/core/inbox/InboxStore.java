package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where the inbox keeps imported items and conversations. Written for pages: a page of items is a few
 * queries and one transaction, whatever its size.
 */
public interface InboxStore {
    /** The conversation of each stored item among these item keys (an item not in the answer is not stored). */
    Map<String, String> conversationsOf(Collection<String> itemKeys);

    /** The stored conversations among these keys. */
    Map<String, Conversation> conversations(Collection<String> keys);

    default Optional<Conversation> conversation(String key) {
        return Optional.ofNullable(conversations(List.of(key)).get(key));
    }

    /**
     * In one transaction: stores each item whose key is not stored yet and each conversation whose key is not
     * stored yet, and answers the items this call stored (with their ids), in the order given. Atomic on the
     * keys: of two callers storing one key at once, exactly one is answered with it; for the other it was
     * "already seen".
     */
    List<InboxItem> add(List<InboxItem> items, List<Conversation> conversations);

    /** How many conversations (digests not counted) of this account and stream opened since {@code since}: a flood's measure. */
    int conversationsOpenedSince(long accountId, Stream stream, Instant since);

    /**
     * As {@link #conversationsOpenedSince(long, Stream, Instant)}, counted only up to {@code atMost} (the flood's threshold):
     * the import only asks whether the threshold is reached, and a count of the whole window grows with the traffic.
     */
    default int conversationsOpenedSince(long accountId, Stream stream, Instant since, int atMost) {
        return Math.min(atMost, conversationsOpenedSince(accountId, stream, since));
    }

    /** Items not yet filed on a ticket, oldest first, at most {@code limit}. */
    List<InboxItem> waiting(int limit);

    /** Items of these conversations not yet filed on a ticket, oldest first, at most {@code limit}. */
    List<InboxItem> waitingIn(Collection<String> conversationKeys, int limit);

    /**
     * In one transaction: records {@code ticket} as the ticket of the conversation's {@code generation} (nothing
     * when the conversation has moved on to another generation) and files the items on it.
     */
    void ticketOpened(String conversationKey, int generation, TrackedItem ticket, Collection<Long> itemIds, Instant at);

    /** Files the items on the ticket (they are in its comments now). */
    void filed(Collection<Long> itemIds, TrackedItem ticket, Instant at);

    /** Groups these items into one digest chunk: they go into one comment, found again by {@code chunkKey}. */
    void chunked(Collection<Long> itemIds, String chunkKey);

    /**
     * Starts the next generation of a conversation whose ticket was resolved too long ago: only when it is still at
     * {@code generation} with a ticket, which becomes its {@code previous}. Answers the conversation as it is after.
     */
    Optional<Conversation> nextGeneration(String conversationKey, int generation, Instant at);

    /**
     * Runs {@code work}, the filing of one conversation, while no other node or thread files the same conversation, and
     * answers what it answered: two nodes filing it at once would each see a message as waiting and show it twice.
     */
    <T> T exclusively(String conversationKey, java.util.function.Supplier<T> work);

    /** The items filed on this ticket, oldest first: the conversation as its ticket shows it. */
    List<InboxItem> onTicket(String ticketKey, int limit);
}
