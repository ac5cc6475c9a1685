package io.socialdesk.core.account;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: OAuth connections started and not finished yet, by the SHA-256 of their state (the state itself is
 * only in the person's browser and the network's redirect). The PKCE verifier is stored encrypted.
 */
public interface PendingConnections {
    void save(Pending pending);

    Optional<Pending> find(String stateHash);

    /** Marks the state used; false when it already was (a second callback with the same state). */
    boolean markUsed(String stateHash, Instant at);

    /** Forgets connections that expired before {@code before}. */
    void purge(Instant before);

    /**
     * One started connection: who started it, for which network and instance, the PKCE verifier, the
     * redirect address the network was given, the account being reconnected (null for a new one), and
     * when it expires and was used.
     */
    record Pending(String stateHash, String userKey, Network network, URI instance, String verifier, URI redirect, Long accountId,
            Instant createdAt, Instant expiresAt, Instant usedAt) {
        public Pending {
            Objects.requireNonNull(stateHash, "stateHash");
            Objects.requireNonNull(userKey, "userKey");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(verifier, "verifier");
            Objects.requireNonNull(redirect, "redirect");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Pending[" + network + ", " + instance + ", user " + userKey + ", verifier ***, expires " + expiresAt + "]";
        }
    }
}
