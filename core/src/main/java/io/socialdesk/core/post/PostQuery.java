package io.socialdesk.core.post;

import java.time.Instant;
import java.util.Optional;

/**
 * Which posts to list: those planned in {@code [from, to)} when given, in the given state, by the
 * given author, of the given campaign; soonest first, at most {@code limit}.
 */
public record PostQuery(
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<PostState> state,
        Optional<String> author,
        Optional<String> campaign,
        int limit) {
    public static final int MAX_LIMIT = 500;

    public PostQuery {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }

    /** Posts planned in a time range, whatever else. */
    public PostQuery(Optional<Instant> from, Optional<Instant> to, int limit) {
        this(from, to, Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public static PostQuery firstPosts(int limit) {
        return new PostQuery(Optional.empty(), Optional.empty(), limit);
    }
}
