package io.socialdesk.core.post;

import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where posts are kept. Implemented once over Active Objects, for Jira and the server alike. */
public interface PostStore {
    /** Stores a new post in the given state; the service always passes {@link PostState#DRAFT}. */
    Post create(TrackedItem item, String title, String text, PlannedTime planned, PostState state, String authorKey,
            Instant createdAt);

    Optional<Post> find(long id);

    List<Post> list(PostQuery query);

    int count();
}
