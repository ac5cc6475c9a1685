package io.socialdesk.core.channel;

import io.socialdesk.core.account.Network;
import java.net.URI;
import java.util.Objects;

/**
 * An account as a connector sees it. {@code instance} is the server it lives on (a Mastodon instance,
 * a Bluesky PDS); null means the network's own API host. {@code remoteId} is the account's id on the
 * network (a numeric id, a DID, a URN, a Page id). {@code credentials} are decrypted for this call only.
 */
public record ChannelAccount(long id, Network network, String handle, URI instance, String remoteId, Credentials credentials) {
    public ChannelAccount {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(credentials, "credentials");
    }

    public ChannelAccount withCredentials(Credentials fresh) {
        return new ChannelAccount(id, network, handle, instance, remoteId, fresh);
    }
}
