package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.approval.ReviewService.ActionRequest;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostEdit;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The review workflow applied to stored posts, through the services every host calls. */
class ReviewServiceTest {
    static final User ALICE = user("alice", Role.MARKETING_AUTHOR);
    static final User MARC = user("marc", Role.MARKETING_LEAD);
    static final User LAURA = user("laura", Role.LEGAL);
    static final User HUGO = user("hugo", Role.HR);
    static final User SAM = user("sam", Role.SUPPORT_AGENT);

    private final MemoryStores stores = new MemoryStores();
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> moves = new ArrayList<>();
    private final List<String> checkedNetworks = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final IssueTracker tracker = new IssueTracker() {
        final AtomicLong ids = new AtomicLong();

        @Override
        public TrackedItem open(io.socialdesk.core.tracker.ItemKind kind, String summary, User reporter) {
            long id = ids.incrementAndGet();
            return new TrackedItem(id, "SD-" + id, "/items/SD-" + id);
        }

        @Override
        public void moved(TrackedItem item, PostState from, PostState to, String actorKey) {
            moves.add(item.key() + " " + from + "->" + to);
        }
    };
    private final ReviewNotices reviewNotices = new ReviewNotices(stores.policies, stores.decisions, notices::add, clock);
    private final PostService posts = new PostService(stores.posts, stores.media, tracker, stores.trail, stores.versions, reviewNotices, clock);
    private final ReviewService reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions,
            ApproverDirectory.NO_GROUPS, (content, networks) -> {
                networks.forEach(n -> checkedNetworks.add(n.name()));
                return content.text().contains("TOO LONG")
                        ? List.of(new FieldProblem("text", "x.max-weighted-length", "X: the text is over 280 (characters 0-300)")) : List.of();
            }, stores.accounts, tracker, reviewNotices, clock);

    static User user(String key, Role role) {
        return new User(key, key, Set.of(role), ZoneId.of("Europe/Paris"));
    }

    private Post draft(String text) {
        return posts.create(new NewPost("Winter sale", text, "2026-12-01T09:00", "Europe/Paris"), ALICE);
    }

    private Post act(Post post, Action action, User who) {
        return reviews.act(post.id(), ActionRequest.of(action, post.version()), who);
    }

    private Post editText(Post post, String text, User who) {
        return posts.edit(post.id(), new PostEdit(post.version(), post.title(), text, "2026-12-01T09:00", "Europe/Paris", null, null, null,
                null, null, null, null, null), who);
    }

    @Test
    void aPriceClaimNeedsLegalAndAOneCharacterEditVoidsTheApprovalsAndShowsTheCharacter() {
        Post post = act(draft("Winter sale: only 19,99 € until Sunday"), Action.SUBMIT, ALICE);
        assertThat(post.state()).isEqualTo(PostState.IN_REVIEW);
        ReviewService.Review review = reviews.review(post.id(), MARC);
        assertThat(review.requirement().departments()).containsExactly(Department.MARKETING, Department.LEGAL);
        assertThat(review.requirement().why(Department.LEGAL)).contains("19,99 €");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.REVIEW_REQUESTED);
            assertThat(n.ask()).extracting(DepartmentRule::department).containsExactly(Department.MARKETING, Department.LEGAL);
        });

        post = act(post, Action.APPROVE, MARC);
        assertThat(post.state()).as("legal has not approved yet").isEqualTo(PostState.IN_REVIEW);

        post = editText(post, "Winter sale: only 19,99 € until Sunday!", ALICE);
        ReviewService.Review after = reviews.review(post.id(), MARC);
        assertThat(after.approvals().status(Department.MARKETING).orElseThrow().approvedBy()).as("approval gone").isEmpty();
        List<ContentDiff.FieldChange> changes = after.sinceYourApproval().orElseThrow().changes();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("text");
            assertThat(c.chars()).filteredOn(s -> s.op() == TextDiff.Op.INSERT).extracting(TextDiff.Segment::text).containsExactly("!");
        });

        post = act(post, Action.APPROVE, MARC);
        assertThat(post.state()).isEqualTo(PostState.IN_REVIEW);
        post = act(post, Action.APPROVE, LAURA);
        assertThat(post.state()).isEqualTo(PostState.APPROVED);
        assertThat(PublishGate.mayPublish(stores.policies.policyFor("SD"), post.content(), Set.of(), "alice", stores.trail.list(post.id()),
                stores.decisions.list(post.id()))).isTrue();
        assertThat(stores.trail.list(post.id())).extracting(e -> e.kind()).containsExactly(AuditKind.CREATED, AuditKind.SUBMITTED,
                AuditKind.APPROVED, AuditKind.EDITED, AuditKind.APPROVED, AuditKind.APPROVED, AuditKind.STATE_CHANGED);
        assertThat(moves).containsExactly("SD-1 DRAFT->IN_REVIEW", "SD-1 IN_REVIEW->APPROVED");
    }

    @Test
    void thePublishGateForABatchAnswersWhatItAnswersForEachPost() {
        Post approved = act(act(draft("Winter sale: only 19,99 € until Sunday"), Action.SUBMIT, ALICE), Action.APPROVE, MARC);
        approved = act(approved, Action.APPROVE, LAURA);
        Post onlyMarketing = act(act(draft("Winter sale: only 29,99 € until Sunday"), Action.SUBMIT, ALICE), Action.APPROVE, MARC);
        Post plain = act(act(draft("See you at the fair"), Action.SUBMIT, ALICE), Action.APPROVE, MARC);
        Post submitted = act(draft("Winter sale: only 39,99 € until Sunday"), Action.SUBMIT, ALICE);
        Post edited = editText(act(submitted, Action.APPROVE, MARC), "Winter sale: only 39,99 € until Sunday!", ALICE);

        List<Post> batch = List.of(approved, onlyMarketing, plain, edited);
        List<java.util.Optional<String>> together = reviews.publishRefusals(batch);
        assertThat(together).containsExactlyElementsOf(batch.stream().map(reviews::publishRefusal).toList());
        assertThat(together.stream().map(java.util.Optional::isEmpty).toList()).as("what the whole trail says")
                .isEqualTo(batch.stream().map(this::mayPublishByTheWholeTrail).toList());
        assertThat(together.get(0)).as("every approval").isEmpty();
        assertThat(together.get(1)).as("legal missing").isPresent();
        assertThat(together.get(2)).as("marketing was enough").isEmpty();
        assertThat(together.get(3)).as("the approval was on the text before the edit").isPresent();
        assertThat(reviews.publishRefusals(List.of())).isEmpty();
    }

    /**
     * The gate reads only the audit kinds approvals depend on ({@link Approvals#HISTORY}): its answers, each of which
     * hangs on one of those kinds, are what the whole trail gives, and stay so when the trail gains events of every
     * other kind written to mislead (by an approver, naming departments, sending the post back to review, later).
     */
    @Test
    void thePublishGateAnswersTheSameWhateverElseThePostsTrailsHold() {
        Post plain = act(act(draft("See you at the fair"), Action.SUBMIT, ALICE), Action.APPROVE, MARC);
        Post flagged = draft("See you at the fair, again");
        reviews.flag(flagged.id(), "hr", true, ALICE);
        flagged = act(act(stores.posts.find(flagged.id()).orElseThrow(), Action.SUBMIT, ALICE), Action.APPROVE, MARC);
        // An approval by someone who edited the text (an EDITED event makes them an author) does not count.
        Post editedByApprover = editText(act(draft("New scarves are in"), Action.SUBMIT, ALICE), "New scarves are in.", MARC);
        stores.decisions.record(new Decision(editedByApprover.id(), "marc", Department.MARKETING, Decision.Kind.APPROVED,
                java.util.Optional.empty(), ContentHash.of(editedByApprover.content()), clock.instant()));
        // Approvals made before a reschedule sent the post back to review (a RESCHEDULED event) do not count.
        Post sentBack = act(act(draft("Opening hours change"), Action.SUBMIT, ALICE), Action.APPROVE, MARC);
        stores.trail.append(AuditEvent.of(sentBack.id(), clock.instant().plusSeconds(1), "alice", AuditKind.RESCHEDULED, "")
                .withStates(PostState.APPROVED, PostState.IN_REVIEW));
        List<Post> batch = List.of(plain, flagged, editedByApprover, sentBack);

        List<java.util.Optional<String>> before = reviews.publishRefusals(batch);
        assertThat(before.get(0)).as("marketing approved").isEmpty();
        assertThat(before.get(1)).as("HR flagged by hand").hasValueSatisfying(r -> assertThat(r).contains("HR"));
        assertThat(before.get(2)).as("the approver edited it").isPresent();
        assertThat(before.get(3)).as("approved before it went back to review").isPresent();
        assertThat(before.stream().map(java.util.Optional::isEmpty).toList()).isEqualTo(batch.stream().map(this::mayPublishByTheWholeTrail).toList());

        Set<AuditKind> unrelated = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(Approvals.HISTORY));
        assertThat(unrelated).contains(AuditKind.STATE_CHANGED, AuditKind.SEND_RESULT, AuditKind.COMMENTED, AuditKind.APPROVED);
        for (Post post : batch) {
            for (AuditKind kind : unrelated) {
                stores.trail.append(AuditEvent.of(post.id(), clock.instant().plusSeconds(3600), "marc", kind, "LEGAL,HR")
                        .withStates(PostState.APPROVED, PostState.IN_REVIEW));
            }
        }
        assertThat(reviews.publishRefusals(batch)).containsExactlyElementsOf(before);
        assertThat(batch.stream().map(reviews::publishRefusal).toList()).containsExactlyElementsOf(before);
        assertThat(batch.stream().map(this::mayPublishByTheWholeTrail).toList()).as("the whole trail, unrelated events included")
                .isEqualTo(before.stream().map(java.util.Optional::isEmpty).toList());
    }

    /** The gate's function over the post's whole trail, as it read it before the publish gate read only some kinds. */
    private boolean mayPublishByTheWholeTrail(Post post) {
        List<AuditEvent> trail = stores.trail.list(post.id());
        return PublishGate.mayPublish(stores.policies.policyFor(post.item().projectKey()), post.content(), Approvals.flagged(trail),
                post.authorKey(), trail, stores.decisions.list(post.id()));
    }

    @Test
    void anAuthorCannotApproveAndAnApproverWhoEditsBecomesAnAuthor() {
        Post post = act(draft("New scarves are in"), Action.SUBMIT, ALICE);
        Post submitted = post;
        assertThatThrownBy(() -> act(submitted, Action.APPROVE, ALICE)).isInstanceOf(NotAllowedException.class);
        post = editText(post, "New scarves are in.", MARC);
        Post editedByMarc = post;
        assertThatThrownBy(() -> act(editedByMarc, Action.APPROVE, MARC)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("Separation of duties");
        assertThatThrownBy(() -> act(editedByMarc, Action.APPROVE, SAM)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void requestingChangesNeedsAReasonAndSendsThePostBackToItsAuthor() {
        Post post = act(draft("Hello"), Action.SUBMIT, ALICE);
        Post submitted = post;
        assertThatThrownBy(() -> act(submitted, Action.REQUEST_CHANGES, MARC))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("reason-required"));
        assertThat(stores.posts.find(post.id()).orElseThrow().state()).as("nothing changed").isEqualTo(PostState.IN_REVIEW);
        post = reviews.act(post.id(), ActionRequest.of(Action.REQUEST_CHANGES, post.version()).withReason("Say which shop"), MARC);
        assertThat(post.state()).isEqualTo(PostState.CHANGES_REQUESTED);
        assertThat(notices).last().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.CHANGES_REQUESTED);
            assertThat(n.userKeys()).containsExactly("alice");
            assertThat(n.detail()).contains("Say which shop");
        });
    }

    @Test
    void anActionOnAnOldVersionIsAConflictAndAnActionNotFromThisStateNamesTheRule() {
        Post post = draft("Hello");
        Post stale = post;
        editText(post, "Hello again", ALICE);
        assertThatThrownBy(() -> act(stale, Action.SUBMIT, ALICE)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("stale-version"));
        Post current = stores.posts.find(post.id()).orElseThrow();
        assertThatThrownBy(() -> act(current, Action.SCHEDULE, ALICE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("transition-not-allowed"));
        assertThatThrownBy(() -> reviews.act(current.id(), new ActionRequest("publish-now", current.version(), null, null, null, null), ALICE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("known-action"));
        assertThatThrownBy(() -> reviews.act(current.id(), new ActionRequest("start-publishing", current.version(), null, null, null, null), MARC))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("publishing engine");
    }

    @Test
    void contentInvalidOnATargetNetworkCannotBeSubmittedOrApproved() {
        stores.accounts.add(io.socialdesk.core.account.Network.X, "@shop", "Shop");
        Post post = posts.create(new NewPost("t", "TOO LONG for X", "2026-12-01T09:00", "Europe/Paris", null, null, null, null, null, null,
                null, List.of(1L)), ALICE);
        assertThatThrownBy(() -> act(post, Action.SUBMIT, ALICE)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.first().field()).isEqualTo("text");
            assertThat(e.first().rule()).isEqualTo("x.max-weighted-length");
        });
        assertThat(checkedNetworks).containsExactly("X");
    }

    @Test
    void schedulingNeedsAnAccountAndEveryApprovalAndAFlaggedDepartmentIsRequired() {
        stores.accounts.add(io.socialdesk.core.account.Network.MASTODON, "@shop", "Shop");
        Post post = posts.create(new NewPost("t", "Our team grows", "2026-12-01T09:00", "Europe/Paris", null, null, null, null, null, null,
                null, List.of(1L)), ALICE);
        assertThat(reviews.flag(post.id(), "hr", true, ALICE)).containsExactly(Department.HR);
        assertThatThrownBy(() -> reviews.flag(post.id(), "hr", false, ALICE)).isInstanceOf(NotAllowedException.class);
        Post submitted = act(post, Action.SUBMIT, ALICE);
        Post approvedByMarketing = act(submitted, Action.APPROVE, MARC);
        assertThat(approvedByMarketing.state()).as("HR was flagged").isEqualTo(PostState.IN_REVIEW);
        Post approved = act(approvedByMarketing, Action.APPROVE, HUGO);
        assertThat(approved.state()).isEqualTo(PostState.APPROVED);
        Post scheduled = act(approved, Action.SCHEDULE, ALICE);
        assertThat(scheduled.state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void aRescheduleKeepsOrDropsApprovalsAsThePolicySays() {
        Post approved = approvedPost("Plain news");
        Post moved = reviews.act(approved.id(), new ActionRequest("reschedule", approved.version(), null, null, "2026-12-02T09:00", "Europe/Paris"), ALICE);
        assertThat(moved.state()).as("default policy keeps approvals").isEqualTo(PostState.APPROVED);

        stores.policies.save(new ApprovalPolicy("SD", List.of(), ApprovalPolicy.Ordering.PARALLEL, false, ContentRules.defaults()));
        Post again = reviews.act(moved.id(), new ActionRequest("reschedule", moved.version(), null, null, "2026-12-03T09:00", "Europe/Paris"), ALICE);
        assertThat(again.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(reviews.review(again.id(), MARC).approvals().complete()).as("approvals dropped").isFalse();
        assertThatThrownBy(() -> reviews.act(again.id(), new ActionRequest("reschedule", again.version(), null, null, "2026-03-29T02:30",
                "Europe/Paris"), ALICE)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.first().rule()).isEqualTo("nonexistent-local-time"));
    }

    @Test
    void aCommentIsKeptInTheTrailAndToldToTheAuthors() {
        Post post = draft("Hello");
        reviews.comment(post.id(), "bluesky", "Shorter for Bluesky?", LAURA);
        assertThat(stores.trail.list(post.id())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.COMMENTED);
            assertThat(e.network()).contains(io.socialdesk.core.account.Network.BLUESKY);
        });
        assertThat(notices).last().satisfies(n -> assertThat(n.userKeys()).containsExactly("alice"));
        assertThatThrownBy(() -> reviews.comment(post.id(), "myspace", "hi", LAURA))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("known-network"));
    }

    private Post approvedPost(String text) {
        Post post = act(draft(text), Action.SUBMIT, ALICE);
        return act(post, Action.APPROVE, MARC);
    }
}
