package io.socialdesk.core.channel;

import java.net.URI;
import java.util.Objects;

/** An OAuth client of ours on a network (or on one Mastodon instance). The secret never shows in logs. */
public record OAuthClient(URI instance, String clientId, String clientSecret) {
    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public String toString() {
        return "OAuthClient[" + instance + ", " + clientId + ", secret " + (clientSecret == null ? "none" : "***") + "]";
    }
}
