package io.socialdesk.core.publish;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one delivery (one part of one post for one account) stands, and the one place that says which
 * state may follow which. The engine moves deliveries; people move them only through the queue's actions
 * (retry, cancel, mark as published, send again).
 */
public enum DeliveryState {
    /** A later part of a thread, waiting for the part before it to be sent (it needs its remote id). */
    WAITING,
    /** Due at its time; not claimed yet. */
    DUE,
    /** Claimed by a node under a lease; the request may be under way. */
    IN_FLIGHT,
    /** A retryable failure; tried again at its next attempt time. */
    RETRYING,
    /** On the network, with its remote id and URL. */
    SENT,
    /** It did not go out and will not without a person: the reason says why. */
    FAILED,
    /** The request may have reached the network and the network cannot tell: a person decides. */
    UNCONFIRMED,
    /** Its time passed by more than the missed-after window before it could be sent; not sent late. */
    MISSED,
    /** Not sent because the post changed, was withdrawn, or an operator cancelled it. */
    CANCELLED;

    private static final Map<DeliveryState, Set<DeliveryState>> NEXT = Map.of(
            WAITING, EnumSet.of(DUE, FAILED, MISSED, CANCELLED),
            // DUE to DUE and RETRYING to RETRYING: held back until the network allows another call.
            DUE, EnumSet.of(DUE, IN_FLIGHT, CANCELLED),
            // From IN_FLIGHT to IN_FLIGHT: another node takes over an expired lease (to settle, never to resend blindly).
            IN_FLIGHT, EnumSet.of(IN_FLIGHT, DUE, RETRYING, SENT, FAILED, UNCONFIRMED, MISSED, CANCELLED),
            RETRYING, EnumSet.of(RETRYING, IN_FLIGHT, FAILED, CANCELLED),
            SENT, EnumSet.noneOf(DeliveryState.class),
            FAILED, EnumSet.of(DUE, WAITING),
            UNCONFIRMED, EnumSet.of(SENT, DUE, WAITING, FAILED),
            MISSED, EnumSet.of(DUE, WAITING),
            CANCELLED, EnumSet.of(DUE, WAITING));

    /** Whether a delivery in this state may move to {@code next}. */
    public boolean mayBecome(DeliveryState next) {
        return NEXT.get(this).contains(next);
    }

    /** Not settled yet: the engine still has work to do on it. */
    public boolean isPending() {
        return this == WAITING || this == DUE || this == IN_FLIGHT || this == RETRYING;
    }

    /** The states the engine claims from: due, retrying, and in flight under a lease that expired. */
    public static final Set<DeliveryState> CLAIMABLE = EnumSet.of(DUE, RETRYING, IN_FLIGHT);
}
