package io.socialdesk.server.tracker;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** A comment on a built-in tracker item; {@code COMMENT_KEY} ("itemId|key"), unique, makes a comment written twice one row. */
@Preload
@Table("TRACKER_COMMENT")
public interface TrackerCommentEntity extends Entity {
    @NotNull
    @Indexed
    long getItemId();
    void setItemId(long id);

    @NotNull
    @Unique
    String getCommentKey();
    void setCommentKey(String key);

    @NotNull
    String getAuthor();
    void setAuthor(String author);

    @StringLength(StringLength.UNLIMITED)
    String getText();
    void setText(String text);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);
}
