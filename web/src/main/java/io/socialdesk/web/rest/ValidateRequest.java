package io.socialdesk.web.rest;

/**
 * The body of {@code POST /validate}: a network (its identifier, any case: {@code bluesky},
 * {@code X}), a text, and for Mastodon the instance's own {@code max_characters} when it is not 500.
 */
public record ValidateRequest(String network, String text, Integer instanceLimit) {}
