package io.socialdesk.store.post;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One row per saved version of a post, never updated. {@code REVISION_KEY} ("postId:revision") is
 * unique, so of two editors saving the same version at the same moment the database lets exactly one
 * in: AO has no conditional UPDATE, and no composite unique constraint, so this synthetic column is
 * the optimistic lock.
 */
@Preload
@Table("POST_REVISION")
public interface PostRevisionEntity extends Entity {
    @NotNull
    @Unique
    String getRevisionKey();
    void setRevisionKey(String revisionKey);

    @NotNull
    @Indexed
    int getPostId();
    void setPostId(int postId);

    @NotNull
    int getRevision();
    void setRevision(int revision);

    @NotNull
    String getEditedBy();
    void setEditedBy(String editedBy);

    @NotNull
    Date getEditedAt();
    void setEditedAt(Date editedAt);
}
