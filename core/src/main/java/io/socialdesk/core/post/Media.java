package io.socialdesk.core.post;

import java.util.Objects;

/**
 * One attached image or video, identified by the SHA-256 of its bytes (so an approval covers
 * exactly these bytes), with its type, size and the alt text people using screen readers hear.
 */
public record Media(String sha256, String mimeType, long bytes, String altText, String fileName) {
    public Media {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mimeType, "mimeType");
        altText = altText == null ? "" : altText;
        fileName = fileName == null ? "" : fileName;
    }

    public boolean isVideo() {
        return mimeType.startsWith("video/");
    }

    public boolean isImage() {
        return mimeType.startsWith("image/");
    }
}
