package io.socialdesk.store.post;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** A post's own text for one network. */
@Preload
@Table("POST_VARIANT")
public interface PostVariantEntity extends Entity {
    @NotNull
    @Indexed
    int getPostId();
    void setPostId(int postId);

    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @StringLength(StringLength.UNLIMITED)
    String getText();
    void setText(String text);
}
