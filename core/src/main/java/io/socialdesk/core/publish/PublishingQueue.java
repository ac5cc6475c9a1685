package io.socialdesk.core.publish;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The operators' publishing queue: the deliveries by bucket (due, in flight, retrying, failed, unconfirmed,
 * missed), what a marketing lead or an admin may do to one of them (retry, send again, mark as published,
 * cancel), and how publishing went over the last day. Every action goes through the delivery's version (two
 * people acting on one delivery: one wins, the other gets a conflict), is audited on the post naming the person
 * and the account, and then lets the post follow: a post that had settled resumes publishing and rolls up again.
 */
public final class PublishingQueue {
    /** Rows read per bucket at most: the page shows the soonest; the counts say how many there are in all. */
    public static final int DEFAULT_LIMIT = 200;
    /** How far back the metrics look. */
    public static final Duration METRICS_WINDOW = Duration.ofHours(24);
    /** Settled deliveries read for the metrics at most. */
    static final int METRICS_LIMIT = 20_000;
    /** Set in a delivery's progress when a person put it back in the queue (who did); cleared by nothing, read by nothing critical. */
    public static final String REQUEUED_BY = "socialdesk.requeuedBy";

    private static final Set<PostState> SETTLED_POST = EnumSet.of(PostState.PARTIAL, PostState.FAILED, PostState.UNCONFIRMED, PostState.MISSED);

    /** The queue's sections, each over one or two delivery states. */
    public enum Bucket {
        DUE(DeliveryState.DUE, DeliveryState.WAITING),
        IN_FLIGHT(DeliveryState.IN_FLIGHT),
        RETRYING(DeliveryState.RETRYING),
        FAILED(DeliveryState.FAILED),
        UNCONFIRMED(DeliveryState.UNCONFIRMED),
        MISSED(DeliveryState.MISSED);

        private final Set<DeliveryState> states;

        Bucket(DeliveryState first, DeliveryState... more) {
            this.states = EnumSet.of(first, more);
        }

        public Set<DeliveryState> states() {
            return states;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What a person may do to one delivery, and from which states. */
    public enum QueueAction {
        RETRY(EnumSet.of(DeliveryState.FAILED, DeliveryState.MISSED), AuditKind.DELIVERY_RETRIED, "retried"),
        SEND_AGAIN(EnumSet.of(DeliveryState.UNCONFIRMED), AuditKind.DELIVERY_RESENT, "sent again"),
        MARK_PUBLISHED(EnumSet.of(DeliveryState.UNCONFIRMED), AuditKind.DELIVERY_CONFIRMED, "marked as published"),
        CANCEL(EnumSet.of(DeliveryState.DUE, DeliveryState.WAITING, DeliveryState.RETRYING), AuditKind.DELIVERY_CANCELLED, "cancelled");

        private final Set<DeliveryState> from;
        private final AuditKind kind;
        private final String done;

        QueueAction(Set<DeliveryState> from, AuditKind kind, String done) {
            this.from = from;
            this.kind = kind;
            this.done = done;
        }

        public boolean appliesTo(DeliveryState state) {
            return from.contains(state);
        }

        public Set<DeliveryState> from() {
            return from;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** {@code retry}, {@code send-again}, {@code mark-published} or {@code cancel}; a clear refusal otherwise. */
        public static QueueAction parse(String text) {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("action", "required", "Name the action: one of " + slugs());
            }
            for (QueueAction a : values()) {
                if (a.slug().equals(text.strip().toLowerCase(Locale.ROOT))) return a;
            }
            throw new InvalidInputException("action", "known-action", "Unknown action '" + text.strip() + "': use one of " + slugs());
        }

        private static String slugs() {
            return String.join(", ", java.util.Arrays.stream(values()).map(QueueAction::slug).toList());
        }
    }

    /** One delivery as the queue shows it: its post, the account, and what the viewer may do to it. */
    public record Row(DeliveryRecord delivery, String title, String itemKey, String itemUrl, String accountLabel, Network network,
            List<QueueAction> actions) {
        public Row {
            actions = List.copyOf(actions);
        }

        public long id() { return delivery.id(); }
        public long postId() { return delivery.postId(); }
        public int part() { return delivery.part(); }
        public DeliveryState state() { return delivery.state(); }
        public Instant dueAt() { return delivery.dueAt(); }
        /** The next attempt while retrying (or the end of the hold while due, the lease while in flight). */
        public Instant nextAt() { return delivery.nextAt(); }
        public int attempts() { return delivery.attempts(); }
        public String cause() { return delivery.cause(); }
        public String reason() { return delivery.reason(); }
        public int version() { return delivery.version(); }
        public String remoteUrl() { return delivery.remote() == null ? null : delivery.remote().url(); }
    }

    /** One bucket: how many deliveries it holds in all, and the soonest of them. */
    public record Section(Bucket bucket, int count, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** The queue: its sections in order, and the count of deliveries in every state. */
    public record View(List<Section> sections, Map<DeliveryState, Integer> counts) {
        public View {
            sections = List.copyOf(sections);
            counts = Map.copyOf(counts);
        }

        public Section section(Bucket bucket) {
            return sections.stream().filter(s -> s.bucket() == bucket).findFirst().orElseThrow();
        }
    }

    private final DeliveryStore deliveries;
    private final PostStore posts;
    private final AccountStore accounts;
    private final ReviewService reviews;
    private final LongConsumer rollUp;
    private final AuditTrail trail;
    private final Clock clock;

    /** {@code rollUp}: the engine's roll-up of a post from its deliveries ({@link DeliverySending#rollUp}). */
    public PublishingQueue(DeliveryStore deliveries, PostStore posts, AccountStore accounts, ReviewService reviews, LongConsumer rollUp,
            AuditTrail trail, Clock clock) {
        this.deliveries = deliveries;
        this.posts = posts;
        this.accounts = accounts;
        this.reviews = reviews;
        this.rollUp = rollUp;
        this.trail = trail;
        this.clock = clock;
    }

    public static PublishingQueue over(DeliveryStore deliveries, PostStore posts, AccountStore accounts, ReviewService reviews,
            DeliverySending sending, AuditTrail trail, Clock clock) {
        return new PublishingQueue(deliveries, posts, accounts, reviews, sending::rollUp, trail, clock);
    }

    /** Marketing leads and admins run the queue. */
    public static boolean mayOperate(User user) {
        return user != null && (user.has(Role.MARKETING_LEAD) || user.has(Role.ADMIN));
    }

    private static void requireOperator(User user, String what) {
        if (!mayOperate(user)) {
            throw new NotAllowedException("Only marketing leads and admins may " + what + ".");
        }
    }

    /** The queue as {@code viewer} sees it, at most {@code limit} rows per bucket, soonest first. */
    public View view(User viewer, int limit) {
        requireOperator(viewer, "see the publishing queue");
        Map<DeliveryState, Integer> counts = deliveries.countByState();
        Map<Long, Optional<Post>> postCache = new HashMap<>();
        Map<Long, Optional<Account>> accountCache = new HashMap<>();
        List<Section> sections = new ArrayList<>();
        for (Bucket bucket : Bucket.values()) {
            int count = bucket.states().stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
            List<Row> rows = count == 0 ? List.of() : deliveries.inStates(bucket.states(), limit).stream()
                    .map(d -> row(d, postCache.computeIfAbsent(d.postId(), posts::find), accountCache.computeIfAbsent(d.accountId(), accounts::find)))
                    .toList();
            sections.add(new Section(bucket, count, rows));
        }
        return new View(sections, counts);
    }

    /** One delivery as the queue shows it (after an action, say). */
    public Row describe(DeliveryRecord d) {
        return row(d, posts.find(d.postId()), accounts.find(d.accountId()));
    }

    private static Row row(DeliveryRecord d, Optional<Post> post, Optional<Account> account) {
        List<QueueAction> actions = java.util.Arrays.stream(QueueAction.values()).filter(a -> a.appliesTo(d.state())).toList();
        return new Row(d, post.map(Post::title).orElse("(post " + d.postId() + " deleted)"), post.map(p -> p.item().key()).orElse(null),
                post.map(p -> p.item().url()).orElse(null), account.map(Account::label).orElse("account " + d.accountId() + " (removed)"),
                account.map(Account::network).orElse(null), actions);
    }

    /** How publishing went over the last {@link #METRICS_WINDOW}, and the counts per state now. */
    public PublishingMetrics metrics(User viewer) {
        requireOperator(viewer, "see the publishing metrics");
        Instant now = clock.instant();
        Instant since = now.minus(METRICS_WINDOW);
        return PublishingMetrics.of(since, now, deliveries.settledSince(since, METRICS_LIMIT), deliveries.countByState());
    }

    /**
     * Applies {@code actionText} to delivery {@code id} as it stood at {@code version}; {@code url} is what the person
     * saw on the network (mark as published only, optional). Answers the delivery as stored after the action.
     */
    public DeliveryRecord act(long id, String actionText, Integer version, String url, User user) {
        QueueAction action = QueueAction.parse(actionText);
        requireOperator(user, action == QueueAction.MARK_PUBLISHED ? "mark a delivery as published" : action.slug().replace('-', ' ') + " a delivery");
        DeliveryRecord current = deliveries.find(id).orElseThrow(() -> new NotFoundException("No delivery with id " + id));
        if (version == null) {
            throw new InvalidInputException("version", "required", "Send the version of the delivery you acted on (from the queue you read)");
        }
        if (version != current.version()) throw stale(current);
        if (!action.appliesTo(current.state())) {
            throw new InvalidInputException("action", "delivery-state", "This delivery is " + current.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " now; you can " + action.slug().replace('-', ' ') + " only a delivery that is "
                    + either(action.from().stream().map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()) + ".");
        }
        RemotePost seen = action == QueueAction.MARK_PUBLISHED ? seen(current, url) : null;
        Optional<Post> post = posts.find(current.postId());
        if ((action == QueueAction.RETRY || action == QueueAction.SEND_AGAIN) && !post.map(p -> p.state() == PostState.PUBLISHING
                || SETTLED_POST.contains(p.state())).orElse(false)) {
            throw new InvalidInputException("action", "post-state", post.map(p -> "The post is " + StateNames.label(p.state())
                    + "; its deliveries are not sent any more.").orElse("The post was deleted; nothing is sent for it any more."));
        }
        Instant now = clock.instant();
        String who = user.displayName();
        DeliveryRecord next = switch (action) {
            case RETRY, SEND_AGAIN -> requeued(current, now, user);
            case MARK_PUBLISHED -> current.confirmedBy(seen, now);
            case CANCEL -> current.cancelled("cancelled-by-person", "Cancelled by " + who + " in the publishing queue.", now);
        };
        DeliveryRecord stored = deliveries.replace(current, next).orElseThrow(() -> stale(deliveries.find(id).orElse(current)));
        followers(stored, action, now);
        String account = accounts.find(stored.accountId()).map(Account::label).orElse("account " + stored.accountId());
        AuditEvent event = AuditEvent.of(stored.postId(), now, user.key(), action.kind, capitalized(action.done) + " by " + who + " on " + account
                + (stored.part() == 0 ? "" : " (part " + (stored.part() + 1) + ")")
                + (seen != null && seen.url() != null ? ": " + seen.url() : ""));
        trail.append(accounts.find(stored.accountId()).map(a -> event.withNetwork(a.network())).orElse(event));
        post.ifPresent(p -> follow(p, action, who));
        return stored;
    }

    /** Due now with its attempts reset when it is the first part or the part before it is out; else waiting for that part. */
    private DeliveryRecord requeued(DeliveryRecord d, Instant now, User user) {
        boolean first = d.part() == 0 || deliveries.forPost(d.postId()).stream()
                .anyMatch(p -> p.accountId() == d.accountId() && p.part() == d.part() - 1 && p.state() == DeliveryState.SENT);
        DeliveryRecord next = first ? d.dueAt(now, true, now) : d.waiting(now);
        return next.withProgress(REQUEUED_BY, user.key(), now);
    }

    /**
     * The later parts of the same thread follow the one acted on: put back in the queue, those that were not sent
     * because of it wait for it again; cancelled, those waiting for it are cancelled too.
     */
    private void followers(DeliveryRecord done, QueueAction action, Instant now) {
        for (DeliveryRecord later : deliveries.forPost(done.postId())) {
            if (later.accountId() != done.accountId() || later.part() <= done.part()) continue;
            if ((action == QueueAction.RETRY || action == QueueAction.SEND_AGAIN) && !later.state().isPending()
                    && (later.state() == DeliveryState.FAILED || later.state() == DeliveryState.MISSED
                    || later.state() == DeliveryState.CANCELLED && later.cause().startsWith("earlier-part"))) {
                deliveries.replace(later, later.waiting(now));
            } else if (action == QueueAction.CANCEL && later.state() == DeliveryState.WAITING) {
                deliveries.replace(later, later.cancelled("earlier-part-cancelled", "The part before it was cancelled.", now));
            }
        }
    }

    /** A post that had settled publishes again, then rolls up: at once when nothing is left to send (a cancel, a confirmation). */
    private void follow(Post post, QueueAction action, String who) {
        if (SETTLED_POST.contains(post.state())) {
            reviews.engineMove(post, Action.RESUME_PUBLISHING, "Delivery " + action.done + " by " + who);
        }
        rollUp.accept(post.id());
    }

    /** What the person saw on the network: the URL they give (http or https), else the remote id the connector recorded, if any. */
    private static RemotePost seen(DeliveryRecord d, String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return d.remote() != null ? d.remote() : new RemotePost("confirmed:" + d.key(), null, null);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || u.length() > 2000) throw new IllegalArgumentException();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new InvalidInputException("url", "http-url", "Give the address of the post as you saw it on the network (https://...), or none.");
        }
        return new RemotePost(d.remote() != null ? d.remote().id() : u, u, d.remote() == null ? null : d.remote().cid());
    }

    private static ConflictException stale(DeliveryRecord current) {
        return new ConflictException("version", "stale-version", "Someone else changed this delivery first (now version " + current.version()
                + ", " + current.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "); reload the queue.", current);
    }

    /** "a", "a or b", "a, b or c". */
    private static String either(List<String> words) {
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
