package io.socialdesk.core.publish;

import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.RemotePost;
import java.util.Optional;

/**
 * Port: deliveries that are not parts of posts but replies written from an inbox ticket. Such a delivery is an
 * ordinary {@link DeliveryRecord} (same table, same deterministic idempotency key stored before the request, same
 * "sending" mark, unknown-outcome settling and Unconfirmed state) whose {@code postId} is the reply's id negated,
 * always part 0. {@link DeliverySending} asks this port, instead of the post, what to send, whether it may still
 * go, and whom to tell once it settled; everything else is the posts' code path.
 */
public interface Replies {
    /** Why a reply's delivery is not sent after all: it becomes CANCELLED with this code and reason. */
    record Refusal(String code, String why) {}

    /** Whether the delivery carries a reply (its post id is a negated reply id) rather than a part of a post. */
    static boolean isReply(DeliveryRecord delivery) {
        return delivery.postId() < 0;
    }

    /** The delivery's post id for the reply with this id. */
    static long postIdOf(long replyId) {
        if (replyId <= 0) throw new IllegalArgumentException("A stored reply has a positive id");
        return -replyId;
    }

    /** The reply's id from its delivery. */
    static long replyIdOf(DeliveryRecord delivery) {
        return -delivery.postId();
    }

    /** What the connector sends for this reply delivery (its text, what it answers, the delivery's progress). */
    Delivery delivery(DeliveryRecord delivery);

    /** Why it must not go now (the reply was withdrawn, its text changed, its recipient was forgotten); empty when it may. */
    Optional<Refusal> refusal(DeliveryRecord delivery);

    /** It was sent (and recorded as such): record it on the reply and its ticket. */
    void sent(DeliveryRecord delivery, RemotePost remote);

    /** It settled otherwise (failed, unconfirmed, cancelled): record it on the reply and its ticket. */
    void settled(DeliveryRecord delivery);

    /** For hosts without an inbox: a reply delivery is refused. */
    Replies NONE = new Replies() {
        @Override
        public Delivery delivery(DeliveryRecord delivery) {
            return Delivery.text(delivery.key(), "");
        }

        @Override
        public Optional<Refusal> refusal(DeliveryRecord delivery) {
            return Optional.of(new Refusal("no-inbox", "Replies are not sent by this host."));
        }

        @Override
        public void sent(DeliveryRecord delivery, RemotePost remote) {}

        @Override
        public void settled(DeliveryRecord delivery) {}
    };
}
