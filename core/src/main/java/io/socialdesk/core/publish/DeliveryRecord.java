package io.socialdesk.core.publish;

import io.socialdesk.core.channel.RemotePost;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One part of one post for one account, as the publishing engine keeps it. {@code key} is
 * deterministic per (post, account, part, content) and is the idempotency key sent to the network.
 * {@code nextAt} is when the engine looks at it next: the due time while due, the next attempt while
 * retrying, the lease's end while in flight. {@code progress} is what a connector recorded before its
 * requests (a record key, a container id), and {@code version} is the optimistic lock every change goes
 * through ({@link DeliveryStore#replace}). Immutable: each change is a new value, checked against
 * {@link DeliveryState#mayBecome}.
 */
public record DeliveryRecord(long id, long postId, long accountId, int part, String key, String contentHash, Instant dueAt,
        DeliveryState state, int attempts, Instant nextAt, String owner, RemotePost remote, Map<String, String> progress, String cause,
        String reason, Instant sentAt, Instant updatedAt, int version) {

    /** Set in {@link #progress} by the engine just before it hands a part to the connector: from then on it may have been sent. */
    public static final String SENDING = "socialdesk.sending";

    /** A post's deliveries as the stores list them ({@link DeliveryStore#forPost}): by account, then part, then age. */
    public static final java.util.Comparator<DeliveryRecord> IN_POST_ORDER = java.util.Comparator.comparingLong(DeliveryRecord::accountId)
            .thenComparingInt(DeliveryRecord::part).thenComparingLong(DeliveryRecord::id);

    public DeliveryRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAt, "nextAt");
        progress = progress == null ? Map.of() : Map.copyOf(progress);
        cause = cause == null ? "" : cause;
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The same delivery in {@code next}, refused when the state machine does not allow the move. */
    private DeliveryRecord to(DeliveryState next, Instant nextAt, String owner, int attempts, RemotePost remote, Map<String, String> progress,
            String cause, String reason, Instant sentAt, Instant at) {
        if (!state.mayBecome(next)) {
            throw new IllegalStateException("A delivery cannot go from " + state + " to " + next);
        }
        return new DeliveryRecord(id, postId, accountId, part, key, contentHash, dueAt, next, attempts, nextAt, owner, remote, progress, cause,
                reason, sentAt, at, version);
    }

    /** Claimed by {@code node} until {@code leaseUntil}; a new attempt unless it is a take-over of an expired lease. */
    public DeliveryRecord claimedBy(String node, Instant leaseUntil, Instant at) {
        boolean takeOver = state == DeliveryState.IN_FLIGHT;
        if (!DeliveryState.CLAIMABLE.contains(state)) throw new IllegalStateException("A " + state + " delivery cannot be claimed");
        return to(DeliveryState.IN_FLIGHT, leaseUntil, node, takeOver ? attempts : attempts + 1, remote, progress, cause, reason, sentAt, at);
    }

    /** The same claim held longer: its lease now ends at {@code until}. */
    public DeliveryRecord leaseRenewed(Instant until, Instant at) {
        if (state != DeliveryState.IN_FLIGHT) throw new IllegalStateException("Only a claimed delivery has a lease to renew, not a " + state + " one");
        return to(DeliveryState.IN_FLIGHT, until, owner, attempts, remote, progress, cause, reason, sentAt, at);
    }

    /** Whether the engine had handed this attempt to the connector (so the request may have left). */
    public boolean mayHaveBeenSent() {
        return progress.containsKey(SENDING);
    }

    public DeliveryRecord withProgress(String name, String value, Instant at) {
        Map<String, String> more = new HashMap<>(progress);
        more.put(name, value);
        return new DeliveryRecord(id, postId, accountId, part, key, contentHash, dueAt, state, attempts, nextAt, owner, remote, more, cause,
                reason, sentAt, at, version);
    }

    /** Held in its state until {@code until}, when the network said it allows another call (a rate limit); not an attempt. */
    public DeliveryRecord heldUntil(Instant until, String why, Instant at) {
        return to(state, until, null, attempts, remote, progress, "rate-limited", why, null, at);
    }

    /**
     * Given back unsent, as it was before this node claimed it ({@code before}), to be looked at again at
     * {@code until}: the network asked for a pause on the account. Neither an attempt nor a take-over.
     */
    public DeliveryRecord released(DeliveryRecord before, Instant until, String why, Instant at) {
        return to(before.state, until, null, before.attempts, remote, progress, "rate-limited", why, null, at);
    }

    public DeliveryRecord sent(RemotePost on, Instant at) {
        return to(DeliveryState.SENT, at, null, attempts, Objects.requireNonNull(on, "remote"), progress, "", "", at, at);
    }

    public DeliveryRecord retryAt(Instant when, String why, Instant at) {
        return to(DeliveryState.RETRYING, when, null, attempts, remote, withoutSending(), "retry", why, null, at);
    }

    public DeliveryRecord failed(String code, String why, Instant at) {
        return to(DeliveryState.FAILED, at, null, attempts, remote, progress, code, why, null, at);
    }

    public DeliveryRecord unconfirmed(String why, Instant at) {
        return to(DeliveryState.UNCONFIRMED, at, null, attempts, remote, progress, "unknown-outcome", why, null, at);
    }

    public DeliveryRecord missed(String why, Instant at) {
        return to(DeliveryState.MISSED, at, null, attempts, remote, progress, "missed", why, null, at);
    }

    public DeliveryRecord cancelled(String code, String why, Instant at) {
        return to(DeliveryState.CANCELLED, at, null, attempts, remote, progress, code, why, null, at);
    }

    /**
     * Due at {@code when}: the part before it was sent, or a person asked to send it (again). When {@code fresh}
     * its attempts start over and its due time is {@code when}: lateness and the missed-after window count
     * from the moment it became due this time, not from the post's first planned time.
     */
    public DeliveryRecord dueAt(Instant when, boolean fresh, Instant at) {
        DeliveryRecord due = to(DeliveryState.DUE, when, null, fresh ? 0 : attempts, remote, withoutSending(), "", "", null, at);
        return fresh ? new DeliveryRecord(id, postId, accountId, part, key, contentHash, when, due.state, 0, when, null, remote, due.progress,
                "", "", null, at, version) : due;
    }

    /** Back to waiting for the part before it (a thread sent again from the start). */
    public DeliveryRecord waiting(Instant at) {
        return to(DeliveryState.WAITING, at, null, 0, remote, withoutSending(), "", "", null, at);
    }

    /** Marked as published by a person who saw it on the network. */
    public DeliveryRecord confirmedBy(RemotePost seen, Instant at) {
        return to(DeliveryState.SENT, at, null, attempts, seen, progress, "confirmed-by-person", "", at, at);
    }

    private Map<String, String> withoutSending() {
        if (!progress.containsKey(SENDING)) return progress;
        Map<String, String> rest = new HashMap<>(progress);
        rest.remove(SENDING);
        return rest;
    }

    /** How late it went out: from its due time to when it was sent. */
    public java.time.Duration lateness() {
        return sentAt == null ? null : java.time.Duration.between(dueAt, sentAt);
    }
}
