package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.Replies;
import io.socialdesk.core.tracker.TicketTracker;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The publishing engine's view of the inbox's replies ({@link Replies}): what a reply delivery sends, whether it may
 * still go, and the outcome recorded on the reply and as a comment on its ticket, with its link.
 */
public final class ReplyDeliveries implements Replies {
    private static final Logger LOG = Logger.getLogger(ReplyDeliveries.class.getName());

    private final ReplyStore replies;
    private final TicketTracker tickets;
    private final Clock clock;

    public ReplyDeliveries(ReplyStore replies, TicketTracker tickets, Clock clock) {
        this.replies = replies;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public Delivery delivery(DeliveryRecord d) {
        Reply reply = replies.find(Replies.replyIdOf(d)).orElse(null);
        if (reply == null) return Delivery.text(d.key(), "");
        Map<String, String> progress = new HashMap<>(d.progress());
        if (reply.direct()) {
            progress.put(Delivery.DIRECT_TO, reply.recipientId());
            if (reply.recipientHandle() != null) progress.put(Delivery.DIRECT_HANDLE, reply.recipientHandle());
        }
        Delivery delivery = new Delivery(d.key(), reply.text(), List.of(), null, null, null, progress);
        return reply.replyTo() == null ? delivery : delivery.replyingTo(reply.replyTo(), reply.root());
    }

    @Override
    public Optional<Refusal> refusal(DeliveryRecord d) {
        Optional<Reply> found = replies.find(Replies.replyIdOf(d));
        if (found.isEmpty()) return Optional.of(new Refusal("reply-deleted", "The reply was deleted; nothing was sent."));
        Reply reply = found.get();
        if (reply.state() != ReplyState.QUEUED) {
            return Optional.of(new Refusal("reply-" + reply.state().name().toLowerCase(Locale.ROOT),
                    "The reply is " + reply.state().name().toLowerCase(Locale.ROOT) + " now; it was not sent."));
        }
        if (!reply.contentHash().equals(d.contentHash())) {
            return Optional.of(new Refusal("content-changed", "The reply's text changed after it was queued; this version was not sent."));
        }
        return Optional.empty();
    }

    @Override
    public void sent(DeliveryRecord d, RemotePost remote) {
        update(d, r -> r.state() == ReplyState.SENT ? r : r.sent(remote, d.sentAt() == null ? clock.instant() : d.sentAt())).ifPresent(r ->
                tickets.comment(r.ticket(), ReplyService.commentKey(r, "sent"), (r.direct() ? "Direct message" : "Reply") + " sent on "
                        + r.network().label() + ": " + (remote.url() == null ? remote.id() : remote.url())));
    }

    @Override
    public void settled(DeliveryRecord d) {
        ReplyState state = switch (d.state()) {
            case UNCONFIRMED -> ReplyState.UNCONFIRMED;
            case CANCELLED -> ReplyState.CANCELLED;
            case SENT -> ReplyState.SENT;
            default -> ReplyState.FAILED;
        };
        if (state == ReplyState.SENT) return;
        update(d, r -> r.state().settled() && r.state() != ReplyState.FAILED && r.state() != ReplyState.UNCONFIRMED ? r
                : r.with(state, d.reason(), clock.instant())).ifPresent(r -> {
                    if (r.state() != state) return;
                    String text = switch (state) {
                        case UNCONFIRMED -> "Reply unconfirmed on " + r.network().label() + ": " + d.reason()
                                + " Check the conversation on the network, then confirm the reply with its link or send it again.";
                        case CANCELLED -> "Reply not sent: " + d.reason();
                        default -> "Reply not sent on " + r.network().label() + ": " + d.reason() + " You may send it again.";
                    };
                    tickets.comment(r.ticket(), ReplyService.commentKey(r, state.name().toLowerCase(Locale.ROOT) + "-" + d.attempts()), text);
                });
    }

    /** Applies the change to the reply, reading it again when another write came first. */
    private Optional<Reply> update(DeliveryRecord d, UnaryOperator<Reply> how) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Reply> found = replies.find(Replies.replyIdOf(d));
            if (found.isEmpty()) return Optional.empty();
            Reply next = how.apply(found.get());
            if (next == found.get()) return Optional.of(next);
            Optional<Reply> stored = replies.replace(found.get(), next);
            if (stored.isPresent()) return stored;
        }
        LOG.warning("Reply " + Replies.replyIdOf(d) + " kept changing; its delivery " + d.id() + " is " + d.state());
        return Optional.empty();
    }
}
