package io.socialdesk.server.notification;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One notice for one person: the server's in-app list. Only the server has these; in Jira, Jira's
 * own notifications do this work.
 */
@Preload
@Table("NOTICE")
public interface NoticeEntity extends Entity {
    /** The server user name of the person told. */
    @NotNull
    @Indexed
    String getRecipient();
    void setRecipient(String recipient);

    @NotNull
    String getKind();
    void setKind(String kind);

    @NotNull
    long getPostId();
    void setPostId(long postId);

    @NotNull
    String getItemKey();
    void setItemKey(String itemKey);

    @NotNull
    String getItemUrl();
    void setItemUrl(String itemUrl);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getTitle();
    void setTitle(String title);

    @NotNull
    String getActor();
    void setActor(String actor);

    @StringLength(StringLength.UNLIMITED)
    String getDetail();
    void setDetail(String detail);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date createdAt);

    /** When the recipient marked it read; empty while unread. */
    Date getReadAt();
    void setReadAt(Date readAt);
}
