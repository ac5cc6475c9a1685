package io.socialdesk.store.post;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One follow-up part of a post's thread, at its place in the thread. */
@Preload
@Table("POST_PART")
public interface PostPartEntity extends Entity {
    @NotNull
    @Indexed
    int getPostId();
    void setPostId(int postId);

    @NotNull
    int getPartIndex();
    void setPartIndex(int partIndex);

    @StringLength(StringLength.UNLIMITED)
    String getText();
    void setText(String text);
}
