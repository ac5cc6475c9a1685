package io.socialdesk.core.approval;

import static io.socialdesk.core.approval.Decision.Kind.APPROVED;
import static io.socialdesk.core.approval.Decision.Kind.CHANGES_REQUESTED;
import static io.socialdesk.core.approval.Decision.Kind.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishGateTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final PostContent PLAIN = PostContent.ofText("Our autumn newsletter is out.");
    static final PostContent CONTEST = PostContent.ofText("Jeu-concours : gagnez un vélo !");
    static final ApprovalPolicy DEFAULTS = ApprovalPolicy.defaults("SD");
    static final Set<String> AUTHORS = Set.of("alice");

    final List<Decision> decisions = new ArrayList<>();

    void decide(String who, Department d, Decision.Kind kind, PostContent content, int minute) {
        decisions.add(new Decision(1, who, d, kind, Optional.of("because"), ContentHash.of(content), T0.plusSeconds(60L * minute)));
    }

    boolean gate(ApprovalPolicy policy, PostContent content) {
        return PublishGate.mayPublish(policy, content, Set.of(), AUTHORS, decisions);
    }

    @Test
    void noApprovalNoPublishing() {
        assertThat(gate(DEFAULTS, PLAIN)).isFalse();
        assertThat(PublishGate.explain(DEFAULTS, PLAIN, Set.of(), AUTHORS, decisions).describe())
                .containsExactly("MARKETING: needs any one approver (holders of role marketing-lead); has none.");
    }

    @Test
    void marketingAloneSufficesForPlainContent() {
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 1);
        assertThat(gate(DEFAULTS, PLAIN)).isTrue();
    }

    @Test
    void anApprovalOfAnOlderHashDoesNotCount() {
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 1);
        PostContent edited = PostContent.ofText("Our autumn newsletter is out!");
        assertThat(gate(DEFAULTS, edited)).isFalse();
        decide("lea", Department.MARKETING, APPROVED, edited, 2);
        assertThat(gate(DEFAULTS, edited)).isTrue();
        assertThat(gate(DEFAULTS, PLAIN)).as("the old version is still approved as such").isTrue();
    }

    @Test
    void anAuthorsOwnApprovalDoesNotCount() {
        decide("alice", Department.MARKETING, APPROVED, PLAIN, 1);
        assertThat(gate(DEFAULTS, PLAIN)).isFalse();
        ApprovalState state = PublishGate.explain(DEFAULTS, PLAIN, Set.of(), AUTHORS, decisions);
        assertThat(state.status(Department.MARKETING).orElseThrow().ignoredAuthors()).containsExactly("alice");
        // An approver who edited the content became one of its authors.
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 2);
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), Set.of("alice", "lea"), decisions)).isFalse();
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), Set.of("alice"), decisions)).isTrue();
    }

    @Test
    void contentRulesAddLegalAndFlagsAddHr() {
        decide("lea", Department.MARKETING, APPROVED, CONTEST, 1);
        assertThat(gate(DEFAULTS, CONTEST)).isFalse();
        decide("lou", Department.LEGAL, APPROVED, CONTEST, 2);
        assertThat(gate(DEFAULTS, CONTEST)).isTrue();
        assertThat(PublishGate.mayPublish(DEFAULTS, CONTEST, Set.of(Department.HR), AUTHORS, decisions)).isFalse();
        decide("hana", Department.HR, APPROVED, CONTEST, 3);
        assertThat(PublishGate.mayPublish(DEFAULTS, CONTEST, Set.of(Department.HR), AUTHORS, decisions)).isTrue();
    }

    @Test
    void aQuorumOfNNeedsNDistinctApprovers() {
        ApprovalPolicy two = new ApprovalPolicy("SD", List.of(new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD, Optional.empty(),
                ApproverQuorum.atLeast(2))), ApprovalPolicy.Ordering.PARALLEL, true, ContentRules.defaults());
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 1);
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 2);
        assertThat(gate(two, PLAIN)).as("one person twice").isFalse();
        decide("alice", Department.MARKETING, APPROVED, PLAIN, 3);
        assertThat(gate(two, PLAIN)).as("the author does not count").isFalse();
        decide("leo", Department.MARKETING, APPROVED, PLAIN, 4);
        assertThat(gate(two, PLAIN)).isTrue();
    }

    @Test
    void aQuorumOfAllNeedsEveryNamedApprover() {
        ApprovalPolicy all = new ApprovalPolicy("SD", List.of(new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD, Optional.empty(),
                ApproverQuorum.all(Set.of("lea", "leo")))), ApprovalPolicy.Ordering.PARALLEL, true, ContentRules.defaults());
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 1);
        decide("max", Department.MARKETING, APPROVED, PLAIN, 2);
        assertThat(gate(all, PLAIN)).isFalse();
        decide("leo", Department.MARKETING, APPROVED, PLAIN, 3);
        assertThat(gate(all, PLAIN)).isTrue();
    }

    @Test
    void inOrderCountsALaterDepartmentOnlyAfterTheEarlierOneIsSatisfied() {
        ApprovalPolicy ordered = new ApprovalPolicy("SD", List.of(), ApprovalPolicy.Ordering.IN_ORDER, true, ContentRules.defaults());
        decide("lou", Department.LEGAL, APPROVED, CONTEST, 1);
        decide("lea", Department.MARKETING, APPROVED, CONTEST, 2);
        assertThat(gate(ordered, CONTEST)).as("legal approved before marketing").isFalse();
        ApprovalState state = PublishGate.explain(ordered, CONTEST, Set.of(), AUTHORS, decisions);
        assertThat(state.openNow()).containsExactly(Department.LEGAL);
        decide("lou", Department.LEGAL, APPROVED, CONTEST, 3);
        assertThat(gate(ordered, CONTEST)).isTrue();
        assertThat(gate(DEFAULTS, CONTEST)).as("in parallel the first approvals sufficed").isTrue();
    }

    @Test
    void inOrderOnlyTheNextDepartmentIsOpen() {
        ApprovalPolicy ordered = new ApprovalPolicy("SD", List.of(), ApprovalPolicy.Ordering.IN_ORDER, true, ContentRules.defaults());
        ApprovalState state = PublishGate.explain(ordered, CONTEST, Set.of(Department.HR), AUTHORS, decisions);
        assertThat(state.openNow()).containsExactly(Department.MARKETING);
        assertThat(PublishGate.explain(DEFAULTS, CONTEST, Set.of(Department.HR), AUTHORS, decisions).openNow())
                .containsExactly(Department.MARKETING, Department.LEGAL, Department.HR);
    }

    @Test
    void anOutstandingObjectionBlocksAndALaterApprovalByTheSamePersonLiftsIt() {
        ApprovalPolicy two = new ApprovalPolicy("SD", List.of(new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD, Optional.empty(),
                ApproverQuorum.ANY_ONE)), ApprovalPolicy.Ordering.PARALLEL, true, ContentRules.defaults());
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 1);
        decide("leo", Department.MARKETING, CHANGES_REQUESTED, PLAIN, 2);
        assertThat(gate(two, PLAIN)).isFalse();
        decide("leo", Department.MARKETING, APPROVED, PLAIN, 3);
        assertThat(gate(two, PLAIN)).isTrue();
        decide("lea", Department.MARKETING, REJECTED, PLAIN, 4);
        assertThat(gate(two, PLAIN)).isFalse();
    }

    @Test
    void decisionsAreCheckedBeforeTheyAreRecorded() {
        Approvals approvals = new Approvals((user, group) -> user.equals("gus") && group.equals("brand-leads"));
        ApprovalPolicy ordered = new ApprovalPolicy("SD", List.of(new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD,
                Optional.of("brand-leads"), ApproverQuorum.ANY_ONE)), ApprovalPolicy.Ordering.IN_ORDER, true, ContentRules.defaults());
        ApprovalState state = PublishGate.explain(ordered, CONTEST, Set.of(), AUTHORS, decisions);
        Actor lea = Actor.person("lea", Set.of(Role.MARKETING_LEAD));
        Actor gus = Actor.person("gus", Set.of());
        Actor lou = Actor.person("lou", Set.of(Role.LEGAL));
        Actor alice = Actor.person("alice", Set.of(Role.MARKETING_LEAD));

        assertThatThrownBy(() -> approvals.decide(1, lea, Department.MARKETING, APPROVED, Optional.empty(), CONTEST, ordered, state, AUTHORS, T0))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("members of group brand-leads");
        assertThatThrownBy(() -> approvals.decide(1, lou, Department.LEGAL, APPROVED, Optional.empty(), CONTEST, ordered, state, AUTHORS, T0))
                .isInstanceOf(NotAllowedException.class).hasMessage("Reviews go in order: LEGAL reviews after MARKETING.");
        assertThatThrownBy(() -> approvals.decide(1, alice, Department.MARKETING, APPROVED, Optional.empty(), CONTEST, ordered, state, AUTHORS, T0))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("Separation of duties");
        assertThatThrownBy(() -> approvals.decide(1, lou, Department.HR, APPROVED, Optional.empty(), CONTEST, ordered, state, AUTHORS, T0))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("does not review for HR");
        assertThatThrownBy(() -> approvals.decide(1, gus, Department.MARKETING, CHANGES_REQUESTED, Optional.of("  "), CONTEST, ordered, state, AUTHORS, T0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("reason-required"));
        assertThatThrownBy(() -> approvals.decide(1, gus, Department.MARKETING, APPROVED, Optional.empty(), PLAIN, ordered, state, AUTHORS, T0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("stale-content"));

        Decision ok = approvals.decide(1, gus, Department.MARKETING, APPROVED, Optional.empty(), CONTEST, ordered, state, AUTHORS, T0);
        assertThat(ok.contentHash()).isEqualTo(ContentHash.of(CONTEST));
        assertThat(approvals.departmentsFor(gus, ordered, state, AUTHORS)).containsExactly(Department.MARKETING);
        decisions.add(ok);
        ApprovalState next = PublishGate.explain(ordered, CONTEST, Set.of(), AUTHORS, decisions);
        assertThat(approvals.departmentsFor(lou, ordered, next, AUTHORS)).containsExactly(Department.LEGAL);
        assertThat(approvals.refusal(gus, Department.MARKETING, ordered, next, AUTHORS)).contains("MARKETING has already approved this version.");
    }

    @Test
    void fromTheTrailEditorsAreAuthorsAndARescheduleThatDroppedApprovalsVoidsThem() {
        List<AuditEvent> trail = new ArrayList<>(List.of(AuditEvent.of(1, T0, "alice", AuditKind.CREATED, "")));
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 1);
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), "alice", trail, decisions)).isTrue();
        trail.add(AuditEvent.of(1, T0.plusSeconds(120), "alice", AuditKind.RESCHEDULED, "")
                .withStates(io.socialdesk.core.post.PostState.APPROVED, io.socialdesk.core.post.PostState.APPROVED));
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), "alice", trail, decisions)).as("approvals kept").isTrue();
        trail.add(AuditEvent.of(1, T0.plusSeconds(180), "alice", AuditKind.RESCHEDULED, "")
                .withStates(io.socialdesk.core.post.PostState.SCHEDULED, io.socialdesk.core.post.PostState.IN_REVIEW));
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), "alice", trail, decisions)).as("approvals dropped").isFalse();
        decide("lea", Department.MARKETING, APPROVED, PLAIN, 4);
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), "alice", trail, decisions)).isTrue();
        trail.add(AuditEvent.of(1, T0.plusSeconds(300), "lea", AuditKind.EDITED, "").withHash(ContentHash.of(PLAIN)));
        assertThat(PublishGate.mayPublish(DEFAULTS, PLAIN, Set.of(), "alice", trail, decisions)).as("lea edited: now an author").isFalse();
    }

    @Test
    void authorsAreTheCreatorAndEveryEditor() {
        List<AuditEvent> trail = List.of(AuditEvent.of(1, T0, "alice", AuditKind.CREATED, ""), AuditEvent.of(1, T0, "lou", AuditKind.EDITED, ""),
                AuditEvent.of(1, T0, "lea", AuditKind.APPROVED, ""), AuditEvent.of(1, T0, "sam", AuditKind.COMMENTED, "hi"));
        assertThat(Approvals.authors("alice", trail)).containsExactlyInAnyOrder("alice", "lou");
    }

    @Test
    void whyADepartmentIsRequired() {
        ApprovalPolicy.Requirement r = DEFAULTS.required(CONTEST, Set.of(Department.HR));
        assertThat(r.departments()).containsExactly(Department.MARKETING, Department.LEGAL, Department.HR);
        assertThat(r.why(Department.LEGAL)).isEqualTo("LEGAL must approve: \"Jeu-concours\" in text (rule legal.contests); "
                + "\"gagnez\" in text (rule legal.contests).");
        assertThat(r.why(Department.HR)).isEqualTo("HR must approve: flagged by hand.");
        assertThat(r.why(Department.MARKETING)).isEqualTo("Marketing approves every post.");
    }
}
