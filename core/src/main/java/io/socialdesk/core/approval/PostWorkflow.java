package io.socialdesk.core.approval;

import static io.socialdesk.core.approval.Who.ADMIN;
import static io.socialdesk.core.approval.Who.AUTHOR;
import static io.socialdesk.core.approval.Who.LEAD;
import static io.socialdesk.core.approval.Who.LEGAL_OR_HR;
import static io.socialdesk.core.approval.Who.MARKETING;
import static io.socialdesk.core.approval.Who.REVIEWER;
import static io.socialdesk.core.approval.Who.SYSTEM;
import static io.socialdesk.core.post.PostState.APPROVED;
import static io.socialdesk.core.post.PostState.CANCELLED;
import static io.socialdesk.core.post.PostState.CHANGES_REQUESTED;
import static io.socialdesk.core.post.PostState.DRAFT;
import static io.socialdesk.core.post.PostState.FAILED;
import static io.socialdesk.core.post.PostState.IN_REVIEW;
import static io.socialdesk.core.post.PostState.MISSED;
import static io.socialdesk.core.post.PostState.PARTIAL;
import static io.socialdesk.core.post.PostState.PUBLISHED;
import static io.socialdesk.core.post.PostState.PUBLISHING;
import static io.socialdesk.core.post.PostState.REJECTED;
import static io.socialdesk.core.post.PostState.SCHEDULED;
import static io.socialdesk.core.post.PostState.UNCONFIRMED;

import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The approval workflow, written down in one place: every transition a post can make, as data
 * (from, action, to, who may). Hosts, REST resources, pages and the publisher ask this class;
 * none of them keeps its own copy of the rules. {@link #renderMarkdown()} prints the table that
 * docs/workflow.md embeds (a test keeps the two equal).
 *
 * <p>Two rows are conditional: an approval leads to Approved only when the project's
 * {@link ApprovalPolicy} is satisfied for the current content hash (else the post stays In
 * review), and a time-only reschedule of an approved post keeps its state only when the policy
 * keeps approvals on reschedule (else the post returns to In review).
 */
public final class PostWorkflow {
    private static final String POLICY_SATISFIED = "every required department has approved this version";
    private static final String KEEPS_APPROVALS = "the policy keeps approvals on a time-only reschedule";
    private static final Set<Who> OWNERS = Set.of(AUTHOR, LEAD, ADMIN);
    private static final Set<Who> WRITERS = Set.of(AUTHOR, MARKETING, ADMIN);
    private static final Set<Who> WRITERS_IN_REVIEW = Set.of(AUTHOR, MARKETING, LEGAL_OR_HR, ADMIN);
    private static final Set<Who> REVIEWERS = Set.of(REVIEWER);
    private static final Set<Who> ENGINE = Set.of(SYSTEM);
    private static final Set<Who> LEADS = Set.of(LEAD, ADMIN);

    private static final List<Transition> TRANSITIONS = build();

    private static final PostWorkflow INSTANCE = new PostWorkflow();

    private PostWorkflow() {}

    public static PostWorkflow get() {
        return INSTANCE;
    }

    private static List<Transition> build() {
        List<Transition> t = new ArrayList<>();
        // Drafting
        row(t, DRAFT, Action.EDIT, DRAFT, WRITERS);
        row(t, DRAFT, Action.SUBMIT, IN_REVIEW, OWNERS);
        row(t, DRAFT, Action.RESCHEDULE, DRAFT, OWNERS);
        row(t, DRAFT, Action.CANCEL, CANCELLED, OWNERS);
        // Review
        row(t, IN_REVIEW, Action.EDIT, IN_REVIEW, WRITERS_IN_REVIEW);
        t.add(new Transition(IN_REVIEW, Action.APPROVE, APPROVED, Optional.of(IN_REVIEW), POLICY_SATISFIED, REVIEWERS, false));
        t.add(new Transition(IN_REVIEW, Action.REQUEST_CHANGES, CHANGES_REQUESTED, Optional.empty(), "", REVIEWERS, true));
        row(t, IN_REVIEW, Action.REJECT, REJECTED, REVIEWERS);
        row(t, IN_REVIEW, Action.WITHDRAW, DRAFT, OWNERS);
        row(t, IN_REVIEW, Action.RESCHEDULE, IN_REVIEW, OWNERS);
        row(t, IN_REVIEW, Action.CANCEL, CANCELLED, OWNERS);
        row(t, CHANGES_REQUESTED, Action.EDIT, IN_REVIEW, WRITERS_IN_REVIEW);
        row(t, CHANGES_REQUESTED, Action.SUBMIT, IN_REVIEW, OWNERS);
        row(t, CHANGES_REQUESTED, Action.WITHDRAW, DRAFT, OWNERS);
        row(t, CHANGES_REQUESTED, Action.RESCHEDULE, CHANGES_REQUESTED, OWNERS);
        row(t, CHANGES_REQUESTED, Action.CANCEL, CANCELLED, OWNERS);
        // Approved and scheduled
        row(t, APPROVED, Action.EDIT, IN_REVIEW, WRITERS_IN_REVIEW);
        row(t, APPROVED, Action.SCHEDULE, SCHEDULED, OWNERS);
        t.add(new Transition(APPROVED, Action.RESCHEDULE, APPROVED, Optional.of(IN_REVIEW), KEEPS_APPROVALS, OWNERS, false));
        t.add(new Transition(APPROVED, Action.REQUEST_CHANGES, CHANGES_REQUESTED, Optional.empty(), "", REVIEWERS, true));
        row(t, APPROVED, Action.REJECT, REJECTED, REVIEWERS);
        row(t, APPROVED, Action.WITHDRAW, DRAFT, OWNERS);
        row(t, APPROVED, Action.CANCEL, CANCELLED, OWNERS);
        row(t, SCHEDULED, Action.EDIT, IN_REVIEW, WRITERS_IN_REVIEW);
        t.add(new Transition(SCHEDULED, Action.RESCHEDULE, SCHEDULED, Optional.of(IN_REVIEW), KEEPS_APPROVALS, OWNERS, false));
        row(t, SCHEDULED, Action.UNSCHEDULE, APPROVED, OWNERS);
        t.add(new Transition(SCHEDULED, Action.REQUEST_CHANGES, CHANGES_REQUESTED, Optional.empty(), "", REVIEWERS, true));
        row(t, SCHEDULED, Action.REJECT, REJECTED, REVIEWERS);
        row(t, SCHEDULED, Action.CANCEL, CANCELLED, OWNERS);
        row(t, SCHEDULED, Action.START_PUBLISHING, PUBLISHING, ENGINE);
        row(t, SCHEDULED, Action.MARK_MISSED, MISSED, ENGINE);
        // Publishing (the engine's own transitions)
        row(t, PUBLISHING, Action.MARK_PUBLISHED, PUBLISHED, ENGINE);
        row(t, PUBLISHING, Action.MARK_PARTIAL, PARTIAL, ENGINE);
        row(t, PUBLISHING, Action.MARK_FAILED, FAILED, ENGINE);
        row(t, PUBLISHING, Action.MARK_UNCONFIRMED, UNCONFIRMED, ENGINE);
        row(t, PUBLISHING, Action.MARK_MISSED, MISSED, ENGINE);
        row(t, PUBLISHING, Action.CANCEL, CANCELLED, ENGINE);
        // An operator's action on one delivery in the publishing queue (retry, send again, cancel, mark as published)
        // resumes the post; the engine then rolls its state up from its deliveries again.
        row(t, PARTIAL, Action.RESUME_PUBLISHING, PUBLISHING, ENGINE);
        row(t, FAILED, Action.RESUME_PUBLISHING, PUBLISHING, ENGINE);
        row(t, UNCONFIRMED, Action.RESUME_PUBLISHING, PUBLISHING, ENGINE);
        row(t, MISSED, Action.RESUME_PUBLISHING, PUBLISHING, ENGINE);
        // After publishing: people decide
        row(t, PARTIAL, Action.RETRY, SCHEDULED, LEADS);
        row(t, FAILED, Action.RETRY, SCHEDULED, LEADS);
        row(t, FAILED, Action.EDIT, IN_REVIEW, WRITERS);
        row(t, FAILED, Action.CANCEL, CANCELLED, OWNERS);
        row(t, UNCONFIRMED, Action.RETRY, SCHEDULED, LEADS);
        row(t, UNCONFIRMED, Action.MARK_AS_PUBLISHED, PUBLISHED, LEADS);
        row(t, UNCONFIRMED, Action.MARK_FAILED, FAILED, LEADS);
        t.add(new Transition(MISSED, Action.RESCHEDULE, SCHEDULED, Optional.of(IN_REVIEW), KEEPS_APPROVALS, OWNERS, false));
        row(t, MISSED, Action.EDIT, IN_REVIEW, WRITERS);
        row(t, MISSED, Action.CANCEL, CANCELLED, OWNERS);
        // Published, Rejected and Cancelled are final.
        return Collections.unmodifiableList(t);
    }

    private static void row(List<Transition> t, PostState from, Action action, PostState to, Set<Who> who) {
        t.add(new Transition(from, action, to, Optional.empty(), "", who, false));
    }

    /** Every transition, in the order of the documentation table. */
    public List<Transition> transitions() {
        return TRANSITIONS;
    }

    /** The row for this action from this state, if there is one. */
    public Optional<Transition> find(PostState from, Action action) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.action() == action).findFirst();
    }

    /** The actions that exist from a state (whoever takes them), in table order. */
    public List<Action> actionsFrom(PostState from) {
        return TRANSITIONS.stream().filter(t -> t.from() == from).map(Transition::action).toList();
    }

    /** The actions this actor may take now, for pages that show only the buttons that work. */
    public List<Action> actionsFor(PostState from, Actor actor, boolean actorIsAuthor) {
        return actionsFrom(from).stream().filter(a -> check(from, a, actor, actorIsAuthor).allowed()).toList();
    }

    /** States no action leads out of. */
    public boolean isFinal(PostState state) {
        return actionsFrom(state).isEmpty();
    }

    /**
     * May {@code actor} take {@code action} on a post in state {@code from}? {@code actorIsAuthor}
     * says whether the actor is an author of the post's current version (its creator, or anyone
     * who edited it): authors never review their own content.
     */
    public Verdict check(PostState from, Action action, Actor actor, boolean actorIsAuthor) {
        Optional<Transition> row = find(from, action);
        if (row.isEmpty()) {
            List<Action> possible = actionsFrom(from);
            String rest = possible.isEmpty()
                    ? StateNames.label(from) + " is final: no action leads out of it."
                    : "From " + StateNames.label(from) + " the workflow allows: "
                            + possible.stream().map(Action::label).collect(Collectors.joining(", ")) + ".";
            return Verdict.refuse(Verdict.Refusal.NOT_FROM_THIS_STATE,
                    "Rule transition-not-allowed: a post that is " + StateNames.label(from) + " cannot be moved by \""
                            + action.label() + "\". " + rest);
        }
        Transition t = row.get();
        if (t.who().stream().anyMatch(w -> w.matches(actor, actorIsAuthor))) return Verdict.allow(t);
        if (t.who().contains(REVIEWER) && actorIsAuthor && Who.APPROVING_ROLES.stream().anyMatch(actor::has)) {
            return Verdict.refuse(Verdict.Refusal.SEPARATION_OF_DUTIES, "Separation of duties: " + actor.key()
                    + " is an author of this version (wrote or edited it), so cannot " + action.label() + " it.");
        }
        String who = t.who().stream().sorted().map(Who::label).collect(Collectors.joining(" or "));
        String whoIsAsking = actor.system() ? "the publishing engine" : actor.key() + " (roles: "
                + (actor.roles().isEmpty() ? "none" : actor.roles().stream().sorted().map(r -> r.slug()).collect(Collectors.joining(", "))) + ")";
        return Verdict.refuse(Verdict.Refusal.NOT_PERMITTED, "Only " + who + " may " + action.label() + " a post that is "
                + StateNames.label(from) + "; " + whoIsAsking + " may not.");
    }

    /**
     * The transition to make, or an exception: {@link InvalidInputException} (field
     * {@code action}, rule {@code transition-not-allowed}) when the action does not exist from this
     * state, {@link NotAllowedException} when the actor may not take it.
     */
    public Transition require(PostState from, Action action, Actor actor, boolean actorIsAuthor) {
        Verdict v = check(from, action, actor, actorIsAuthor);
        return switch (v.refusal()) {
            case NONE -> v.transition().orElseThrow();
            case NOT_FROM_THIS_STATE -> throw new InvalidInputException("action", "transition-not-allowed", v.reason());
            case NOT_PERMITTED, SEPARATION_OF_DUTIES -> throw new NotAllowedException(v.reason());
        };
    }

    /** The table as Markdown, exactly as docs/workflow.md embeds it. */
    public String renderMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| From | Action | To | Who may | Notes |\n");
        out.append("|---|---|---|---|---|\n");
        for (Transition t : TRANSITIONS) {
            String to = StateNames.label(t.to());
            String notes = "";
            if (t.conditional()) {
                notes = "when " + t.condition() + "; otherwise " + StateNames.label(t.otherwise().orElseThrow());
            }
            if (t.reasonRequired()) notes = "a reason is required";
            out.append("| ").append(StateNames.label(t.from())).append(" | `").append(t.action().slug()).append("` | ").append(to)
                    .append(" | ").append(t.who().stream().sorted().map(Who::label).collect(Collectors.joining(", ")))
                    .append(" | ").append(notes).append(" |\n");
        }
        return out.toString();
    }
}
