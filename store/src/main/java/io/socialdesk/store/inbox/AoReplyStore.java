package io.socialdesk.store.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyState;
import io.socialdesk.core.inbox.answer.ReplyStore;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link ReplyStore} over Active Objects, the same on both hosts. */
public final class AoReplyStore implements ReplyStore {
    private final AoAccess ao;

    public AoReplyStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Reply add(Reply reply) {
        return ao.inTransaction(() -> {
            ReplyEntity row = ao.create(ReplyEntity.class, columns(reply, 0));
            revision(row.getID(), 0);
            return read(row);
        });
    }

    @Override
    public Optional<Reply> find(long id) {
        if (id < 1 || id > Integer.MAX_VALUE) return Optional.empty();
        ReplyEntity[] rows = ao.find(ReplyEntity.class, Query.select().where("ID = ?", (int) id));
        return rows.length == 0 ? Optional.empty() : Optional.of(read(rows[0]));
    }

    @Override
    public List<Reply> forTicket(String ticketKey) {
        return Arrays.stream(ao.find(ReplyEntity.class, Query.select().where("TICKET_KEY = ?", ticketKey).order("ID ASC")))
                .map(AoReplyStore::read).toList();
    }

    @Override
    public Optional<Reply> replace(Reply current, Reply next) {
        if (current.id() < 1 || current.id() > Integer.MAX_VALUE) return Optional.empty();
        try {
            return Optional.of(ao.inTransaction(() -> {
                ReplyEntity[] rows = ao.find(ReplyEntity.class, Query.select().where("ID = ?", (int) current.id()));
                if (rows.length == 0 || rows[0].getRevision() != current.version()) throw new Stale();
                try {
                    revision(rows[0].getID(), current.version() + 1);
                } catch (StoreException e) {
                    throw new Stale(); // another writer wrote this revision first
                }
                ReplyEntity row = rows[0];
                apply(row, next, current.version() + 1);
                row.save();
                return read(row);
            }));
        } catch (Stale e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Instant> firstSent(Collection<String> ticketKeys) {
        Map<String, Instant> out = new HashMap<>();
        for (ReplyEntity row : InChunks.find(ao, ReplyEntity.class, "ID, TICKET_KEY, SENT_AT", "TICKET_KEY", ticketKeys,
                "STATE = ? AND SENT_AT IS NOT NULL AND ", ReplyState.SENT.name())) {
            out.merge(row.getTicketKey(), row.getSentAt().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return out;
    }

    @Override
    public List<Reply> toRecipient(Network network, String recipientId) {
        return Arrays.stream(ao.find(ReplyEntity.class, Query.select().where("NETWORK = ? AND RECIPIENT_ID = ?", network.name(), cut(recipientId))
                .order("ID ASC"))).map(AoReplyStore::read).filter(r -> recipientId.equals(r.recipientId()) || cut(recipientId).equals(r.recipientId()))
                .toList();
    }

    private void revision(int id, int revision) {
        ao.create(ReplyRevisionEntity.class, Map.of("REVISION_KEY", id + ":" + revision));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 255 ? s : s.substring(0, 255);
    }

    private static Map<String, Object> columns(Reply r, int revision) {
        Map<String, Object> v = new HashMap<>();
        v.put("TICKET_KEY", r.ticket().key());
        v.put("TICKET_ID", r.ticket().id());
        v.put("TICKET_URL", r.ticket().url());
        v.put("CONVERSATION_KEY", r.conversationKey());
        v.put("ACCOUNT_ID", r.accountId());
        v.put("NETWORK", r.network().name());
        v.put("PROJECT", r.project());
        v.put("DIRECT", r.direct());
        v.put("TEXT", r.text());
        v.put("TO_ITEM_KEY", r.toItemKey());
        v.put("AUTHOR_KEY", r.authorKey());
        v.put("STATE", r.state().name());
        v.put("CREATED_AT", Date.from(r.createdAt()));
        v.put("UPDATED_AT", Date.from(r.updatedAt()));
        v.put("REVISION", revision);
        Map<String, Object> optional = new HashMap<>();
        optional.put("RECIPIENT_ID", cut(r.recipientId()));
        optional.put("RECIPIENT_HANDLE", cut(r.recipientHandle()));
        optional.put("REPLY_TO_ID", r.replyTo() == null ? null : r.replyTo().id());
        optional.put("REPLY_TO_URL", r.replyTo() == null ? null : r.replyTo().url());
        optional.put("ROOT_ID", r.root() == null ? null : r.root().id());
        optional.put("APPROVER", r.approver() == null ? null : r.approver().name());
        optional.forEach((k, value) -> {
            if (value != null) v.put(k, value);
        });
        return v;
    }

    private static void apply(ReplyEntity row, Reply r, int revision) {
        row.setText(r.text());
        row.setRecipientId(cut(r.recipientId()));
        row.setRecipientHandle(cut(r.recipientHandle()));
        row.setReplyToId(r.replyTo() == null ? null : r.replyTo().id());
        row.setReplyToUrl(r.replyTo() == null ? null : r.replyTo().url());
        row.setRootId(r.root() == null ? null : r.root().id());
        row.setState(r.state().name());
        row.setDecidedBy(r.decidedBy());
        row.setDecidedAt(r.decidedAt() == null ? null : Date.from(r.decidedAt()));
        row.setNote(r.note());
        row.setRemoteId(r.remote() == null ? null : r.remote().id());
        row.setRemoteUrl(r.remote() == null ? null : r.remote().url());
        row.setReason(r.reason());
        row.setSentAt(r.sentAt() == null ? null : Date.from(r.sentAt()));
        row.setUpdatedAt(Date.from(r.updatedAt()));
        row.setRevision(revision);
    }

    static Reply read(ReplyEntity e) {
        RemotePost replyTo = e.getReplyToId() == null ? null : RemotePost.of(e.getReplyToId(), e.getReplyToUrl());
        RemotePost root = e.getRootId() == null ? null : RemotePost.of(e.getRootId(), null);
        RemotePost remote = e.getRemoteId() == null ? null : RemotePost.of(e.getRemoteId(), e.getRemoteUrl());
        return new Reply(e.getID(), new TrackedItem(e.getTicketId() == null ? 0 : e.getTicketId(), e.getTicketKey(),
                e.getTicketUrl() == null ? "" : e.getTicketUrl()), e.getConversationKey(), e.getAccountId(), Network.valueOf(e.getNetwork()),
                e.getProject(), e.isDirect(), e.getText() == null ? "" : e.getText(), e.getToItemKey(), e.getRecipientId(), e.getRecipientHandle(),
                replyTo, root, e.getAuthorKey(), ReplyState.valueOf(e.getState()), e.getApprover() == null ? null : Department.valueOf(e.getApprover()),
                e.getDecidedBy(), instant(e.getDecidedAt()), e.getNote(), remote, e.getReason(), e.getCreatedAt().toInstant(), instant(e.getSentAt()),
                e.getUpdatedAt().toInstant(), e.getRevision());
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }
}
