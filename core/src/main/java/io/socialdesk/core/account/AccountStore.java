package io.socialdesk.core.account;

import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.tracker.TrackedItem;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the team's social accounts, and their credentials, which the store keeps encrypted in their own
 * table and only hands out through {@link #credentials(long)}.
 */
public interface AccountStore {
    /** An account set up by hand, not connected yet. */
    Account add(Network network, String handle, String displayName);

    /** Every account, by network and handle. */
    List<Account> list();

    Optional<Account> find(long id);

    /**
     * Stores a connection that just succeeded: into account {@code accountId} when given (a reconnect),
     * else into the account of this network, instance and remote id when there is one, else into one set up
     * by hand (no remote id yet) under the same handle, else a new account.
     * The credentials are stored encrypted; the health starts fresh (working, as of {@code at}), the attention
     * item is forgotten, and the owner is kept, or set to {@code ownerKey} when there was none.
     */
    Account connect(Long accountId, Network network, URI instance, Connected connected, String ownerKey, Instant at);

    /** The account's credentials, decrypted for one use; empty when it has none. */
    Optional<Credentials> credentials(long id);

    /** Replaces the account's credentials (a refresh), at once; the connection's end moves with them. */
    void rotate(long id, Credentials fresh);

    /** Records what a check found: success, or the problem (revoked or expired ones also mark it disconnected). */
    void recordHealth(long id, AccountHealth health);

    /** Records the limits the network published for this account (Mastodon's instance settings, quotas). */
    void recordLimits(long id, io.socialdesk.core.channel.NetworkLimits limits);

    /** The limits last recorded for the account; empty when its network publishes none or it was never checked. */
    Optional<io.socialdesk.core.channel.NetworkLimits> limits(long id);

    /** Remembers the tracker item opened because the account needs reconnecting (null: forget it). */
    void markAttention(long id, TrackedItem item);

    /** Removes the account and its credentials. */
    void remove(long id);

    /** Where connectors put credentials they refreshed: straight into this store. */
    default CredentialSink credentialSink() {
        return this::rotate;
    }
}
