package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.Objects;

/**
 * One imported item as the inbox keeps it: the item (with its author's profile), what triage found, the route
 * it took, the conversation it belongs to, where it came from ({@code source}: {@value #POLL}, {@value #WEBHOOK},
 * {@value #ANCESTOR}) and when. {@code key} is its synthetic unique key ({@link InboxKeys#item}). It waits until
 * it is filed on its conversation's ticket ({@code ticket}, {@code filedAt}); a digest's items are first grouped
 * into chunks, each one comment ({@code chunkKey}). {@code id} is 0 until stored.
 */
public record InboxItem(long id, String key, long accountId, Inbound inbound, Triage triage, Routed routed, String conversationKey,
        String source, Instant importedAt, String chunkKey, TrackedItem ticket, Instant filedAt) {
    /** Fetched from a network by the import job. */
    public static final String POLL = "poll";
    /** Pushed to us (the inbound webhook, a network's webhook). */
    public static final String WEBHOOK = "webhook";
    /** Fetched as context: an ancestor of a reply whose parent was unknown. */
    public static final String ANCESTOR = "ancestor";

    public InboxItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(routed, "routed");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    public boolean waiting() {
        return filedAt == null;
    }

    /** When it was written (as the network says), else when it was imported. */
    public Instant at() {
        return inbound.createdAt() != null ? inbound.createdAt() : importedAt;
    }
}
