package io.socialdesk.store.inbox;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A reply written from a ticket of the social inbox ({@code io.socialdesk.core.inbox.answer.Reply}). Its delivery is
 * a row of {@code DELIVERY} whose post id is this row's id negated. {@code RECIPIENT_ID} (the inbound author's id on
 * the network, cut to 255 characters) is what forgetting a person looks for. {@code REVISION} is the optimistic
 * lock, guarded by {@link ReplyRevisionEntity}.
 */
@Preload
@Table("INBOX_REPLY")
public interface ReplyEntity extends Entity {
    @NotNull
    @Indexed
    String getTicketKey();
    void setTicketKey(String key);

    Long getTicketId();
    void setTicketId(Long id);

    @StringLength(StringLength.UNLIMITED)
    String getTicketUrl();
    void setTicketUrl(String url);

    @NotNull
    String getConversationKey();
    void setConversationKey(String key);

    @NotNull
    long getAccountId();
    void setAccountId(long id);

    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @NotNull
    String getProject();
    void setProject(String project);

    @NotNull
    boolean isDirect();
    void setDirect(boolean direct);

    @StringLength(StringLength.UNLIMITED)
    String getText();
    void setText(String text);

    @NotNull
    String getToItemKey();
    void setToItemKey(String key);

    @Indexed
    String getRecipientId();
    void setRecipientId(String id);

    String getRecipientHandle();
    void setRecipientHandle(String handle);

    @StringLength(StringLength.UNLIMITED)
    String getReplyToId();
    void setReplyToId(String id);

    @StringLength(StringLength.UNLIMITED)
    String getReplyToUrl();
    void setReplyToUrl(String url);

    @StringLength(StringLength.UNLIMITED)
    String getRootId();
    void setRootId(String id);

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String key);

    @NotNull
    @Indexed
    String getState();
    void setState(String state);

    String getApprover();
    void setApprover(String department);

    String getDecidedBy();
    void setDecidedBy(String user);

    Date getDecidedAt();
    void setDecidedAt(Date at);

    @StringLength(StringLength.UNLIMITED)
    String getNote();
    void setNote(String note);

    @StringLength(StringLength.UNLIMITED)
    String getRemoteId();
    void setRemoteId(String id);

    @StringLength(StringLength.UNLIMITED)
    String getRemoteUrl();
    void setRemoteUrl(String url);

    @StringLength(StringLength.UNLIMITED)
    String getReason();
    void setReason(String reason);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);

    Date getSentAt();
    void setSentAt(Date at);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date at);

    @NotNull
    int getRevision();
    void setRevision(int revision);
}
