package io.socialdesk.core.post;

import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.Objects;

/**
 * A social post as stored: its tracked item (the Jira issue or server item that carries the work),
 * its content and its state. Immutable; changes make a new value through the service.
 */
public record Post(
        long id,
        TrackedItem item,
        String title,
        String text,
        PlannedTime planned,
        PostState state,
        String authorKey,
        Instant createdAt) {

    public Post {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(authorKey, "authorKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
