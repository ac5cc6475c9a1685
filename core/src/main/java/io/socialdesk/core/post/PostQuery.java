package io.socialdesk.core.post;

import java.time.Instant;
import java.util.Optional;

/**
 * Which posts to list: those planned in {@code [from, to)} when given, soonest first, at most
 * {@code limit}.
 */
public record PostQuery(Optional<Instant> from, Optional<Instant> to, int limit) {
    public static final int MAX_LIMIT = 500;

    public PostQuery {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }

    public static PostQuery firstPosts(int limit) {
        return new PostQuery(Optional.empty(), Optional.empty(), limit);
    }
}
