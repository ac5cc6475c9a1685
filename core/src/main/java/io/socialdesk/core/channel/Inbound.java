package io.socialdesk.core.channel;

import io.socialdesk.core.account.Network;
import java.time.Instant;
import java.util.Objects;

/**
 * One item imported from a network: a mention, a reply, a comment or a direct message.
 * {@code externalId} is its stable id on the network (a Mastodon status URI, a Bluesky AT-URI, an X post
 * id); {@code parentId} and {@code rootId} place it in its conversation (null when it starts one).
 */
public record Inbound(Network network, Stream stream, String externalId, String kind, String text, Instant createdAt, Author author,
        String url, String parentId, String rootId, String language) {
    public Inbound {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(author, "author");
        text = text == null ? "" : text;
        kind = kind == null ? stream.name().toLowerCase(java.util.Locale.ROOT) : kind;
    }

    /** Who wrote it, as the network shows them; {@code followers} is null where the network does not say. */
    public record Author(String id, String handle, String displayName, Long followers, String profileUrl) {
        public Author {
            Objects.requireNonNull(id, "id");
            handle = handle == null ? id : handle;
            displayName = displayName == null ? handle : displayName;
        }
    }
}
