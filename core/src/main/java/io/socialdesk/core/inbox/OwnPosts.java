package io.socialdesk.core.inbox;

import java.util.Collection;
import java.util.Set;

/**
 * Port: which of these ids on a network are posts or replies Social Desk published (the publishing engine's
 * deliveries keep each remote id): they are never imported, and a reply to one starts its own conversation.
 */
@FunctionalInterface
public interface OwnPosts {
    OwnPosts NONE = ids -> Set.of();

    Set<String> ours(Collection<String> remoteIds);
}
