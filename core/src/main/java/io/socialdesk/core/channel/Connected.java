package io.socialdesk.core.channel;

import java.util.Objects;

/** An account that was just connected: who it is on the network and its credentials (to store encrypted). */
public record Connected(String remoteId, String handle, String displayName, Credentials credentials) {
    public Connected {
        Objects.requireNonNull(remoteId, "remoteId");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(credentials, "credentials");
        displayName = displayName == null ? handle : displayName;
    }
}
