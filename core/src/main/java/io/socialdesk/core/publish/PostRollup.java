package io.socialdesk.core.publish;

import io.socialdesk.core.approval.Action;
import io.socialdesk.core.post.PostState;

import java.util.List;
import java.util.Optional;

/**
 * A post's state from its deliveries, and the engine's workflow action that gets it there from
 * Publishing. Pending work keeps it Publishing; then: everything sent is Published; anything unconfirmed
 * waits for a person (Unconfirmed); some sent is Partial; all missed is Missed; all cancelled is Cancelled;
 * otherwise Failed.
 */
public final class PostRollup {
    private PostRollup() {}

    public static PostState of(List<DeliveryRecord> deliveries) {
        if (deliveries.isEmpty() || deliveries.stream().anyMatch(d -> d.state().isPending())) return PostState.PUBLISHING;
        if (all(deliveries, DeliveryState.SENT)) return PostState.PUBLISHED;
        if (any(deliveries, DeliveryState.UNCONFIRMED)) return PostState.UNCONFIRMED;
        if (any(deliveries, DeliveryState.SENT)) return PostState.PARTIAL;
        if (all(deliveries, DeliveryState.MISSED)) return PostState.MISSED;
        if (all(deliveries, DeliveryState.CANCELLED)) return PostState.CANCELLED;
        return PostState.FAILED;
    }

    /** The engine's action from Publishing to {@code state}, empty for Publishing itself. */
    public static Optional<Action> actionTo(PostState state) {
        return Optional.ofNullable(switch (state) {
            case PUBLISHED -> Action.MARK_PUBLISHED;
            case UNCONFIRMED -> Action.MARK_UNCONFIRMED;
            case PARTIAL -> Action.MARK_PARTIAL;
            case MISSED -> Action.MARK_MISSED;
            case CANCELLED -> Action.CANCEL;
            case FAILED -> Action.MARK_FAILED;
            default -> null;
        });
    }

    private static boolean all(List<DeliveryRecord> deliveries, DeliveryState state) {
        return deliveries.stream().allMatch(d -> d.state() == state);
    }

    private static boolean any(List<DeliveryRecord> deliveries, DeliveryState state) {
        return deliveries.stream().anyMatch(d -> d.state() == state);
    }
}
