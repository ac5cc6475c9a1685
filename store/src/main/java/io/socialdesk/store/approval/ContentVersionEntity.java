package io.socialdesk.store.approval;

import net.java.ao.Preload;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One content a post has had, by its hash. {@code VERSION_KEY} ("postId:hash") is unique: AO has no
 * composite unique constraint, so this synthetic column keeps one copy per post and hash.
 */
@Preload
@Table("CONTENT_VERSION")
public interface ContentVersionEntity extends Entity {
    @NotNull
    @Unique
    String getVersionKey();
    void setVersionKey(String versionKey);

    @NotNull
    @Indexed
    long getPostId();
    void setPostId(long postId);

    @NotNull
    String getContentHash();
    void setContentHash(String contentHash);

    /** {@code io.socialdesk.core.approval.ContentSnapshot} text. */
    @StringLength(StringLength.UNLIMITED)
    String getContent();
    void setContent(String content);
}
