package io.socialdesk.store.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.answer.AuthorData;
import io.socialdesk.store.ao.AoAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.java.ao.Query;

/**
 * {@link AuthorData} over the inbox's items. The author's id is an unlimited text column, which not every database
 * compares in a WHERE clause, and handles are compared ignoring case: the network's items are read in pages of three
 * columns and compared here (a rare admin action; about a second per 100,000 items).
 */
public final class AoAuthorData implements AuthorData {
    private static final int PAGE = 2_000;

    private final AoAccess ao;

    public AoAuthorData(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public List<InboxItem> byAuthor(Network network, String author) {
        String bare = (author.startsWith("@") ? author.substring(1) : author).toLowerCase(Locale.ROOT);
        Set<Integer> ids = new LinkedHashSet<>();
        int after = 0;
        while (true) {
            InboxItemEntity[] page = ao.find(InboxItemEntity.class, Query.select("ID, AUTHOR_ID, AUTHOR_HANDLE")
                    .where("NETWORK = ? AND ID > ?", network.name(), after).order("ID ASC").limit(PAGE));
            for (InboxItemEntity row : page) {
                String handle = row.getAuthorHandle() == null ? "" : row.getAuthorHandle().toLowerCase(Locale.ROOT);
                if (author.equals(row.getAuthorId()) || handle.equals(bare) || handle.equals("@" + bare)) ids.add(row.getID());
                after = row.getID();
            }
            if (page.length < PAGE) break;
        }
        List<InboxItem> out = new ArrayList<>();
        for (InboxItemEntity row : rows(ids)) out.add(AoInboxStore.read(row));
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    @Override
    public int anonymise(Collection<Long> itemIds, String reference, String placeholder) {
        return ao.inTransaction(() -> {
            Set<String> externalIds = new HashSet<>();
            Set<String> conversations = new HashSet<>();
            for (InboxItemEntity row : rows(itemIds.stream().map(Long::intValue).toList())) {
                externalIds.add(row.getExternalId());
                conversations.add(row.getConversationKey());
                row.setText(placeholder);
                row.setExternalId(reference + ":" + row.getID());
                row.setAuthorId(reference);
                row.setAuthorHandle("[forgotten]");
                row.setAuthorName("[forgotten]");
                row.setAuthorFollowers(null);
                row.setAuthorUrl(null);
                row.setUrl(null);
                row.setParentId(null);
                row.setRootId(null);
                row.save();
            }
            int changed = 0;
            for (ConversationEntity c : InChunks.find(ao, ConversationEntity.class, null, "CONVERSATION_KEY", conversations, "")) {
                if (c.getRootId() != null && externalIds.contains(c.getRootId())) {
                    c.setRootId(null);
                    c.save();
                    changed++;
                }
            }
            return changed;
        });
    }

    private List<InboxItemEntity> rows(Collection<Integer> ids) {
        return InChunks.find(ao, InboxItemEntity.class, null, "ID", ids, "");
    }
}
