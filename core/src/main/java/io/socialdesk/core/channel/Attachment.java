package io.socialdesk.core.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;

/**
 * A media file to publish. {@code bytes} opens it (uploaded first on most networks); {@code publicUrl}
 * is where Instagram and Threads fetch it themselves, null when the host has no public address.
 */
public record Attachment(String mediaType, long size, String altText, Source bytes, URI publicUrl, Integer width, Integer height) {
    public Attachment {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        altText = altText == null ? "" : altText;
    }

    public static Attachment of(String mediaType, byte[] content, String altText) {
        return new Attachment(mediaType, content.length, altText, () -> new java.io.ByteArrayInputStream(content), null, null, null);
    }

    public boolean isVideo() {
        return mediaType.startsWith("video/");
    }

    public byte[] readAll() throws IOException {
        try (InputStream in = bytes.open()) {
            return in.readAllBytes();
        }
    }

    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
