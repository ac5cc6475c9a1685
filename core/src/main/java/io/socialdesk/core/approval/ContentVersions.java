package io.socialdesk.core.approval;

import io.socialdesk.core.post.PostContent;
import java.util.Optional;

/**
 * The contents a post has had, by hash, so reviewers can see what changed since they approved
 * ({@link ContentDiff}). Saving the same content twice keeps one copy.
 */
public interface ContentVersions {
    /** Keeps this content of the post; returns its hash. */
    String save(long postId, PostContent content);

    Optional<PostContent> find(long postId, String contentHash);
}
