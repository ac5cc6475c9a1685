package io.socialdesk.core.inbox;

import io.socialdesk.core.tracker.Ticket;
import java.util.List;
import java.util.Map;

/**
 * Optional capability of an {@link InboxStore} whose host keeps its tickets in the inbox's own database (the server's
 * built-in tracker): a page's new items, its new conversations <b>and their tickets</b> are written in one transaction,
 * with one batched statement per table, instead of a dozen statements per new conversation. Jira, whose issues are
 * created outside our transactions, has no such store and files one conversation at a time.
 *
 * <p>Exactly-once holds as in {@link InboxStore#add}: an item or conversation whose key is stored is left alone; a
 * ticket is opened only for a conversation this very call stores, so no one else can be filing it; the ticket's key
 * ({@link Conversation#ticketKey()}) is unique in the same transaction. Items that were not filed here wait, and the
 * usual filing takes them.
 */
public interface PageFiling {
    /**
     * The ticket of a new conversation, opened only when the call stores the conversation: the item {@code openerKey}
     * is its description; each other item of the conversation stored by the call becomes a comment, keyed by the item's
     * key, with the text {@code comments} gives for it.
     */
    record Opening(Ticket ticket, String openerKey, Map<String, String> comments) {
        public Opening {
            comments = Map.copyOf(comments);
        }
    }

    /**
     * As {@link InboxStore#add}, and in the same transaction the tickets of the conversations it stores (by key in
     * {@code openings}), their items recorded as filed; and each item of {@code replies} (item key to its comment's text)
     * whose conversation was stored before, has its ticket open and no item waiting, commented on that ticket and filed
     * (the conversation's row locked meanwhile, as {@link InboxStore#exclusively} does). Answers the items stored, filed
     * ones with their ticket; the others wait for the usual filing (a resolved ticket to reopen, a digest, a crash's
     * leftovers to file first).
     */
    default List<InboxItem> addAndOpen(List<InboxItem> items, List<Conversation> conversations, Map<String, Opening> openings,
            Map<String, String> replies) {
        return addAndOpen(items, conversations, openings, replies, () -> {});
    }

    /**
     * As above, and {@code withPage} (the stream's cursor moving past the page) in the same transaction: the cursor moves
     * exactly when the page is committed, with one commit (one write to disk) instead of two.
     */
    List<InboxItem> addAndOpen(List<InboxItem> items, List<Conversation> conversations, Map<String, Opening> openings, Map<String, String> replies,
            Runnable withPage);
}
