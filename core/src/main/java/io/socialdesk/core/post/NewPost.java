package io.socialdesk.core.post;

/**
 * What an author sends to create a post, exactly as received: every field may be missing or
 * malformed, and {@link PostService} says which and why.
 *
 * @param plannedAt a local date-time such as {@code 2026-12-01T09:00}, read in {@code zone}
 * @param zone an IANA time-zone id such as {@code Europe/Paris}
 */
public record NewPost(String title, String text, String plannedAt, String zone) {}
