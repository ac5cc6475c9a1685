package io.socialdesk.core.post;

/**
 * An uploaded file as a post refers to it: the SHA-256 the upload answered and the alt text for
 * this use of it (the same picture may be described differently in two posts).
 */
public record MediaRef(String sha256, String altText) {}
