package io.socialdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The operators' queue over in-memory stores: what it shows, who may act, what each action does to the delivery and the post. */
class PublishingQueueTest {
    static final User ALICE = user("alice", Role.MARKETING_AUTHOR);
    static final User MARC = user("marc", Role.MARKETING_LEAD);
    static final User ADMIN = user("admin", Role.ADMIN);
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final MemoryStores stores = new MemoryStores();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IssueTracker tracker = new IssueTracker() {
        final AtomicLong ids = new AtomicLong();

        @Override
        public TrackedItem open(io.socialdesk.core.tracker.ItemKind kind, String summary, User reporter) {
            long id = ids.incrementAndGet();
            return new TrackedItem(id, "SD-" + id, "/items/SD-" + id);
        }
    };
    private final ReviewNotices notices = new ReviewNotices(stores.policies, stores.decisions, n -> {}, clock);
    private final ReviewService reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions,
            ApproverDirectory.NO_GROUPS, (content, networks) -> List.of(), stores.accounts, tracker, notices, clock);
    private final DeliverySending sending = new DeliverySending(stores.posts, reviews, stores.deliveries, stores.accounts, n -> Optional.empty(),
            stores.media, (content, networks) -> List.of(), Blackouts.NONE, tracker, Notifier.NONE, stores.trail, GroupCommit.AT_ONCE,
            PublishingSettings.DEFAULTS,
            "node-1", clock);
    private final PublishingQueue queue = PublishingQueue.over(stores.deliveries, stores.posts, stores.accounts, reviews, sending, stores.trail,
            clock);
    private final Account mastodon = stores.accounts.add(Network.MASTODON, "@acme@mastodon.social", "Acme");
    private final Account bluesky = stores.accounts.add(Network.BLUESKY, "acme.bsky.social", "Acme");

    static User user(String key, Role role) {
        return new User(key, key.substring(0, 1).toUpperCase() + key.substring(1), Set.of(role), ZoneId.of("Europe/Paris"));
    }

    /** A post being published to both accounts (with {@code threadParts} more parts), its deliveries planned. */
    private Post publishing(String title, String... thread) {
        PostContent content = new PostContent("Winter sale", Map.of(), List.of(), List.of(thread), Optional.empty(), List.of(), null, "", "",
                List.of(mastodon.id(), bluesky.id()));
        Post post = stores.posts.create(tracker.open(null, title, ALICE), title, content,
                new PlannedTime(LocalDateTime.of(2026, 11, 22, 10, 55), ZoneOffset.UTC), PostState.PUBLISHING, "alice", NOW.minusSeconds(3600));
        stores.deliveries.plan(DeliveryPlan.of(post), NOW.minusSeconds(600));
        return post;
    }

    private DeliveryRecord delivery(Post post, Account account, int part) {
        return stores.deliveries.forPost(post.id()).stream().filter(d -> d.accountId() == account.id() && d.part() == part).findFirst()
                .orElseThrow();
    }

    private DeliveryRecord put(DeliveryRecord current, java.util.function.Function<DeliveryRecord, DeliveryRecord> change) {
        return stores.deliveries.replace(current, change.apply(current)).orElseThrow();
    }

    private DeliveryRecord claimed(DeliveryRecord d) {
        return put(d, x -> x.claimedBy("node-1", NOW.plusSeconds(120), NOW.minusSeconds(60)));
    }

    private DeliveryRecord sent(DeliveryRecord d, int lateSeconds) {
        DeliveryRecord c = claimed(d);
        return put(c, x -> x.sent(RemotePost.of("remote-" + x.id(), "https://mastodon.social/@acme/" + x.id()), x.dueAt().plusSeconds(lateSeconds)));
    }

    private Post reload(Post post) {
        return stores.posts.find(post.id()).orElseThrow();
    }

    @Test
    void theQueueShowsEachDeliveryInItsBucketWithItsPostAccountAndReason() {
        Post post = publishing("Winter sale");
        DeliveryRecord failed = put(claimed(delivery(post, mastodon, 0)), d -> d.failed("invalid-token", "<img src=x onerror=alert(1)>", NOW));
        DeliveryRecord retrying = put(claimed(delivery(post, bluesky, 0)), d -> d.retryAt(NOW.plusSeconds(90), "503 from the PDS", NOW));

        PublishingQueue.View view = queue.view(MARC, PublishingQueue.DEFAULT_LIMIT);

        assertThat(view.section(PublishingQueue.Bucket.FAILED).count()).isEqualTo(1);
        PublishingQueue.Row row = view.section(PublishingQueue.Bucket.FAILED).rows().get(0);
        assertThat(row.id()).isEqualTo(failed.id());
        assertThat(row.title()).isEqualTo("Winter sale");
        assertThat(row.itemKey()).isEqualTo(post.item().key());
        assertThat(row.accountLabel()).isEqualTo("@acme@mastodon.social (Mastodon)");
        assertThat(row.network()).isEqualTo(Network.MASTODON);
        assertThat(row.cause()).isEqualTo("invalid-token");
        assertThat(row.reason()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.actions()).containsExactly(PublishingQueue.QueueAction.RETRY);
        PublishingQueue.Row r = view.section(PublishingQueue.Bucket.RETRYING).rows().get(0);
        assertThat(r.id()).isEqualTo(retrying.id());
        assertThat(r.nextAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(r.reason()).isEqualTo("503 from the PDS");
        assertThat(r.actions()).containsExactly(PublishingQueue.QueueAction.CANCEL);
        assertThat(view.section(PublishingQueue.Bucket.DUE).count()).isZero();
        assertThat(view.counts()).containsEntry(DeliveryState.FAILED, 1).containsEntry(DeliveryState.RETRYING, 1);
    }

    @Test
    void anAuthorMayNeitherSeeNorActOnTheQueue() {
        Post post = publishing("Winter sale");
        DeliveryRecord failed = put(claimed(delivery(post, mastodon, 0)), d -> d.failed("invalid-token", "revoked", NOW));

        assertThatThrownBy(() -> queue.view(ALICE, 10)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only marketing leads and admins may see the publishing queue.");
        assertThatThrownBy(() -> queue.act(failed.id(), "retry", failed.version(), null, ALICE)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only marketing leads and admins may retry a delivery.");
        assertThat(delivery(post, mastodon, 0).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(queue.view(ADMIN, 10).section(PublishingQueue.Bucket.FAILED).count()).isEqualTo(1);
    }

    @Test
    void retryPutsAFailedDeliveryBackDueNowWithItsAttemptsResetAndThePostPublishingAgain() {
        Post post = publishing("Winter sale");
        sent(delivery(post, bluesky, 0), 2);
        DeliveryRecord failed = put(claimed(delivery(post, mastodon, 0)), d -> d.failed("invalid-token", "revoked", NOW));
        sending.rollUp(post.id());
        assertThat(reload(post).state()).isEqualTo(PostState.PARTIAL);

        DeliveryRecord retried = queue.act(failed.id(), "retry", failed.version(), null, MARC);

        assertThat(retried.state()).isEqualTo(DeliveryState.DUE);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.nextAt()).isEqualTo(NOW);
        assertThat(retried.cause()).isEmpty();
        assertThat(reload(post).state()).as("it stays Publishing until the engine sends").isEqualTo(PostState.PUBLISHING);
        assertThat(stores.deliveries.claimable(NOW, 10)).extracting(DeliveryRecord::id).containsExactly(failed.id());
        AuditEvent event = stores.trail.list(post.id()).stream().filter(e -> e.kind() == AuditKind.DELIVERY_RETRIED).findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo("marc");
        assertThat(event.detail()).isEqualTo("Retried by Marc on @acme@mastodon.social (Mastodon)");
        assertThat(event.network()).contains(Network.MASTODON);
    }

    @Test
    void retryingAThreadsFirstPartBringsBackTheLaterPartsThatFollowedItsFailure() {
        Post post = publishing("Thread", "second", "third");
        DeliveryRecord first = put(claimed(delivery(post, mastodon, 0)), d -> d.failed("http-500", "server error", NOW));
        put(delivery(post, mastodon, 1), d -> d.failed("earlier-part-failed", "The part before it was not sent.", NOW));
        put(delivery(post, mastodon, 2), d -> d.failed("earlier-part-failed", "The part before it was not sent.", NOW));

        queue.act(first.id(), "retry", first.version(), null, MARC);

        assertThat(delivery(post, mastodon, 0).state()).isEqualTo(DeliveryState.DUE);
        assertThat(delivery(post, mastodon, 1).state()).isEqualTo(DeliveryState.WAITING);
        assertThat(delivery(post, mastodon, 2).state()).isEqualTo(DeliveryState.WAITING);
        assertThat(delivery(post, bluesky, 1).state()).as("another account's thread is not touched").isEqualTo(DeliveryState.WAITING);
    }

    @Test
    void aMissedDeliveryMayBeRetriedToo() {
        Post post = publishing("Winter sale");
        DeliveryRecord missed = put(claimed(delivery(post, mastodon, 0)), d -> d.missed("too late", NOW));
        put(claimed(delivery(post, bluesky, 0)), d -> d.missed("too late", NOW));
        sending.rollUp(post.id());
        assertThat(reload(post).state()).isEqualTo(PostState.MISSED);

        assertThat(queue.act(missed.id(), "retry", missed.version(), null, ADMIN).state()).isEqualTo(DeliveryState.DUE);
        assertThat(reload(post).state()).isEqualTo(PostState.PUBLISHING);
    }

    @Test
    void markAsPublishedRecordsWhatThePersonSawAndSettlesThePostAtOnce() {
        Post post = publishing("Winter sale");
        sent(delivery(post, bluesky, 0), 1);
        DeliveryRecord open = put(claimed(delivery(post, mastodon, 0)), d -> d.unconfirmed("timeout after the request", NOW));
        sending.rollUp(post.id());
        assertThat(reload(post).state()).isEqualTo(PostState.UNCONFIRMED);

        DeliveryRecord confirmed = queue.act(open.id(), "mark-published", open.version(), "https://mastodon.social/@acme/42", MARC);

        assertThat(confirmed.state()).isEqualTo(DeliveryState.SENT);
        assertThat(confirmed.cause()).isEqualTo("confirmed-by-person");
        assertThat(confirmed.remote().url()).isEqualTo("https://mastodon.social/@acme/42");
        assertThat(reload(post).state()).isEqualTo(PostState.PUBLISHED);
        assertThat(stores.trail.list(post.id())).filteredOn(e -> e.kind() == AuditKind.DELIVERY_CONFIRMED).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("Marked as published by Marc on @acme@mastodon.social (Mastodon): "
                        + "https://mastodon.social/@acme/42"));
    }

    @Test
    void markAsPublishedRefusesAnAddressThatIsNotAWebPage() {
        Post post = publishing("Winter sale");
        DeliveryRecord open = put(claimed(delivery(post, mastodon, 0)), d -> d.unconfirmed("timeout", NOW));

        assertThatThrownBy(() -> queue.act(open.id(), "mark-published", open.version(), "javascript:alert(1)", MARC))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("url");
                    assertThat(e.first().rule()).isEqualTo("http-url");
                });
        assertThat(delivery(post, mastodon, 0).state()).isEqualTo(DeliveryState.UNCONFIRMED);
    }

    @Test
    void sendAgainPutsAnUnconfirmedDeliveryBackDueNow() {
        Post post = publishing("Winter sale");
        sent(delivery(post, bluesky, 0), 1);
        DeliveryRecord open = put(claimed(delivery(post, mastodon, 0)), d -> d.unconfirmed("timeout", NOW));
        sending.rollUp(post.id());

        DeliveryRecord again = queue.act(open.id(), "send-again", open.version(), null, MARC);

        assertThat(again.state()).isEqualTo(DeliveryState.DUE);
        assertThat(again.mayHaveBeenSent()).isFalse();
        assertThat(reload(post).state()).isEqualTo(PostState.PUBLISHING);
        assertThat(stores.trail.list(post.id())).extracting(AuditEvent::kind).contains(AuditKind.DELIVERY_RESENT);
    }

    @Test
    void cancelStopsADueDeliveryAndTheLaterPartsWaitingForItAndThePostRollsUp() {
        Post post = publishing("Thread", "second");
        sent(delivery(post, bluesky, 0), 1);
        sent(put(delivery(post, bluesky, 1), d -> d.dueAt(NOW, false, NOW)), 1);
        DeliveryRecord due = delivery(post, mastodon, 0);

        DeliveryRecord cancelled = queue.act(due.id(), "cancel", due.version(), null, MARC);

        assertThat(cancelled.state()).isEqualTo(DeliveryState.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("Cancelled by Marc in the publishing queue.");
        assertThat(delivery(post, mastodon, 1).state()).isEqualTo(DeliveryState.CANCELLED);
        assertThat(reload(post).state()).as("one account's thread sent, the other cancelled").isEqualTo(PostState.PARTIAL);
        assertThat(stores.trail.list(post.id())).extracting(AuditEvent::kind).contains(AuditKind.DELIVERY_CANCELLED);
    }

    @Test
    void anActionOnADeliveryInAnotherStateNamesTheStateAndChangesNothing() {
        Post post = publishing("Winter sale");
        DeliveryRecord sentOne = sent(delivery(post, mastodon, 0), 1);

        assertThatThrownBy(() -> queue.act(sentOne.id(), "cancel", sentOne.version(), null, MARC))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("action");
                    assertThat(e.first().rule()).isEqualTo("delivery-state");
                    assertThat(e.first().message()).isEqualTo("This delivery is sent now; you can cancel only a delivery that is waiting, due or retrying.");
                });
        assertThatThrownBy(() -> queue.act(sentOne.id(), "resend", sentOne.version(), null, MARC))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("known-action"));
        assertThat(delivery(post, mastodon, 0)).isEqualTo(sentOne);
    }

    @Test
    void anActionOnAStaleVersionIsAConflict() {
        Post post = publishing("Winter sale");
        DeliveryRecord failed = put(claimed(delivery(post, mastodon, 0)), d -> d.failed("invalid-token", "revoked", NOW));
        queue.act(failed.id(), "retry", failed.version(), null, MARC);

        assertThatThrownBy(() -> queue.act(failed.id(), "retry", failed.version(), null, ADMIN))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.rule()).isEqualTo("stale-version");
                });
        assertThatThrownBy(() -> queue.act(failed.id(), "retry", null, null, ADMIN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().field()).isEqualTo("version"));
    }

    @Test
    void metricsGiveLatenessPercentilesAttemptsAndOutcomesByCause() {
        // 100 sent deliveries, 1 to 100 seconds late; one failed, one unconfirmed.
        for (int i = 1; i <= 50; i++) {
            Post post = publishing("Post " + i);
            sent(delivery(post, mastodon, 0), i);
            sent(delivery(post, bluesky, 0), 50 + i);
        }
        Post other = publishing("Other");
        put(claimed(delivery(other, mastodon, 0)), d -> d.failed("invalid-token", "revoked", NOW));
        put(claimed(delivery(other, bluesky, 0)), d -> d.unconfirmed("timeout", NOW));

        PublishingMetrics m = queue.metrics(MARC);

        assertThat(m.sent()).isEqualTo(100);
        assertThat(m.settled()).isEqualTo(102);
        assertThat(m.latenessP50()).isEqualTo(Duration.ofSeconds(50));
        assertThat(m.latenessP95()).isEqualTo(Duration.ofSeconds(95));
        assertThat(m.latenessP99()).isEqualTo(Duration.ofSeconds(99));
        assertThat(m.attempts()).containsExactly(Map.entry(1, 102));
        assertThat(m.outcomes()).containsExactly(new PublishingMetrics.Outcome(DeliveryState.SENT, "", 100),
                new PublishingMetrics.Outcome(DeliveryState.FAILED, "invalid-token", 1),
                new PublishingMetrics.Outcome(DeliveryState.UNCONFIRMED, "unknown-outcome", 1));
        assertThat(m.count(DeliveryState.SENT)).isEqualTo(100);
        assertThat(m.since()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThatThrownBy(() -> queue.metrics(ALICE)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void metricsOverNothingHaveNoLateness() {
        PublishingMetrics m = queue.metrics(ADMIN);
        assertThat(m.sent()).isZero();
        assertThat(m.latenessP50()).isNull();
        assertThat(m.outcomes()).isEmpty();
    }
}
