package io.socialdesk.store.publish;

import net.java.ao.Preload;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * One delivery: a part of a post for an account. {@code DELIVERY_KEY} is unique, so a plan made twice is
 * one row; {@code REVISION} is the optimistic lock every change goes through ({@link DeliveryWrites}).
 * {@code NEXT_AT} with {@code STATE} is what the claim query reads.
 */
@Preload
@Table("DELIVERY")
public interface DeliveryEntity extends Entity {
    @NotNull
    @Unique
    String getDeliveryKey();
    void setDeliveryKey(String key);

    @NotNull
    @Indexed
    long getPostId();
    void setPostId(long postId);

    @NotNull
    long getAccountId();
    void setAccountId(long accountId);

    @NotNull
    int getPart();
    void setPart(int part);

    @NotNull
    String getContentHash();
    void setContentHash(String hash);

    @NotNull
    Date getDueAt();
    void setDueAt(Date at);

    @NotNull
    @Indexed
    String getState();
    void setState(String state);

    @NotNull
    int getAttempts();
    void setAttempts(int attempts);

    /**
     * Not indexed: every read by it also asks for one state, and the state's index serves it (HSQLDB's plans pick it
     * for the claimable and queue reads); an index here was kept on every insert and update for nothing.
     */
    @NotNull
    Date getNextAt();
    void setNextAt(Date at);

    String getOwner();
    void setOwner(String owner);

    @StringLength(StringLength.UNLIMITED)
    String getRemoteId();
    void setRemoteId(String id);

    @StringLength(StringLength.UNLIMITED)
    String getRemoteUrl();
    void setRemoteUrl(String url);

    String getRemoteCid();
    void setRemoteCid(String cid);

    @StringLength(StringLength.UNLIMITED)
    String getProgress();
    void setProgress(String progress);

    String getCause();
    void setCause(String cause);

    @StringLength(StringLength.UNLIMITED)
    String getReason();
    void setReason(String reason);

    Date getSentAt();
    void setSentAt(Date at);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date at);

    @NotNull
    int getRevision();
    void setRevision(int revision);
}
