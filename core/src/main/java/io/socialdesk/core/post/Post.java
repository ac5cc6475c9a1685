package io.socialdesk.core.post;

import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.Objects;

/**
 * A social post as stored: its tracked item (the Jira issue or server item that carries the work),
 * its content, when it is planned, its state, and its version (1 when created, one more at each
 * saved edit). Immutable; changes make a new value through the service.
 */
public record Post(
        long id,
        TrackedItem item,
        String title,
        PostContent content,
        PlannedTime planned,
        PostState state,
        String authorKey,
        Instant createdAt,
        int version,
        String updatedBy,
        Instant updatedAt) {

    public Post {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(authorKey, "authorKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The master text. */
    public String text() {
        return content.text();
    }
}
