package io.socialdesk.core.channel;

import io.socialdesk.core.account.Network;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One social network (or generic channel) as the engines see it. A connector sends at most one
 * request that creates something per call and never retries on its own: retrying is the publishing
 * engine's decision, made from the {@link Outcome}. No method throws to its caller; every failure,
 * including a malformed or hostile response, comes back as an outcome a person can read.
 */
public interface Channel {
    Network network();

    /** How an owner connects an account: an OAuth code flow or an app password. */
    Connection connection();

    /**
     * Publishes one part of a post (text, its media, as a reply to {@code delivery.replyTo()} when set).
     * Uses the network's idempotency mechanism and records what it chose through {@code progress}
     * before the request that depends on it.
     */
    Outcome publish(ChannelAccount account, Delivery delivery, Progress progress);

    /**
     * Whether sending the same delivery twice makes one post: the network drops a repeat of its
     * idempotency key. Then the engine need not record "sending now" before each request; a delivery
     * left in flight by a crash is simply sent again.
     */
    /**
     * Whether {@link #publish} can send a direct message to one person (a delivery whose progress holds
     * {@link Delivery#DIRECT_TO}); the inbox refuses to queue one for a connector that cannot.
     */
    default boolean sendsDirectMessages() {
        return false;
    }

    default boolean resendIsSafe(ChannelAccount account) {
        return false;
    }

    /**
     * Settles an ambiguous outcome without sending again: looks the delivery up on the network
     * (a record key, a container's status, the account's recent posts). Answers {@link Outcome.Unknown}
     * when the network cannot tell.
     */
    Outcome settle(ChannelAccount account, Delivery delivery);

    /** Deletes a published post; {@link Outcome.Sent} means it is gone (or was already). */
    Outcome delete(ChannelAccount account, RemotePost post);

    /** The inbound streams this network offers, for example mentions and direct messages. */
    Set<Stream> streams();

    /**
     * The items of a stream after {@code cursor} (null: start from now), oldest first. The caller
     * stores the items and only then stores {@link ImportBatch#cursor()}; the account's own posts are
     * left out.
     */
    ImportBatch fetch(ChannelAccount account, Stream stream, String cursor);

    /**
     * As {@link #fetch(ChannelAccount, Stream, String)}, told which items the inbox has stored already: {@code stored}
     * answers, of the external ids asked, those stored. A connector whose conversion of an item costs (Mastodon's HTML to
     * text) may ask it first and leave those items out, counting them in {@link ImportBatch#leftOut()}; they are
     * duplicates, which the inbox would only count. Default: asks nothing, converts everything.
     */
    default ImportBatch fetch(ChannelAccount account, Stream stream, String cursor,
            java.util.function.Function<java.util.Collection<String>, java.util.Set<String>> stored) {
        return fetch(account, stream, cursor);
    }

    /**
     * Up to {@code max} ancestors of {@code item} (its parent, the parent's parent, ...), nearest first, where the
     * network can tell: the inbox asks for them when a reply's parent is unknown, to place the reply in its
     * conversation and show it with its context. The account's own posts may be among them (the inbox leaves them
     * out). Default: none, for networks (or connectors) that cannot tell.
     */
    default java.util.List<Inbound> ancestors(ChannelAccount account, Inbound item, int max) {
        return java.util.List.of();
    }

    /** Checks the account's credentials against the network: who it is, scopes, expiry, revocation. */
    AccountHealth check(ChannelAccount account);

    /** The earliest time the network allows another call for this account, from its rate-limit answers. */
    Instant nextAllowedAt(ChannelAccount account);

    /** Limits the network publishes for this account (characters, media, quotas), for the rules table. */
    default Optional<NetworkLimits> limits(ChannelAccount account) {
        return Optional.empty();
    }
}
