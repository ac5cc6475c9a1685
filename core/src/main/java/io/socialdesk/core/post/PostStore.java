package io.socialdesk.core.post;

import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where posts are kept. Implemented once over Active Objects, for Jira and the server alike. */
public interface PostStore {
    /** Stores a new post, version 1, in the given state; the service always passes {@link PostState#DRAFT}. */
    Post create(TrackedItem item, String title, PostContent content, PlannedTime planned, PostState state, String authorKey,
            Instant createdAt);

    /**
     * Saves a new version of the post when its stored version is still {@code expectedVersion};
     * answers the saved post, or empty when someone else saved first (nothing is written then).
     */
    Optional<Post> update(long id, int expectedVersion, String title, PostContent content, PlannedTime planned, PostState state,
            String editor, Instant at);

    /**
     * Moves the post to {@code state} (and to {@code planned}, for a reschedule) when its stored
     * version is still {@code expectedVersion}: a workflow action is a new version too, so two people
     * acting on the same version cannot both win. Empty when someone else saved first.
     */
    Optional<Post> move(long id, int expectedVersion, PostState state, PlannedTime planned, String actor, Instant at);

    /**
     * The same move of {@code post} as it was read (its version is the one expected); a store may answer the
     * moved post without reading its content back, which a move cannot change.
     */
    default Optional<Post> move(Post post, PostState state, PlannedTime planned, String actor, Instant at) {
        return move(post.id(), post.version(), state, planned, actor, at);
    }

    Optional<Post> find(long id);

    /** The posts of these ids that exist, by id; one read where the store can (the publishing engine reads a batch's posts so). */
    default java.util.Map<Long, Post> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, Post> found = new java.util.HashMap<>();
        for (long id : ids) find(id).ifPresent(p -> found.put(id, p));
        return found;
    }

    /**
     * The current version of each of these posts that exists, by id: every change of a post (an edit, a move) is
     * a new version, so a post read at the same version is unchanged. One small read where the store can.
     */
    default java.util.Map<Long, Integer> versions(java.util.Collection<Long> ids) {
        java.util.Map<Long, Integer> found = new java.util.HashMap<>();
        findAll(ids).forEach((id, post) -> found.put(id, post.version()));
        return found;
    }

    /** The post carried by a tracked item (a Jira issue id, or a server item id). */
    Optional<Post> findByItem(long itemId);

    List<Post> list(PostQuery query);

    int count();
}
