package io.socialdesk.core.approval;

import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.post.PostContent;
import java.util.List;
import java.util.Set;

/**
 * The publisher's check, in one function: may this exact content go out? Only when every
 * department the policy requires for it (Marketing always; Legal and HR when flagged or when the
 * content rules match) has its quorum of approvals on exactly this content's hash, by people who
 * are not its authors, with no outstanding objection, and, for an in-order policy, in order.
 * The hash is computed here from the content about to be sent, never taken from the caller.
 */
public final class PublishGate {
    private PublishGate() {}

    public static boolean mayPublish(ApprovalPolicy policy, PostContent content, Set<Department> flagged, Set<String> authors,
            List<Decision> decisions) {
        return explain(policy, content, flagged, authors, decisions).complete();
    }

    /**
     * The same check from the post's audit trail: its authors are the creator and every editor
     * ({@link Approvals#authors}), and approvals made before a reschedule that sent the post back to
     * review do not count ({@link Approvals#approvalsValidFrom}). This is the form the publisher uses.
     */
    public static boolean mayPublish(ApprovalPolicy policy, PostContent content, Set<Department> flagged, String creatorKey,
            List<AuditEvent> trail, List<Decision> decisions) {
        ApprovalPolicy.Requirement required = policy.required(content, flagged);
        return ApprovalState.evaluate(policy, required.departments(), ContentHash.of(content), Approvals.authors(creatorKey, trail), decisions,
                Approvals.approvalsValidFrom(trail)).complete();
    }

    /** The same evaluation, with the per-department detail, for the message the publisher writes on the issue when it refuses. */
    public static ApprovalState explain(ApprovalPolicy policy, PostContent content, Set<Department> flagged, Set<String> authors,
            List<Decision> decisions) {
        ApprovalPolicy.Requirement required = policy.required(content, flagged);
        return ApprovalState.evaluate(policy, required.departments(), ContentHash.of(content), authors, decisions);
    }
}
