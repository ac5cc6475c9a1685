package io.socialdesk.core.approval;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.post.ContentCheck;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the workflow's actions to stored posts: submit, withdraw, approve, request changes,
 * reject, schedule, unschedule, reschedule, cancel, retry and confirm. {@link PostWorkflow} says
 * whether an action is allowed and where it leads; this class checks the content against the
 * networks' rules where the issue asks (submit, approve, schedule), records the decision and the
 * audit event, moves the post (a new version, so two people acting on one version cannot both
 * win), mirrors the state in the tracker and tells the people concerned. Comments and hand flags
 * are kept here too. Every refusal names the field and the rule.
 */
public final class ReviewService {
    /**
     * The actions a person asks for through this service: every action some row of the workflow lets a
     * person take, except editing, which goes through {@link PostService#edit}.
     */
    public static final Set<Action> PERSON_ACTIONS = personActions();
    private static final Set<PostState> FLAGS_CHANGE_IN = EnumSet.of(PostState.DRAFT, PostState.IN_REVIEW, PostState.CHANGES_REQUESTED);
    private static final Set<Role> MAY_FLAG = EnumSet.of(Role.MARKETING_AUTHOR, Role.MARKETING_LEAD, Role.LEGAL, Role.HR, Role.ADMIN);

    /**
     * What a person asks: the action's slug, the version they saw, and as the action needs a reason
     * (required to request changes), a department (when they review for several), a new time.
     */
    public record ActionRequest(String action, Integer version, String reason, String department, String plannedAt, String zone) {
        public static ActionRequest of(Action action, int version) {
            return new ActionRequest(action.slug(), version, null, null, null, null);
        }

        public ActionRequest withReason(String why) {
            return new ActionRequest(action, version, why, department, plannedAt, zone);
        }
    }

    /** Everything a page or a client shows about a post's review, for one viewer, with the audit trail it was read from. */
    public record Review(Post post, ApprovalPolicy policy, ApprovalPolicy.Requirement requirement, ApprovalState approvals,
            Set<String> authors, List<Action> actions, List<Department> mayDecideFor, Optional<SinceApproval> sinceYourApproval,
            List<FieldProblem> problems, List<AuditEvent> trail) {
        public Review {
            trail = List.copyOf(trail);
            authors = Set.copyOf(authors);
            actions = List.copyOf(actions);
            mayDecideFor = List.copyOf(mayDecideFor);
            problems = List.copyOf(problems);
        }
    }

    /** What changed since the viewer last approved an earlier version. */
    public record SinceApproval(String approvedHash, Instant approvedAt, List<ContentDiff.FieldChange> changes) {
        public SinceApproval {
            changes = List.copyOf(changes);
        }
    }

    private static Set<Action> personActions() {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        PostWorkflow.get().transitions().stream().filter(t -> !t.who().equals(Set.of(Who.SYSTEM))).map(Transition::action).forEach(actions::add);
        actions.remove(Action.EDIT);
        return java.util.Collections.unmodifiableSet(actions); // enum order, for messages and tests
    }

    private final PostStore posts;
    private final AuditTrail trail;
    private final DecisionStore decisions;
    private final PolicyStore policies;
    private final ContentVersions versions;
    private final Approvals approvals;
    private final ContentCheck contentCheck;
    private final AccountStore accounts;
    private final IssueTracker tracker;
    private final ReviewNotices notices;
    private final Clock clock;
    private final io.socialdesk.core.publish.Blackouts blackouts;
    private final PostWorkflow workflow = PostWorkflow.get();

    public ReviewService(PostStore posts, AuditTrail trail, DecisionStore decisions, PolicyStore policies, ContentVersions versions,
            ApproverDirectory directory, ContentCheck contentCheck, AccountStore accounts, IssueTracker tracker, ReviewNotices notices,
            Clock clock) {
        this(posts, trail, decisions, policies, versions, directory, contentCheck, accounts, tracker, notices, clock,
                io.socialdesk.core.publish.Blackouts.NONE);
    }

    /** {@code blackouts}: the editorial calendar's periods; scheduling or rescheduling into one is refused, saying which and why. */
    public ReviewService(PostStore posts, AuditTrail trail, DecisionStore decisions, PolicyStore policies, ContentVersions versions,
            ApproverDirectory directory, ContentCheck contentCheck, AccountStore accounts, IssueTracker tracker, ReviewNotices notices,
            Clock clock, io.socialdesk.core.publish.Blackouts blackouts) {
        this.blackouts = blackouts;
        this.posts = posts;
        this.trail = trail;
        this.decisions = decisions;
        this.policies = policies;
        this.versions = versions;
        this.approvals = new Approvals(directory);
        this.contentCheck = contentCheck;
        this.accounts = accounts;
        this.tracker = tracker;
        this.notices = notices;
        this.clock = clock;
    }

    /** Takes a person's action on the version they saw, or refuses without changing anything. */
    public Post act(long id, ActionRequest request, User user) {
        Action action = parseAction(request.action());
        Post post = get(id);
        if (request.version() == null) {
            throw new InvalidInputException("version", "required", "Send the version you acted on (from the post you read)");
        }
        if (request.version() != post.version()) throw PostService.stale(post);
        Context c = context(post, Actor.of(user));
        Transition t = workflow.require(post.state(), action, c.actor, c.isAuthor());
        Instant now = clock.instant();
        return switch (action) {
            case SUBMIT -> submit(c, t, now);
            case APPROVE -> decide(c, t, Decision.Kind.APPROVED, request, now);
            case REQUEST_CHANGES -> decide(c, t, Decision.Kind.CHANGES_REQUESTED, request, now);
            case REJECT -> decide(c, t, Decision.Kind.REJECTED, request, now);
            case SCHEDULE -> schedule(c, t, now);
            case RESCHEDULE -> reschedule(c, t, request, now);
            default -> move(c.post, t.to(), c.post.planned(), c.actor.key(), now,
                    stateEvent(c.post, now, c.actor.key(), AuditKind.STATE_CHANGED, t.to(), reasonOf(request).orElse("")));
        };
    }

    /**
     * Why this exact content may not go out now, or empty when it may: the publisher's check before each
     * first part ({@link PublishGate}, from the post's trail and decisions).
     */
    public Optional<String> publishRefusal(Post post) {
        return publishRefusals(List.of(post)).get(0);
    }

    /**
     * The same for many posts at once, in the order given: their trails and decisions in one read each, each
     * project's policy once. The publishing engine asks so for a batch, before its workers spread out. Of the trails,
     * only the kinds an approval depends on ({@link Approvals#HISTORY}) are read: the rest (sends, state changes,
     * comments) grows with every post's life and changes nothing here.
     */
    public List<Optional<String>> publishRefusals(List<Post> many) {
        List<Long> ids = many.stream().map(Post::id).distinct().toList();
        Map<Long, List<AuditEvent>> trails = trail.listAll(ids, Approvals.HISTORY);
        Map<Long, List<Decision>> decided = decisions.listAll(ids);
        Map<String, ApprovalPolicy> policyOf = new java.util.HashMap<>();
        return many.stream().map(post -> publishRefusal(context(post, Actor.SYSTEM, trails.getOrDefault(post.id(), List.of()),
                policyOf.computeIfAbsent(post.item().projectKey(), policies::policyFor), decided.getOrDefault(post.id(), List.of())))).toList();
    }

    private static Optional<String> publishRefusal(Context c) {
        // The context's state is PublishGate.mayPublish's evaluation, made once: its content rules are not matched again.
        if (c.state.complete()) {
            return Optional.empty();
        }
        return Optional.of("This version lacks a required approval: " + String.join(" ", c.state.describe()));
    }

    /**
     * The publishing engine's own move of a post (start publishing, published, failed, ...), through the
     * same workflow table and with the same audit and tracker mirroring as a person's; empty when the
     * post changed meanwhile (its version moved on) or the workflow has no such move from its state now.
     */
    public Optional<Post> engineMove(Post post, Action action, String detail) {
        Verdict verdict = workflow.check(post.state(), action, Actor.SYSTEM, false);
        if (!verdict.allowed()) return Optional.empty();
        PostState to = verdict.transition().orElseThrow().to();
        Instant now = clock.instant();
        Optional<Post> moved = posts.move(post, to, post.planned(), Actor.SYSTEM_KEY, now);
        moved.ifPresent(m -> {
            trail.append(stateEvent(post, now, Actor.SYSTEM_KEY, AuditKind.STATE_CHANGED, to, detail));
            if (to != post.state()) tracker.moved(m.item(), post.state(), to, Actor.SYSTEM_KEY);
        });
        return moved;
    }

    /** The post's review as this viewer sees it: who must approve and why, where each department stands, what they may do. */
    public Review review(long id, User viewer) {
        Post post = get(id);
        Context c = context(post, Actor.of(viewer));
        List<Department> mayDecide = c.isAuthor() ? List.of() : approvals.departmentsFor(c.actor, c.policy, c.state, c.authors);
        List<FieldProblem> problems = new ArrayList<>(contentCheck.problems(post.content(), networks(post)));
        problems.addAll(io.socialdesk.core.account.AccountProblems.of(post, accounts.list()));
        return new Review(post, c.policy, c.requirement, c.state, c.authors, workflow.actionsFor(post.state(), c.actor, c.isAuthor()),
                mayDecide, sinceApproval(post, viewer.key(), c.decisions), problems, c.history);
    }

    /** What changed between an earlier version (by its hash, as in the audit trail) and the current content. */
    public List<ContentDiff.FieldChange> changesSince(long id, String contentHash) {
        Post post = get(id);
        return versions.find(id, contentHash).map(before -> ContentDiff.between(before, post.content()))
                .orElseThrow(() -> new InvalidInputException("from", "known-version", "This post never had a version with hash " + contentHash));
    }

    /** The post's audit trail, oldest first. */
    public List<AuditEvent> trail(long id) {
        get(id);
        return trail.list(id);
    }

    /** The post's recorded decisions, oldest first. */
    public List<Decision> decisions(long id) {
        get(id);
        return decisions.list(id);
    }

    /** A comment on the post, or on one network's variant; kept in the audit trail and on the tracked item. */
    public AuditEvent comment(long id, String networkName, String text, User user) {
        Post post = get(id);
        if (user.roles().isEmpty()) throw new NotAllowedException(user.key() + " has no Social Desk role, so cannot comment.");
        Optional<Network> network = Optional.ofNullable(networkName).filter(n -> !n.isBlank()).map(ReviewService::parseNetwork);
        AuditEvent comment = AuditEvent.comment(id, clock.instant(), user.key(), network, text);
        trail.append(comment);
        tracker.commented(post.item(), user.key(), network.map(n -> "[" + n.label() + "] ").orElse("") + comment.detail());
        notices.commented(post, comment, Approvals.authors(post.authorKey(), trail.list(id)));
        return comment;
    }

    /**
     * Flags (or unflags) a department as required by hand. Anyone who writes or reviews posts may
     * flag; only the department's own reviewers (or an admin) may unflag, and not while the post is in
     * review. Flags change only before approval: an approved post's requirements are settled.
     */
    public Set<Department> flag(long id, String departmentName, boolean flagged, User user) {
        Post post = get(id);
        Department department = parseDepartment(departmentName);
        Set<Department> now = EnumSet.noneOf(Department.class);
        now.addAll(Approvals.flagged(trail.list(id)));
        flagRefusal(post.state(), user, department, now.contains(department), flagged).ifPresent(refusal -> {
            throw refusal;
        });
        if (flagged) now.add(department); else now.remove(department);
        trail.append(AuditEvent.of(id, clock.instant(), user.key(), AuditKind.FLAGGED,
                now.stream().map(Enum::name).collect(Collectors.joining(","))));
        if (flagged && post.state() == PostState.IN_REVIEW) notices.askReview(post, trail.list(id), user.key());
        return now;
    }

    /**
     * Why {@code user} may not set the flag of {@code department} to {@code flag} on a post in
     * {@code state} (where it is {@code isFlagged} now), or empty when they may. Pages ask this to
     * enable the checkbox; {@link #flag} enforces it.
     */
    public static Optional<RuntimeException> flagRefusal(PostState state, User user, Department department, boolean isFlagged, boolean flag) {
        if (MAY_FLAG.stream().noneMatch(user::has)) return Optional.of(new NotAllowedException(user.key() + " may not flag departments on posts."));
        if (!FLAGS_CHANGE_IN.contains(state)) {
            return Optional.of(new InvalidInputException("state", "flags-settled", "Departments can be flagged only before approval; this post is "
                    + StateNames.label(state) + "."));
        }
        if (flag || !isFlagged) return Optional.empty();
        if (!user.has(department.defaultRole()) && !user.has(Role.ADMIN)) {
            return Optional.of(new NotAllowedException("Only " + department + " reviewers or an admin may remove the " + department + " flag."));
        }
        if (state == PostState.IN_REVIEW) {
            return Optional.of(new InvalidInputException("state", "unflag-in-review", "Withdraw the post from review before removing a flag."));
        }
        return Optional.empty();
    }

    private Post submit(Context c, Transition t, Instant now) {
        requireValidContent(c.post);
        Post moved = move(c.post, t.to(), c.post.planned(), c.actor.key(), now,
                stateEvent(c.post, now, c.actor.key(), AuditKind.SUBMITTED, t.to(), ""));
        notices.askReview(moved, trail.list(moved.id()), c.actor.key());
        return moved;
    }

    private Post decide(Context c, Transition t, Decision.Kind kind, ActionRequest request, Instant now) {
        List<Department> departments;
        if (request.department() != null && !request.department().isBlank()) {
            departments = List.of(parseDepartment(request.department()));
        } else {
            departments = kind == Decision.Kind.APPROVED ? approvals.departmentsFor(c.actor, c.policy, c.state, c.authors)
                    : approvals.objectableFor(c.actor, c.policy, c.state, c.authors);
            if (departments.isEmpty()) throw new NotAllowedException(noDepartment(c));
        }
        if (kind == Decision.Kind.APPROVED) requireValidContent(c.post);
        Optional<String> reason = reasonOf(request);
        List<Decision> made = new ArrayList<>();
        for (Department d : departments) {
            made.add(approvals.decide(c.post.id(), c.actor, d, kind, reason, c.post.content(), c.policy, c.state, c.authors, now));
        }
        AuditKind auditKind = AuditKind.valueOf(kind.name());
        for (Decision d : made) {
            decisions.record(d);
            trail.append(new AuditEvent(c.post.id(), now, c.actor.key(), auditKind, Optional.of(d.contentHash()), Optional.empty(),
                    Optional.empty(), Optional.empty(), d.department() + d.reason().map(r -> ": " + r).orElse("")));
        }
        PostState target = t.to();
        if (kind == Decision.Kind.APPROVED) {
            List<Decision> all = new ArrayList<>(c.decisions);
            all.addAll(made);
            target = t.target(ApprovalState.evaluate(c.policy, c.requirement.departments(), c.state.contentHash(), c.authors, all,
                    Approvals.approvalsValidFrom(c.history)).complete());
        }
        Post after = target == c.post.state() ? c.post
                : move(c.post, target, c.post.planned(), c.actor.key(), now, stateEvent(c.post, now, c.actor.key(), AuditKind.STATE_CHANGED, target, ""));
        made.forEach(d -> notices.decided(after, d, c.authors));
        return after;
    }

    private Post schedule(Context c, Transition t, Instant now) {
        List<FieldProblem> problems = new ArrayList<>(contentProblems(c.post));
        if (c.post.content().accountIds().isEmpty()) {
            problems.add(new FieldProblem("accountIds", "required-to-schedule", "Choose at least one account to publish to before scheduling."));
        }
        if (c.post.planned().instant().isBefore(now)) {
            problems.add(new FieldProblem("plannedAt", "in-the-past", "The planned time has passed; reschedule the post first."));
        }
        blackoutProblem(c.post, c.post.planned()).ifPresent(problems::add);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        if (!PublishGate.mayPublish(c.policy, c.post.content(), c.requirement.flagged(), c.post.authorKey(), c.history, c.decisions)) {
            throw new InvalidInputException("state", "approvals-missing", "This version lacks a required approval: "
                    + String.join(" ", c.state.describe()));
        }
        return move(c.post, t.to(), c.post.planned(), c.actor.key(), now, stateEvent(c.post, now, c.actor.key(), AuditKind.STATE_CHANGED, t.to(), ""));
    }

    private Post reschedule(Context c, Transition t, ActionRequest request, Instant now) {
        PlannedTime planned = PostService.plannedTime(request.plannedAt(), request.zone(), clock);
        if (planned.equals(c.post.planned())) {
            throw new InvalidInputException("plannedAt", "unchanged", "The post is already planned for " + planned.local() + " " + planned.zone() + ".");
        }
        Optional<FieldProblem> blocked = blackoutProblem(c.post, planned);
        if (blocked.isPresent()) throw new InvalidInputException(List.of(blocked.get()));
        boolean keep = c.policy.keepApprovalsOnReschedule();
        PostState target = t.target(keep);
        String detail = c.post.planned().local() + " " + c.post.planned().zone() + " -> " + planned.local() + " " + planned.zone();
        AuditEvent event = AuditEvent.of(c.post.id(), now, c.actor.key(), AuditKind.RESCHEDULED, detail);
        // A RESCHEDULED event that ends In review marks the moment earlier approvals stopped counting (Approvals.approvalsValidFrom).
        boolean resetsApprovals = !keep && (target == PostState.IN_REVIEW);
        if (resetsApprovals || target != PostState.IN_REVIEW) event = event.withStates(c.post.state(), target);
        Post moved = move(c.post, target, planned, c.actor.key(), now, event);
        if (resetsApprovals) notices.askReview(moved, trail.list(moved.id()), c.actor.key());
        return moved;
    }

    /** The first blackout period that covers the post's accounts (or, with none chosen yet, the whole project) at that time. */
    private Optional<FieldProblem> blackoutProblem(Post post, PlannedTime planned) {
        List<Long> targets = post.content().accountIds().isEmpty() ? List.of(0L) : post.content().accountIds();
        for (long account : targets) {
            Optional<String> why = blackouts.blocking(post.item().projectKey(), account, planned.instant());
            if (why.isPresent()) return Optional.of(new FieldProblem("plannedAt", "blackout", why.get()));
        }
        return Optional.empty();
    }

    private Post move(Post post, PostState target, PlannedTime planned, String actorKey, Instant now, AuditEvent event) {
        Post moved = posts.move(post, target, planned, actorKey, now).orElseThrow(() -> PostService.stale(get(post.id())));
        trail.append(event);
        if (target != post.state()) tracker.moved(moved.item(), post.state(), target, actorKey);
        return moved;
    }

    private static AuditEvent stateEvent(Post post, Instant now, String actorKey, AuditKind kind, PostState to, String detail) {
        return AuditEvent.of(post.id(), now, actorKey, kind, detail).withHash(ContentHash.of(post.content())).withStates(post.state(), to);
    }

    private void requireValidContent(Post post) {
        List<FieldProblem> problems = contentProblems(post);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    private List<FieldProblem> contentProblems(Post post) {
        return contentCheck.problems(post.content(), networks(post));
    }

    /** The networks a post goes to: its target accounts' networks, and any network it has a variant for. */
    private Set<Network> networks(Post post) {
        Set<Network> networks = EnumSet.noneOf(Network.class);
        networks.addAll(post.content().variants().keySet());
        if (!post.content().accountIds().isEmpty()) {
            Set<Long> ids = Set.copyOf(post.content().accountIds());
            accounts.list().stream().filter(a -> ids.contains(a.id())).map(Account::network).forEach(networks::add);
        }
        return networks;
    }

    private Optional<SinceApproval> sinceApproval(Post post, String viewerKey, List<Decision> all) {
        String current = ContentHash.of(post.content());
        if (all.stream().anyMatch(d -> d.approverKey().equals(viewerKey) && d.contentHash().equals(current))) return Optional.empty();
        return all.stream().filter(d -> d.approverKey().equals(viewerKey) && d.kind() == Decision.Kind.APPROVED)
                .reduce((a, b) -> b)
                .flatMap(d -> versions.find(post.id(), d.contentHash())
                        .map(before -> new SinceApproval(d.contentHash(), d.at(), ContentDiff.between(before, post.content()))));
    }

    private String noDepartment(Context c) {
        // Authors never get here: the workflow refuses them first (separation of duties).
        List<Department> required = c.requirement.departments();
        Map<Department, String> why = new LinkedHashMap<>();
        for (Department d : required) approvals.refusal(c.actor, d, c.policy, c.state, c.authors).ifPresent(r -> why.put(d, r));
        return why.isEmpty() ? c.actor.key() + " has nothing to decide on this version." : String.join(" ", why.values());
    }

    private Context context(Post post, Actor actor) {
        return context(post, actor, trail.list(post.id()), policies.policyFor(post.item().projectKey()), decisions.list(post.id()));
    }

    private static Context context(Post post, Actor actor, List<AuditEvent> history, ApprovalPolicy policy, List<Decision> all) {
        ApprovalPolicy.Requirement requirement = policy.required(post.content(), Approvals.flagged(history));
        Set<String> authors = Approvals.authors(post.authorKey(), history);
        ApprovalState state = ApprovalState.evaluate(policy, requirement.departments(), ContentHash.of(post.content()), authors, all,
                Approvals.approvalsValidFrom(history));
        return new Context(post, actor, history, policy, requirement, authors, all, state);
    }

    private record Context(Post post, Actor actor, List<AuditEvent> history, ApprovalPolicy policy, ApprovalPolicy.Requirement requirement,
            Set<String> authors, List<Decision> decisions, ApprovalState state) {
        boolean isAuthor() {
            return authors.contains(actor.key());
        }
    }

    private Post get(long id) {
        return posts.find(id).orElseThrow(() -> new NotFoundException("No post with id " + id));
    }

    private static Optional<String> reasonOf(ActionRequest request) {
        return Optional.ofNullable(request.reason()).map(String::strip).filter(r -> !r.isEmpty());
    }

    private static Action parseAction(String text) {
        String known = PERSON_ACTIONS.stream().map(Action::slug).collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) throw new InvalidInputException("action", "required", "Name the action: one of " + known + ".");
        Action action;
        try {
            action = Action.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "known-action", "Unknown action '" + text.strip() + "': use one of " + known + ".");
        }
        if (action == Action.EDIT) {
            throw new InvalidInputException("action", "use-edit", "To change the content, save the post (PUT /posts/{id}) with the version you read.");
        }
        if (!PERSON_ACTIONS.contains(action)) {
            throw new NotAllowedException("Only the publishing engine may " + action.label() + " a post.");
        }
        return action;
    }

    private static Department parseDepartment(String text) {
        try {
            return Department.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("department", "known-department", "Unknown department '" + text + "': use one of "
                    + Arrays.toString(Department.values()) + ".");
        }
    }

    private static Network parseNetwork(String text) {
        try {
            return Network.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("network", "known-network", "Unknown network '" + text + "': use one of "
                    + Arrays.toString(Network.values()) + ".");
        }
    }
}
