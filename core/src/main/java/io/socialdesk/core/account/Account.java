package io.socialdesk.core.account;

import java.util.Objects;

/**
 * A social account the team publishes to or listens on. {@code connected} is false until an owner
 * has granted access; credentials live elsewhere, encrypted, and never in this value.
 */
public record Account(long id, Network network, String handle, String displayName, boolean connected) {
    public Account {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
    }
}
