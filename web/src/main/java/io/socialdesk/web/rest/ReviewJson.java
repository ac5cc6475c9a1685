package io.socialdesk.web.rest;

import io.socialdesk.core.approval.ApprovalState;
import io.socialdesk.core.approval.ContentDiff;
import io.socialdesk.core.approval.Decision;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.TextDiff;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.problem.FieldProblem;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A post's review as one viewer sees it: the post, the hash its approvals are bound to, each
 * required department (why, where it stands), the actions this viewer may take (slugs, for
 * {@code POST /posts/{id}/actions}), the departments they may decide for, what changed since they
 * last approved, and what the networks' rules say about the content now.
 */
public record ReviewJson(PostJson post, String contentHash, boolean approvalsComplete, List<DepartmentJson> departments,
        List<String> actions, List<String> mayDecideFor, List<String> authors, List<String> flagged, ChangesJson sinceYourApproval,
        List<FieldProblem> problems) {

    /** One required department: why it must approve, who has, what it still needs, any objection. */
    public record DepartmentJson(String department, String why, boolean satisfied, boolean openNow, String needs, String pool,
            List<String> approvedBy, List<DecisionJson> objections, String summary) {
        static DepartmentJson of(ApprovalState.DepartmentStatus s, ReviewService.Review review) {
            return new DepartmentJson(s.department().name(), review.requirement().why(s.department()), s.satisfied(),
                    review.approvals().openNow().contains(s.department()), s.rule().quorum().describe(), s.rule().describePool(),
                    List.copyOf(s.approvedBy()), s.objections().stream().map(DecisionJson::of).toList(), s.describe());
        }
    }

    /** A recorded decision: who, for which department, what, why, on which content, when. */
    public record DecisionJson(String approver, String department, String kind, String reason, String contentHash, String at) {
        public static DecisionJson of(Decision d) {
            return new DecisionJson(d.approverKey(), d.department().name(), d.kind().name(), d.reason().orElse(null), d.contentHash(),
                    DateTimeFormatter.ISO_INSTANT.format(d.at()));
        }
    }

    /** What changed since a version: field by field, with a character diff. */
    public record ChangesJson(String since, String approvedAt, List<FieldChangeJson> changes) {}

    public record FieldChangeJson(String field, String change, String before, String after, List<SegmentJson> chars) {
        public static FieldChangeJson of(ContentDiff.FieldChange c) {
            return new FieldChangeJson(c.field(), c.change().name(), c.before().orElse(null), c.after().orElse(null),
                    c.chars().stream().map(SegmentJson::of).toList());
        }
    }

    /** A run of text that is the same, removed or added ({@code EQUAL}, {@code DELETE}, {@code INSERT}). */
    public record SegmentJson(String op, String text) {
        static SegmentJson of(TextDiff.Segment s) {
            return new SegmentJson(s.op().name(), s.text());
        }
    }

    /** One audit event; absent values are null. */
    public record AuditEventJson(long post, String at, String actor, String kind, String contentHash, String from, String to,
            String network, String detail) {
        public static AuditEventJson of(AuditEvent e) {
            return new AuditEventJson(e.postId(), DateTimeFormatter.ISO_INSTANT.format(e.at()), e.actor(), e.kind().name(),
                    e.contentHash().orElse(null), e.fromState().map(Enum::name).orElse(null), e.toState().map(Enum::name).orElse(null),
                    e.network().map(Enum::name).orElse(null), e.detail());
        }
    }

    public static ReviewJson of(ReviewService.Review r) {
        return new ReviewJson(PostJson.of(r.post()), r.approvals().contentHash(), r.approvals().complete(),
                r.approvals().departments().stream().map(s -> DepartmentJson.of(s, r)).toList(),
                r.actions().stream().map(a -> a.slug()).toList(), r.mayDecideFor().stream().map(Enum::name).toList(),
                r.authors().stream().sorted().toList(), r.requirement().flagged().stream().sorted().map(Enum::name).toList(),
                r.sinceYourApproval().map(s -> new ChangesJson(s.approvedHash(), DateTimeFormatter.ISO_INSTANT.format(s.approvedAt()),
                        s.changes().stream().map(FieldChangeJson::of).toList())).orElse(null),
                r.problems());
    }

}
