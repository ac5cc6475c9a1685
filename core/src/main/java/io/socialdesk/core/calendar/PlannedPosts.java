package io.socialdesk.core.calendar;

import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The posts planned in {@code [from, to)}, soonest first, read a page of {@link PostQuery#MAX_LIMIT} at a time (the
 * store's own limit) up to {@code max}: what the calendar, its feeds and the benchmark's baseline read. A page whose
 * posts all share one instant cannot be paged past with a time bound: the answer then says it is truncated too.
 */
public record PlannedPosts(List<Post> posts, boolean truncated) {
    public PlannedPosts {
        posts = List.copyOf(posts);
    }

    public static PlannedPosts read(PostStore store, Instant from, Instant to, int max) {
        List<Post> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Instant cursor = from;
        while (true) {
            List<Post> page = store.list(new PostQuery(Optional.of(cursor), Optional.of(to), PostQuery.MAX_LIMIT));
            for (Post p : page) {
                if (!seen.add(p.id())) continue; // the page boundary's instant is read again
                if (out.size() == max) return new PlannedPosts(out, true);
                out.add(p);
            }
            if (page.size() < PostQuery.MAX_LIMIT) return new PlannedPosts(out, false);
            Instant last = page.get(page.size() - 1).planned().instant();
            if (last.equals(page.get(0).planned().instant())) return new PlannedPosts(out, true);
            cursor = last;
        }
    }
}
