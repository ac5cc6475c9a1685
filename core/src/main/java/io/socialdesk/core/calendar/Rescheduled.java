package io.socialdesk.core.calendar;

import io.socialdesk.core.post.Post;
import java.util.Optional;

/** A post after a calendar move, and what the person should be told (a time moved out of a clock change's gap). */
public record Rescheduled(Post post, Optional<String> notice) {}
