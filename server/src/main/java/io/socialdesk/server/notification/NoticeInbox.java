package io.socialdesk.server.notification;

import io.socialdesk.core.notification.Notice;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.java.ao.Query;

/** Each server user's in-app list of notices: one row per recipient, newest first, read or unread. */
public final class NoticeInbox {
    private final AoAccess ao;

    public NoticeInbox(AoAccess ao) {
        this.ao = ao;
    }

    /** One row per recipient, all or none. */
    public void deliver(Collection<String> recipients, Notice notice) {
        ao.inTransaction(() -> {
            recipients.forEach(recipient -> deliver(recipient, notice));
            return null;
        });
    }

    private void deliver(String recipient, Notice notice) {
        Map<String, Object> values = new HashMap<>();
        values.put("RECIPIENT", recipient);
        values.put("KIND", notice.kind().name());
        values.put("POST_ID", notice.postId());
        values.put("ITEM_KEY", notice.itemKey());
        values.put("ITEM_URL", notice.itemUrl());
        values.put("TITLE", notice.title());
        values.put("ACTOR", notice.actorKey());
        values.put("DETAIL", notice.detail());
        values.put("CREATED_AT", Date.from(notice.at()));
        ao.create(NoticeEntity.class, values);
    }

    /** The recipient's newest notices first (ties by arrival). */
    public List<InboxNotice> list(String recipient, int limit) {
        NoticeEntity[] rows = ao.find(NoticeEntity.class,
                Query.select().where("RECIPIENT = ?", recipient).order("CREATED_AT DESC, ID DESC").limit(limit));
        return Arrays.stream(rows).map(NoticeInbox::toNotice).toList();
    }

    public int unread(String recipient) {
        return ao.count(NoticeEntity.class, Query.select().where("RECIPIENT = ? AND READ_AT IS NULL", recipient));
    }

    /** Marks every unread notice of the recipient read; answers how many were. */
    public int markAllRead(String recipient, Instant at) {
        return ao.inTransaction(() -> {
            NoticeEntity[] rows = ao.find(NoticeEntity.class, Query.select().where("RECIPIENT = ? AND READ_AT IS NULL", recipient));
            for (NoticeEntity row : rows) {
                row.setReadAt(Date.from(at));
                row.save();
            }
            return rows.length;
        });
    }

    private static InboxNotice toNotice(NoticeEntity r) {
        return new InboxNotice(r.getID(), r.getRecipient(), Notice.Kind.valueOf(r.getKind()), r.getPostId(), r.getItemKey(), r.getItemUrl(),
                r.getTitle(), r.getActor(), r.getDetail() == null ? "" : r.getDetail(), r.getCreatedAt().toInstant(), r.getReadAt() != null);
    }
}
