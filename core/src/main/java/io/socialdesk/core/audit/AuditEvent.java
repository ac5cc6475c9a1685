package io.socialdesk.core.audit;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PostState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a post's audit trail: who ({@code actor}, a user key or the system key), when,
 * what, and as applicable the content hash (edits, submissions, decisions), the states before and
 * after (state changes), the network (a comment on one network's variant, a send attempt) and a
 * free detail (the comment's text, a decision's reason, a send's outcome).
 */
public record AuditEvent(long postId, Instant at, String actor, AuditKind kind, Optional<String> contentHash,
        Optional<PostState> fromState, Optional<PostState> toState, Optional<Network> network, String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        contentHash = contentHash == null ? Optional.empty() : contentHash;
        fromState = fromState == null ? Optional.empty() : fromState;
        toState = toState == null ? Optional.empty() : toState;
        network = network == null ? Optional.empty() : network;
        detail = detail == null ? "" : detail;
    }

    public static AuditEvent of(long postId, Instant at, String actor, AuditKind kind, String detail) {
        return new AuditEvent(postId, at, actor, kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), detail);
    }

    /** Events about accounts, not posts, are kept under this post id. */
    public static final long NO_POST = 0;

    /** Something done to an account (connected, removed): kept under {@link #NO_POST}, the detail names the account. */
    public static AuditEvent account(long accountId, String handle, Network network, Instant at, String actor, AuditKind kind) {
        return new AuditEvent(NO_POST, at, actor, kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(network),
                "account " + accountId + " " + handle);
    }

    /** The longest comment kept, in UTF-16 code units. */
    public static final int MAX_COMMENT = 10_000;

    /**
     * A reviewer's comment on the post, or on one network's variant when {@code network} is set.
     * Refuses an empty or over-long text ({@code InvalidInputException}, field {@code text}).
     */
    public static AuditEvent comment(long postId, Instant at, String actor, Optional<Network> network, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new io.socialdesk.core.problem.InvalidInputException("text", "required", "A comment needs some text.");
        if (t.length() > MAX_COMMENT) {
            throw new io.socialdesk.core.problem.InvalidInputException("text", "too-long", "A comment has at most " + MAX_COMMENT + " characters.");
        }
        return new AuditEvent(postId, at, actor, AuditKind.COMMENTED, Optional.empty(), Optional.empty(), Optional.empty(), network, t);
    }

    public AuditEvent withHash(String hash) {
        return new AuditEvent(postId, at, actor, kind, Optional.of(hash), fromState, toState, network, detail);
    }

    public AuditEvent withStates(PostState from, PostState to) {
        return new AuditEvent(postId, at, actor, kind, contentHash, Optional.of(from), Optional.of(to), network, detail);
    }

    public AuditEvent withNetwork(Network n) {
        return new AuditEvent(postId, at, actor, kind, contentHash, fromState, toState, Optional.of(n), detail);
    }
}
