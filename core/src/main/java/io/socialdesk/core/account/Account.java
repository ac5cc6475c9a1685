package io.socialdesk.core.account;

import io.socialdesk.core.tracker.TrackedItem;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A social account the team publishes to or listens on. {@code connected} is false until an owner has
 * granted access (and again when the network revoked it); the credentials live elsewhere, encrypted, and
 * never in this value. {@code instance} is the server the account lives on (a Mastodon instance, a Bluesky
 * PDS), null for the network's own host; {@code remoteId} its id there; {@code ownerKey} the person who
 * answers for it (who connected it); {@code attention} the tracker item opened when it needs reconnecting.
 */
public record Account(long id, Network network, String handle, String displayName, boolean connected, URI instance, String remoteId,
        String ownerKey, Health health, TrackedItem attention) {
    public Account {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
        health = health == null ? Health.NONE : health;
    }

    /** An account as set up before it is connected: no instance, owner or health yet. */
    public Account(long id, Network network, String handle, String displayName, boolean connected) {
        this(id, network, handle, displayName, connected, null, null, null, Health.NONE, null);
    }

    /** How people name it in a sentence: {@code @acme@mastodon.social (Mastodon)}. */
    public String label() {
        return handle + " (" + network.label() + ")";
    }

    public boolean ownedBy(String userKey) {
        return ownerKey != null && ownerKey.equals(userKey);
    }

    /**
     * What the last checks found. {@code tokenExpiresAt} is when the connection stops working unless a
     * person reconnects (a refreshable token does not count, only the refresh token's own end); null when
     * it does not expire or nobody knows. {@code problem} is one of {@code AccountHealth}'s codes, null when
     * the last check worked.
     */
    public record Health(Instant lastSuccessAt, Instant lastCheckedAt, String problem, String problemDetail, Instant tokenExpiresAt,
            Set<String> scopes) {
        public static final Health NONE = new Health(null, null, null, null, null, Set.of());
        /** The problem when the stored credentials cannot be opened with the loaded key. */
        public static final String UNREADABLE = "unreadable-credentials";

        public Health {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }

        /** Revoked, expired, or credentials that cannot be read: nothing works until a person connects the account again. */
        public boolean lostAccess() {
            return "revoked".equals(problem) || "expired".equals(problem) || UNREADABLE.equals(problem);
        }

        /** Lost access, or the connection ends before {@code when}. */
        public boolean needsReconnectBefore(Instant when) {
            return lostAccess() || (tokenExpiresAt != null && !tokenExpiresAt.isAfter(when));
        }
    }
}
