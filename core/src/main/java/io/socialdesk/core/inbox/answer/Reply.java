package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.publish.NewDelivery;
import io.socialdesk.core.publish.Replies;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.Objects;

/**
 * A public reply or a direct message an agent wrote on a ticket of the social inbox. It answers one inbound item
 * ({@code toItemKey}, whose post on the network is {@code replyTo}, in the thread of {@code root}) from the account
 * that received it. {@code approver} is the department whose approval it needs (null: none); {@code decidedBy} who
 * approved or rejected it. Once approved (or when it needs none) it is one delivery of the publishing engine, keyed
 * {@link #deliveryKey()}; {@code remote} is where it landed. {@code recipientId} is the inbound author's id on the
 * network (what forgetting a person looks for). Immutable; {@code version} is the optimistic lock.
 */
public record Reply(long id, TrackedItem ticket, String conversationKey, long accountId, Network network, String project, boolean direct,
        String text, String toItemKey, String recipientId, String recipientHandle, RemotePost replyTo, RemotePost root, String authorKey,
        ReplyState state, Department approver, String decidedBy, Instant decidedAt, String note, RemotePost remote, String reason,
        Instant createdAt, Instant sentAt, Instant updatedAt, int version) {

    public Reply {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(toItemKey, "toItemKey");
        Objects.requireNonNull(authorKey, "authorKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        note = note == null ? "" : note;
        reason = reason == null ? "" : reason;
    }

    public String contentHash() {
        return sha256("reply\u0000" + (direct ? "direct" : "public") + "\u0000" + text);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The idempotency key of its delivery: the same reply and text always give the same key. */
    public String deliveryKey() {
        return "sd-reply-" + id + "-" + contentHash().substring(0, 16);
    }

    /** Its delivery as the engine plans it: due at once, part 0 of the "post" whose id is this reply's id negated. */
    public NewDelivery newDelivery(Instant at) {
        return new NewDelivery(Replies.postIdOf(id), accountId, 0, deliveryKey(), contentHash(), at);
    }

    public Reply with(ReplyState next, String reason, Instant at) {
        return new Reply(id, ticket, conversationKey, accountId, network, project, direct, text, toItemKey, recipientId, recipientHandle, replyTo,
                root, authorKey, next, approver, decidedBy, decidedAt, note, remote, reason, createdAt, sentAt, at, version);
    }

    public Reply decided(boolean approved, String by, String why, Instant at) {
        return new Reply(id, ticket, conversationKey, accountId, network, project, direct, text, toItemKey, recipientId, recipientHandle, replyTo,
                root, authorKey, approved ? ReplyState.QUEUED : ReplyState.REJECTED, approver, by, at, why, remote, reason, createdAt, sentAt, at,
                version);
    }

    public Reply sent(RemotePost on, Instant at) {
        return new Reply(id, ticket, conversationKey, accountId, network, project, direct, text, toItemKey, recipientId, recipientHandle, replyTo,
                root, authorKey, ReplyState.SENT, approver, decidedBy, decidedAt, note, on, "", createdAt, at, at, version);
    }

    /** Its recipient was forgotten: who it answered is no longer kept (our own text stays, it is ours and on the network). */
    public Reply recipientForgotten(String reference, Instant at) {
        ReplyState next = state == ReplyState.HELD || state == ReplyState.QUEUED ? ReplyState.CANCELLED : state;
        String why = next == state ? reason : "Its recipient asked to be forgotten; it was not sent.";
        return new Reply(id, ticket, conversationKey, accountId, network, project, direct, text, toItemKey, reference, null,
                replyTo == null ? null : RemotePost.of(reference, null), root == null ? null : RemotePost.of(reference, null), authorKey, next,
                approver, decidedBy, decidedAt, note, remote, why, createdAt, sentAt, at, version);
    }

    public Reply stored(long newId, int newVersion) {
        return new Reply(newId, ticket, conversationKey, accountId, network, project, direct, text, toItemKey, recipientId, recipientHandle, replyTo,
                root, authorKey, state, approver, decidedBy, decidedAt, note, remote, reason, createdAt, sentAt, updatedAt, newVersion);
    }
}
