package io.socialdesk.core.publish;

import java.time.Instant;
import java.util.Objects;

/** A delivery the engine plans for a post that came due: its first part is due, later parts wait. */
public record NewDelivery(long postId, long accountId, int part, String key, String contentHash, Instant dueAt) {
    public NewDelivery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(dueAt, "dueAt");
        if (part < 0) throw new IllegalArgumentException("part must be 0 or more");
    }

    /** The deterministic key: the same post, account, part and content always give the same key. */
    public static String keyOf(long postId, long accountId, int part, String contentHash) {
        return "sd-" + postId + "-" + accountId + "-" + part + "-" + contentHash.substring(0, Math.min(16, contentHash.length()));
    }

    public DeliveryState initialState() {
        return part == 0 ? DeliveryState.DUE : DeliveryState.WAITING;
    }
}
