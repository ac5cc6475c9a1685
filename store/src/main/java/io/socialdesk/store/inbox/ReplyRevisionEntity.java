package io.socialdesk.store.inbox;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One row per written revision of a reply ({@code replyId:revision}, unique): AO has no conditional UPDATE, so the
 * insert is the lock. Of two writers of the same revision, one insert fails and its transaction rolls back.
 */
@Preload
@Table("INBOX_REPLY_REV")
public interface ReplyRevisionEntity extends Entity {
    @NotNull
    @Unique
    String getRevisionKey();
    void setRevisionKey(String key);
}
