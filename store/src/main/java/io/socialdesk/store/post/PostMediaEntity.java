package io.socialdesk.store.post;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One attached image or video of a post, at its place, by the checksum of its bytes. */
@Preload
@Table("POST_MEDIA")
public interface PostMediaEntity extends Entity {
    @NotNull
    @Indexed
    int getPostId();
    void setPostId(int postId);

    @NotNull
    int getMediaIndex();
    void setMediaIndex(int mediaIndex);

    @NotNull
    String getSha256();
    void setSha256(String sha256);

    @NotNull
    String getMimeType();
    void setMimeType(String mimeType);

    long getBytes();
    void setBytes(long bytes);

    @StringLength(StringLength.UNLIMITED)
    String getAltText();
    void setAltText(String altText);

    String getFileName();
    void setFileName(String fileName);
}
