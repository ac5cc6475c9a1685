package io.socialdesk.core.post;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded images and videos live, addressed by the SHA-256 of their bytes: the same bytes
 * uploaded twice are one file, and a post's approval covers exactly the bytes its hash names.
 * {@link #put} refuses what {@link MediaTypes} does not accept (an unlisted type, a type the bytes
 * do not match, a file over its kind's ceiling) with an {@link io.socialdesk.core.problem.InvalidInputException}
 * naming the field {@code file} and the rule.
 */
public interface MediaStore {
    /**
     * Stores {@code bytes} (read to the end, not closed) and answers what was stored, without alt text.
     *
     * @param mimeType the type the uploader declared; checked against the bytes, never trusted
     * @param fileName the uploader's name for the file, kept for people (optional)
     */
    Media put(InputStream bytes, String mimeType, String fileName) throws IOException;

    /** The stored file with this hash, if any; a malformed hash finds nothing. */
    Optional<Media> find(String sha256);

    /** The bytes of a stored file; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;

}
