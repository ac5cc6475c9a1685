package io.socialdesk.web.rest;

import io.socialdesk.core.post.Post;

/**
 * A post as the REST API shows it. Times are strings: {@code plannedAt} as the author wrote it in
 * {@code zone}, {@code plannedInstant} and {@code createdAt} in UTC (ISO 8601).
 */
public record PostJson(
        long id,
        String key,
        String url,
        String title,
        String text,
        String plannedAt,
        String zone,
        String plannedInstant,
        String state,
        String author,
        String createdAt) {

    public static PostJson of(Post post) {
        return new PostJson(
                post.id(),
                post.item().key(),
                post.item().url(),
                post.title(),
                post.text(),
                post.planned().local().toString(),
                post.planned().zone().getId(),
                post.planned().instant().toString(),
                post.state().name(),
                post.authorKey(),
                post.createdAt().toString());
    }
}
