package io.socialdesk.core.inbox.crisis;

import java.time.Instant;
import java.util.Objects;

/**
 * A negative mention as a crisis ticket links it: its id and link on the network, when it was written, and the
 * ticket the inbox filed it in ({@code ticketKey}, null when it has none: a digest item, say).
 */
public record Mention(String externalId, String url, Instant at, String ticketKey) {
    public Mention {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(at, "at");
    }
}
