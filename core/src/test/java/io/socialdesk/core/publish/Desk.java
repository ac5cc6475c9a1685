package io.socialdesk.core.publish;

import io.socialdesk.core.memory.TestClock;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.ReviewService.ActionRequest;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.post.ContentCheck;
import io.socialdesk.core.post.MediaRef;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publishing engine assembled as the hosts do (web's {@code Publishing.over}: a {@link DeliverySending}
 * and a {@link Publisher}) over in-memory stores, the real review workflow, a scripted network and a clock
 * the test moves; with what a user would see: the tracker item's comments and moves, and the notices.
 */
final class Desk implements AutoCloseable {
    static final User ALICE = new User("alice", "alice", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("Europe/Paris"));
    static final User MARC = new User("marc", "marc", Set.of(Role.MARKETING_LEAD), ZoneId.of("Europe/Paris"));
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A comment on a tracker item, as people read it there. */
    record Comment(String itemKey, String author, String text) {
    }

    final MemoryStores stores = new MemoryStores();
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    final ScriptedChannel network = new ScriptedChannel();
    final List<Notice> notices = new CopyOnWriteArrayList<>();
    final List<Comment> comments = new CopyOnWriteArrayList<>();
    final List<String> moves = new CopyOnWriteArrayList<>();
    final IssueTracker tracker = new IssueTracker() {
        final AtomicLong ids = new AtomicLong();

        @Override
        public TrackedItem open(ItemKind kind, String summary, User reporter) {
            long id = ids.incrementAndGet();
            return new TrackedItem(id, "SD-" + id, "/items/SD-" + id);
        }

        @Override
        public void moved(TrackedItem item, PostState from, PostState to, String actorKey) {
            moves.add(item.key() + " " + from + "->" + to);
        }

        @Override
        public void commented(TrackedItem item, String authorKey, String text) {
            comments.add(new Comment(item.key(), authorKey, text));
        }
    };
    final ReviewNotices reviewNotices = new ReviewNotices(stores.policies, stores.decisions, notices::add, clock);
    final PostService posts = new PostService(stores.posts, stores.media, tracker, stores.trail, stores.versions, reviewNotices, clock);
    final ReviewService reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions,
            ApproverDirectory.NO_GROUPS, ContentCheck.NONE, stores.accounts, tracker, reviewNotices, clock);
    volatile Blackouts blackouts = Blackouts.NONE;
    private DeliverySending sending;
    private Publisher publisher;
    private int accounts;

    Desk() {
        this(PublishingSettings.DEFAULTS);
    }

    Desk(PublishingSettings settings) {
        sending = sendingOn("node-a", settings);
        publisher = new Publisher(stores.posts, stores.deliveries, sending, settings, clock);
    }

    private DeliverySending sendingOn(String node, PublishingSettings settings) {
        return new DeliverySending(stores.posts, reviews, stores.deliveries, stores.accounts, n -> Optional.of(network), stores.media,
                ContentCheck.NONE, (project, account, at) -> blackouts.blocking(project, account, at), tracker, notices::add, stores.trail,
                GroupCommit.AT_ONCE, settings, node, clock);
    }

    /** Another node's engine over the same stores and network (the caller closes it). */
    Publisher node(String name, PublishingSettings settings) {
        return new Publisher(stores.posts, stores.deliveries, sendingOn(name, settings), settings, clock);
    }

    DeliverySending sending() {
        return sending;
    }

    int tick() {
        return publisher.tick();
    }

    /** A connected Mastodon account with credentials, as the connect flow stores it. */
    Account connect(String handle) {
        int n = ++accounts;
        return stores.accounts.connect(null, Network.MASTODON, URI.create("https://social.example"),
                new Connected("remote-account-" + n, handle, "Shop " + n, Credentials.bearer("token-" + n)), "marc", clock.instant());
    }

    /** Alice writes it, Marc (marketing lead) approves it, Alice schedules it: the way every post reaches the engine. */
    Post scheduled(NewPost draft) {
        Post post = posts.create(draft, ALICE);
        post = act(post, Action.SUBMIT, ALICE);
        post = act(post, Action.APPROVE, MARC);
        if (post.state() != PostState.APPROVED) throw new IllegalStateException("Not approved: " + post.state());
        return act(post, Action.SCHEDULE, ALICE);
    }

    Post scheduled(String text, String plannedAt, Account... to) {
        return scheduled(new NewPost("Winter sale", text, plannedAt, "Europe/Paris", null, null, null, null, null, null, null,
                ids(to)));
    }

    static List<Long> ids(Account... to) {
        return java.util.Arrays.stream(to).map(Account::id).toList();
    }

    Post act(Post post, Action action, User who) {
        return reviews.act(post.id(), ActionRequest.of(action, post.version()), who);
    }

    MediaRef image(String altText) {
        try {
            var m = stores.media.put(new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}), "image/png", "cat.png");
            return new MediaRef(m.sha256(), altText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Post post(long id) {
        return stores.posts.find(id).orElseThrow();
    }

    List<DeliveryRecord> deliveries(Post post) {
        return stores.deliveries.forPost(post.id());
    }

    DeliveryRecord delivery(Post post, Account account, int part) {
        return deliveries(post).stream().filter(d -> d.accountId() == account.id() && d.part() == part).findFirst().orElseThrow();
    }

    List<String> commentsOn(Post post) {
        return comments.stream().filter(c -> c.itemKey().equals(post.item().key())).map(Comment::text).toList();
    }

    List<Notice> noticesOf(Notice.Kind kind) {
        return notices.stream().filter(n -> n.kind() == kind).toList();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
