package io.socialdesk.web.page;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ApprovalState;
import io.socialdesk.core.approval.ContentDiff;
import io.socialdesk.core.approval.Decision;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.RuleMatch;
import io.socialdesk.core.approval.TextDiff;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.user.User;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review part of the post panel, as one viewer sees it at first paint: each required
 * department (why, where it stands), the actions this viewer may take, what changed since they
 * approved, comments, the audit trail and the hand flags. Built from {@link ReviewService.Review}
 * (the same answer as {@code GET /posts/{id}/review}, trail included); {@code review.js} sends the
 * actions and reloads. Getters only (Velocity allowlist); every text is escaped by the template.
 */
public final class ReviewPanel {
    /** How many characters of a content hash a person needs to tell versions apart. */
    static final int SHORT_HASH = 12;

    private final ReviewService.Review review;
    private final List<AuditEvent> trail;
    private final User viewer;
    private final DateTimeFormatter format;
    private final String restBase;

    ReviewPanel(ReviewService.Review review, User viewer, Locale locale, String restBase) {
        this.review = review;
        this.trail = review.trail();
        this.viewer = viewer;
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.restBase = restBase;
    }

    static String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(SHORT_HASH, hash.length()));
    }

    private String when(Instant at) {
        return at.atZone(viewer.zone()).format(format);
    }

    private static String stateKey(PostState state) {
        return "socialdesk.state." + state.name().toLowerCase(Locale.ROOT);
    }

    private static String departmentKey(Department d) {
        return "socialdesk.department." + d.name().toLowerCase(Locale.ROOT);
    }

    public String getRestBase() { return restBase; }
    public long getPostId() { return review.post().id(); }
    public int getVersion() { return review.post().version(); }
    public String getContentHash() { return review.approvals().contentHash(); }
    public String getContentHashShort() { return shortHash(review.approvals().contentHash()); }
    public boolean getApprovalsComplete() { return review.approvals().complete(); }
    public String getViewerZone() { return viewer.zone().getId(); }
    public String getAuthors() { return String.join(", ", review.authors().stream().sorted().toList()); }
    public boolean getViewerIsAuthor() { return review.authors().contains(viewer.key()); }

    // ------------------------------------------------------------------ departments

    public List<DepartmentView> getDepartments() {
        return review.approvals().departments().stream().map(s -> new DepartmentView(s, review, this)).toList();
    }

    /** One required department: why, whether it has approved this version, and what it still needs. */
    public static final class DepartmentView {
        private final ApprovalState.DepartmentStatus status;
        private final ReviewService.Review review;
        private final ReviewPanel panel;

        DepartmentView(ApprovalState.DepartmentStatus status, ReviewService.Review review, ReviewPanel panel) {
            this.status = status;
            this.review = review;
            this.panel = panel;
        }

        public String getName() { return status.department().name(); }
        public String getLabelKey() { return departmentKey(status.department()); }
        public boolean getSatisfied() { return status.satisfied(); }
        public boolean getOpenNow() { return review.approvals().openNow().contains(status.department()); }
        public boolean getAlways() { return status.department() == Department.MARKETING; }
        public boolean getFlagged() { return review.requirement().flagged().contains(status.department()); }
        public boolean getHasObjections() { return !status.objections().isEmpty(); }
        public boolean getHasApprovals() { return !status.approvedBy().isEmpty(); }
        public String getApprovedBy() { return String.join(", ", status.approvedBy()); }

        /** The content rules that matched, each as the words found, the field and the rule's id. */
        public List<MatchView> getMatches() {
            List<MatchView> out = new ArrayList<>();
            for (RuleMatch m : review.requirement().matches()) {
                if (m.department() != status.department()) continue;
                MatchView view = new MatchView(m);
                if (out.stream().noneMatch(v -> v.same(view))) out.add(view);
            }
            return out;
        }

        public List<ObjectionView> getObjections() {
            return status.objections().stream().map(d -> new ObjectionView(d, panel)).toList();
        }

        /** The i18n key of the quorum: any one, all of the named, at least N. */
        public String getQuorumKey() { return "socialdesk.review.quorum." + status.rule().quorum().kind().name().toLowerCase(Locale.ROOT); }
        public int getQuorumN() { return status.rule().quorum().n(); }
        public String getQuorumNamed() { return String.join(", ", status.rule().quorum().named().stream().sorted().toList()); }
        public boolean getHasGroup() { return status.rule().group().filter(g -> !g.isBlank()).isPresent(); }
        public String getPool() {
            DepartmentRule rule = status.rule();
            return rule.group().filter(g -> !g.isBlank()).orElse(rule.role().slug());
        }
    }

    /** A content rule that matched: the words, where, which rule. */
    public static final class MatchView {
        private final String matched;
        private final String field;
        private final String ruleId;

        MatchView(RuleMatch m) {
            this.matched = m.matched();
            this.field = m.field();
            this.ruleId = m.ruleId();
        }

        boolean same(MatchView o) {
            return matched.equals(o.matched) && field.equals(o.field) && ruleId.equals(o.ruleId);
        }

        public String getMatched() { return matched; }
        public String getField() { return field; }
        public String getRuleId() { return ruleId; }
    }

    /** A request for changes or a rejection on this version. */
    public static final class ObjectionView {
        private final Decision decision;
        private final String at;

        ObjectionView(Decision decision, ReviewPanel panel) {
            this.decision = decision;
            this.at = panel.when(decision.at());
        }

        public String getApprover() { return decision.approverKey(); }
        public String getKindKey() { return "socialdesk.review.decision." + decision.kind().name().toLowerCase(Locale.ROOT); }
        public String getReason() { return decision.reason().orElse(""); }
        public boolean getHasReason() { return decision.reason().isPresent(); }
        public String getAt() { return at; }
    }

    // ------------------------------------------------------------------ actions

    public boolean getHasActions() { return !review.actions().isEmpty(); }

    /** The buttons: the viewer's actions other than reschedule, which has its own form. */
    public List<ActionView> getActions() {
        return review.actions().stream().filter(a -> a != Action.RESCHEDULE).map(ActionView::new).toList();
    }

    public boolean getMayReschedule() { return review.actions().contains(Action.RESCHEDULE); }

    /** Whether the reason box is shown: the viewer may request changes (reason required) or reject (optional). */
    public boolean getHasReasonActions() {
        return review.actions().contains(Action.REQUEST_CHANGES) || review.actions().contains(Action.REJECT);
    }

    public List<Choice> getMayDecideFor() {
        return review.mayDecideFor().stream().map(d -> new Choice(d.name(), departmentKey(d))).toList();
    }

    /** A department select is shown only when the viewer reviews for more than one department now. */
    public boolean getHasDepartmentChoice() { return review.mayDecideFor().size() > 1; }

    public String getPlannedLocal() { return review.post().planned().local().toString(); }
    public String getPlannedZone() { return review.post().planned().zone().getId(); }

    /** One action button. */
    public static final class ActionView {
        private final Action action;

        ActionView(Action action) {
            this.action = action;
        }

        public String getSlug() { return action.slug(); }
        public String getLabelKey() { return "socialdesk.action." + action.slug(); }
        public boolean getPrimary() { return action == Action.APPROVE || action == Action.SUBMIT; }
    }

    /** A value and the i18n key of its label, for selects. */
    public static final class Choice {
        private final String value;
        private final String labelKey;

        Choice(String value, String labelKey) {
            this.value = value;
            this.labelKey = labelKey;
        }

        public String getValue() { return value; }
        public String getLabelKey() { return labelKey; }
    }

    // ------------------------------------------------------------------ what changed since you approved

    public boolean getHasSinceYourApproval() { return review.sinceYourApproval().isPresent(); }
    public String getApprovedHashShort() { return review.sinceYourApproval().map(s -> shortHash(s.approvedHash())).orElse(""); }
    public String getApprovedAt() { return review.sinceYourApproval().map(s -> when(s.approvedAt())).orElse(""); }

    public List<ChangeView> getChanges() {
        return review.sinceYourApproval().map(s -> s.changes().stream().map(ChangeView::new).toList()).orElse(List.of());
    }

    /** One field that changed, with its character diff. */
    public static final class ChangeView {
        private final ContentDiff.FieldChange change;

        ChangeView(ContentDiff.FieldChange change) {
            this.change = change;
        }

        public String getField() { return change.field(); }
        public String getChangeKey() { return "socialdesk.review.change." + change.change().name().toLowerCase(Locale.ROOT); }
        public List<SegmentView> getSegments() { return change.chars().stream().map(SegmentView::new).toList(); }
    }

    /** A run of the diff: the same text, removed ({@code <del>}) or added ({@code <ins>}). */
    public static final class SegmentView {
        private final TextDiff.Segment segment;

        SegmentView(TextDiff.Segment segment) {
            this.segment = segment;
        }

        public String getText() { return BidiControls.reveal(segment.text()); }
        public boolean getDeleted() { return segment.op() == TextDiff.Op.DELETE; }
        public boolean getInserted() { return segment.op() == TextDiff.Op.INSERT; }
    }

    // ------------------------------------------------------------------ comments and trail

    public List<EventView> getComments() {
        return trail.stream().filter(e -> e.kind() == AuditKind.COMMENTED).map(e -> new EventView(e, this)).toList();
    }

    public boolean getHasComments() { return trail.stream().anyMatch(e -> e.kind() == AuditKind.COMMENTED); }

    /** Anyone with a Social Desk role may comment (as {@code ReviewService.comment} checks). */
    public boolean getMayComment() { return !viewer.roles().isEmpty(); }

    public List<Choice> getNetworks() {
        List<Choice> out = new ArrayList<>();
        for (Network n : Network.values()) if (n != Network.WEBHOOK) out.add(new Choice(n.name(), n.label()));
        return out;
    }

    /** The trail, newest first: a reviewer reads what happened last. */
    public List<EventView> getEvents() {
        List<EventView> out = new ArrayList<>(trail.stream().map(e -> new EventView(e, this)).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    public String getAuditCsvUrl() { return restBase + "/posts/" + review.post().id() + "/audit?format=csv"; }
    public String getAuditJsonUrl() { return restBase + "/posts/" + review.post().id() + "/audit?format=json"; }

    /** One audit event as the viewer reads it. */
    public static final class EventView {
        private final AuditEvent event;
        private final String at;

        EventView(AuditEvent event, ReviewPanel panel) {
            this.event = event;
            this.at = panel.when(event.at());
        }

        public String getActor() { return event.actor(); }
        public String getAt() { return at; }
        public String getAtInstant() { return event.at().toString(); }
        public String getKindKey() { return "socialdesk.audit.kind." + event.kind().name().toLowerCase(Locale.ROOT); }
        public String getHashShort() { return event.contentHash().map(ReviewPanel::shortHash).orElse(""); }
        public String getHash() { return event.contentHash().orElse(""); }
        public boolean getHasStates() { return event.fromState().isPresent() && event.toState().isPresent(); }
        public String getFromKey() { return event.fromState().map(ReviewPanel::stateKey).orElse(""); }
        public String getToKey() { return event.toState().map(ReviewPanel::stateKey).orElse(""); }
        public String getNetwork() { return event.network().map(Network::label).orElse(""); }
        public String getDetail() { return BidiControls.reveal(event.detail()); }
    }

    // ------------------------------------------------------------------ flags

    /** Legal and HR, flagged by hand or not, and whether this viewer may change the flag now. */
    public List<FlagView> getFlags() {
        List<FlagView> out = new ArrayList<>();
        for (Department d : List.of(Department.LEGAL, Department.HR)) {
            boolean on = review.requirement().flagged().contains(d);
            PostState state = review.post().state();
            boolean may = ReviewService.flagRefusal(state, viewer, d, on, !on).isEmpty();
            out.add(new FlagView(d, on, may));
        }
        return out;
    }

    /** One department's hand flag. */
    public static final class FlagView {
        private final Department department;
        private final boolean flagged;
        private final boolean mayChange;

        FlagView(Department department, boolean flagged, boolean mayChange) {
            this.department = department;
            this.flagged = flagged;
            this.mayChange = mayChange;
        }

        public String getDepartment() { return department.name(); }
        public String getLabelKey() { return departmentKey(department); }
        public boolean getFlagged() { return flagged; }
        public boolean getMayChange() { return mayChange; }
    }

    // ------------------------------------------------------------------ content problems

    public boolean getHasProblems() { return !review.problems().isEmpty(); }

    public List<ProblemView> getProblems() { return review.problems().stream().map(ProblemView::new).toList(); }

    /** A rule the content breaks now: field, rule and sentence (getters: records' accessors are not on Jira's allowlist). */
    public static final class ProblemView {
        private final FieldProblem problem;

        ProblemView(FieldProblem problem) {
            this.problem = problem;
        }

        public String getField() { return problem.field(); }
        public String getRule() { return problem.rule(); }
        public String getMessage() { return problem.message(); }
    }
}
