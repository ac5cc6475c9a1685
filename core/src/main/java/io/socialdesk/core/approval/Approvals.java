package io.socialdesk.core.approval;

import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for recording a reviewer's decision, on top of {@link PostWorkflow}'s "who may":
 * the reviewer must be eligible for the department (its role, or its group), must not be an
 * author of this version, the department must be required and open now (in order: only the next
 * one), and a request for changes needs a reason.
 */
public final class Approvals {
    private final ApproverDirectory directory;

    public Approvals(ApproverDirectory directory) {
        this.directory = directory;
    }

    /**
     * The audit kinds {@link #authors}, {@link #approvalsValidFrom} and {@link #flagged} read, and so all of a trail an
     * approval depends on: the publish gate reads only these ({@code AuditTrail.listAll(ids, kinds)}). Keep it in step.
     */
    public static final Set<AuditKind> HISTORY = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(AuditKind.CREATED, AuditKind.EDITED, AuditKind.RESCHEDULED, AuditKind.FLAGGED));

    /** The authors of the current version: the creator and everyone who has edited the content (an editing approver becomes an author). */
    public static Set<String> authors(String creatorKey, List<AuditEvent> trail) {
        Set<String> authors = new LinkedHashSet<>();
        authors.add(creatorKey);
        trail.stream().filter(e -> e.kind() == AuditKind.EDITED || e.kind() == AuditKind.CREATED).map(AuditEvent::actor).forEach(authors::add);
        return authors;
    }

    /**
     * When the current approvals became valid: the time of the latest time-only reschedule that sent
     * the post back to review (an audit event RESCHEDULED whose new state is In review), else the
     * beginning of time. Approvals before it do not count.
     */
    public static java.time.Instant approvalsValidFrom(List<AuditEvent> trail) {
        return trail.stream().filter(e -> e.kind() == AuditKind.RESCHEDULED && e.toState().equals(Optional.of(io.socialdesk.core.post.PostState.IN_REVIEW)))
                .map(AuditEvent::at).max(java.util.Comparator.naturalOrder()).orElse(java.time.Instant.MIN);
    }

    /** The departments flagged by hand as required: the latest FLAGGED event's list. */
    public static Set<Department> flagged(List<AuditEvent> trail) {
        Set<Department> flagged = java.util.EnumSet.noneOf(Department.class);
        trail.stream().filter(e -> e.kind() == AuditKind.FLAGGED).reduce((a, b) -> b).ifPresent(e -> {
            for (String name : e.detail().split(",")) if (!name.isBlank()) flagged.add(Department.valueOf(name.strip()));
        });
        return flagged;
    }

    /**
     * The departments this actor may object for (request changes or reject): every required
     * department they review for, open or not, since an objection never lets a post through.
     */
    public List<Department> objectableFor(Actor actor, ApprovalPolicy policy, ApprovalState state, Set<String> authors) {
        if (authors.contains(actor.key())) return List.of();
        return state.departments().stream().map(ApprovalState.DepartmentStatus::department).filter(d -> eligible(actor, policy.rule(d))).toList();
    }

    /** Whether the actor approves for this department under the policy (by role, or by group when the policy names one). */
    public boolean eligible(Actor actor, DepartmentRule rule) {
        if (actor.system()) return false;
        if (rule.group().isPresent()) return directory.isMember(actor.key(), rule.group().get());
        return actor.has(rule.role());
    }

    /** The departments this actor may decide for now, in review order. */
    public List<Department> departmentsFor(Actor actor, ApprovalPolicy policy, ApprovalState state, Set<String> authors) {
        if (authors.contains(actor.key())) return List.of();
        return state.openNow().stream().filter(d -> eligible(actor, policy.rule(d))).toList();
    }

    /** Why this actor may not decide for this department now, or empty when they may. */
    public Optional<String> refusal(Actor actor, Department department, ApprovalPolicy policy, ApprovalState state, Set<String> authors) {
        if (authors.contains(actor.key())) {
            return Optional.of("Separation of duties: " + actor.key() + " is an author of this version (wrote or edited it), so cannot review it.");
        }
        DepartmentRule rule = policy.rule(department);
        if (!eligible(actor, rule)) {
            return Optional.of(actor.key() + " does not review for " + department + ": its reviewers are the " + rule.describePool() + ".");
        }
        Optional<ApprovalState.DepartmentStatus> status = state.status(department);
        if (status.isEmpty()) return Optional.of(department + " approval is not required for this post.");
        if (!state.openNow().contains(department)) {
            if (status.get().satisfied()) return Optional.of(department + " has already approved this version.");
            return Optional.of("Reviews go in order: " + department + " reviews after " + state.openNow().get(0) + ".");
        }
        return Optional.empty();
    }

    private Optional<String> objectionRefusal(Actor actor, Department department, ApprovalPolicy policy, ApprovalState state,
            Set<String> authors) {
        if (objectableFor(actor, policy, state, authors).contains(department)) return Optional.empty();
        if (state.status(department).isEmpty()) return Optional.of(department + " approval is not required for this post.");
        return refusal(actor, department, policy, state, authors);
    }

    /**
     * A decision to record, or an exception: {@link NotAllowedException} when the actor may not
     * decide for the department now, {@link InvalidInputException} (field {@code reason}, rule
     * {@code reason-required}) for a request for changes without a reason.
     */
    public Decision decide(long postId, Actor actor, Department department, Decision.Kind kind, Optional<String> reason,
            PostContent content, ApprovalPolicy policy, ApprovalState state, Set<String> authors, Instant at) {
        Optional<String> why = reason == null ? Optional.empty() : reason.map(String::strip).filter(r -> !r.isEmpty());
        if (kind == Decision.Kind.CHANGES_REQUESTED && why.isEmpty()) {
            throw new InvalidInputException("reason", "reason-required", "Say what should change: a request for changes needs a reason.");
        }
        String hash = ContentHash.of(content);
        if (!hash.equals(state.contentHash())) {
            throw new InvalidInputException("contentHash", "stale-content", "The post changed while you were reviewing it; review the current version.");
        }
        Optional<String> refused = kind == Decision.Kind.APPROVED ? refusal(actor, department, policy, state, authors)
                : objectionRefusal(actor, department, policy, state, authors);
        refused.ifPresent(r -> {
            throw new NotAllowedException(r);
        });
        return new Decision(postId, actor.key(), department, kind, why, hash, at);
    }
}
