package io.socialdesk.core.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation of an account: a thread from its root (the first post, {@code rootId}), a direct-message
 * thread, or a digest gathering a flood of new conversations of one stream in one window. It has at most one
 * ticket at a time: {@code ticket} is null while the ticket of this {@code generation} is being opened. When a
 * message comes long after the ticket was resolved, the next generation opens a new ticket that follows the old
 * one ({@code previous}). {@code route} is where its ticket goes: the route of its first item. {@code openedAt}
 * counts it in its stream's flood window. {@code id} is 0 until stored.
 */
public record Conversation(long id, String key, long accountId, Network network, Stream stream, String rootId, boolean digest, Route route,
        int generation, TrackedItem ticket, TrackedItem previous, Instant openedAt, Instant updatedAt) {
    public Conversation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(route, "route");
        if (generation < 1) throw new IllegalArgumentException("generation starts at 1");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The key its ticket of this generation is opened with, and found by after a crash. */
    public String ticketKey() {
        return InboxKeys.ticket(key, generation);
    }
}
