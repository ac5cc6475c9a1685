package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.InboxItem;
import java.util.Collection;
import java.util.List;

/** Port: a person's items in the inbox, found and anonymised (forgetting a person). */
public interface AuthorData {
    /** The items on {@code network} whose author's id is {@code author}, or whose handle is (ignoring case and a leading {@code @}). */
    List<InboxItem> byAuthor(Network network, String author);

    /**
     * Anonymises these items in one transaction: the text becomes {@code placeholder}; the author's id becomes
     * {@code reference}, their handle and name {@code [forgotten]}; followers, profile link, the item's link and
     * external, parent and root ids are cleared (the item's key, a hash, stays: it is how a later import knows the item
     * was seen). Conversations whose root was one of these items lose that root id. Answers how many conversations
     * it changed.
     */
    int anonymise(Collection<Long> itemIds, String reference, String placeholder);
}
