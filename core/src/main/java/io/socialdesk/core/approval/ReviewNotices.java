package io.socialdesk.core.approval;

import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.post.Post;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who should hear about a review step: the reviewers whose departments are open now (in order,
 * only the next one) when a post is submitted or changes while in review; the authors when a
 * reviewer decides or comments. Delivery failures are logged and never undo the action.
 */
public final class ReviewNotices {
    private static final System.Logger LOG = System.getLogger(ReviewNotices.class.getName());

    private final PolicyStore policies;
    private final DecisionStore decisions;
    private final Notifier notifier;
    private final Clock clock;

    public ReviewNotices(PolicyStore policies, DecisionStore decisions, Notifier notifier, Clock clock) {
        this.policies = policies;
        this.decisions = decisions;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Asks the reviewers of every department that must still approve this version and may do so now. */
    public void askReview(Post post, List<AuditEvent> trail, String actorKey) {
        ApprovalPolicy policy = policies.policyFor(post.item().projectKey());
        ApprovalPolicy.Requirement required = policy.required(post.content(), Approvals.flagged(trail));
        ApprovalState state = ApprovalState.evaluate(policy, required.departments(), ContentHash.of(post.content()),
                Approvals.authors(post.authorKey(), trail), decisions.list(post.id()), Approvals.approvalsValidFrom(trail));
        List<DepartmentRule> ask = state.openNow().stream().map(policy::rule).toList();
        if (ask.isEmpty()) return;
        String why = String.join(" ", state.openNow().stream().map(required::why).toList());
        send(new Notice(Notice.Kind.REVIEW_REQUESTED, post.id(), post.item().key(), post.item().url(), post.title(), actorKey, ask,
                Set.of(), why, clock.instant()));
    }

    /** Tells the authors what a reviewer decided. */
    public void decided(Post post, Decision decision, Set<String> authors) {
        Notice.Kind kind = switch (decision.kind()) {
            case APPROVED -> Notice.Kind.APPROVED;
            case CHANGES_REQUESTED -> Notice.Kind.CHANGES_REQUESTED;
            case REJECTED -> Notice.Kind.REJECTED;
        };
        tellAuthors(post, kind, decision.approverKey(), authors, decision.department() + decision.reason().map(r -> ": " + r).orElse(""));
    }

    /** Tells the authors that someone commented (the commenter excepted). */
    public void commented(Post post, AuditEvent comment, Set<String> authors) {
        tellAuthors(post, Notice.Kind.COMMENTED, comment.actor(), authors, comment.detail());
    }

    private void tellAuthors(Post post, Notice.Kind kind, String actorKey, Set<String> authors, String detail) {
        Set<String> to = new HashSet<>(authors);
        to.remove(actorKey);
        if (to.isEmpty()) return;
        send(new Notice(kind, post.id(), post.item().key(), post.item().url(), post.title(), actorKey, List.of(), to, detail, clock.instant()));
    }

    private void send(Notice notice) {
        try {
            notifier.send(notice);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not deliver a " + notice.kind() + " notice for " + notice.itemKey() + ": " + e);
        }
    }
}
