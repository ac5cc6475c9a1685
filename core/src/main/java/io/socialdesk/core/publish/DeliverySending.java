package io.socialdesk.core.publish;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.Actor;
import io.socialdesk.core.approval.ContentHash;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.post.ContentCheck;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.MediaStore;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.secret.SecretException;
import io.socialdesk.core.tracker.IssueTracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What happens to one delivery: claimed under a lease; checked again (the post still Publishing with the
 * content that was planned, its approvals on exactly that content, valid on the network, outside any
 * blackout, not later than the missed-after window, the account still connected); marked as being sent;
 * handed to the connector with a {@link io.socialdesk.core.channel.Progress} that writes through to the
 * store before the request that depends on it; and its outcome recorded. An unknown outcome is settled
 * through the connector at once, and a lease taken over from a node that died mid-request is settled the
 * same way: never resent blindly.
 *
 * <p>What a tick's batch needs from the stores is read once for the batch (a {@link Round}), claims are made
 * a chunk at a time, and a sent delivery is recorded through the {@link GroupCommit} while the worker goes on:
 * the costs that used to be several commits per delivery are shared by many.
 */
public final class DeliverySending {
    private static final Logger LOG = Logger.getLogger(DeliverySending.class.getName());

    /** What {@link #handle} did: whether this node claimed the delivery, the account's hold, the next part to send now. */
    public record Result(boolean claimed, Optional<Instant> heldUntil, Optional<DeliveryRecord> followUp) {
        static final Result NOT_CLAIMED = new Result(false, Optional.empty(), Optional.empty());
        static final Result DONE = new Result(true, Optional.empty(), Optional.empty());

        static Result held(Instant until) {
            return new Result(false, Optional.of(until), Optional.empty());
        }

        static Result then(DeliveryRecord next) {
            return new Result(true, Optional.empty(), Optional.ofNullable(next));
        }
    }

    private final PostStore posts;
    private final ReviewService reviews;
    private final DeliveryStore deliveries;
    private final AccountStore accounts;
    private final Channels channels;
    private final MediaStore media;
    private final ContentCheck contentCheck;
    private final Blackouts blackouts;
    private final IssueTracker tracker;
    private final Notifier notifier;
    private final AuditTrail trail;
    private final GroupCommit commits;
    private final PublishingSettings settings;
    private final String node;
    private final Clock clock;
    private final Replies replies;

    public DeliverySending(PostStore posts, ReviewService reviews, DeliveryStore deliveries, AccountStore accounts, Channels channels,
            MediaStore media, ContentCheck contentCheck, Blackouts blackouts, IssueTracker tracker, Notifier notifier, AuditTrail trail,
            GroupCommit commits, PublishingSettings settings, String node, Clock clock) {
        this(posts, reviews, deliveries, accounts, channels, media, contentCheck, blackouts, tracker, notifier, trail, commits, settings, node, clock,
                Replies.NONE);
    }

    /** The same, sending also the inbox's replies ({@link Replies}: deliveries whose post id is a negated reply id). */
    public DeliverySending(PostStore posts, ReviewService reviews, DeliveryStore deliveries, AccountStore accounts, Channels channels,
            MediaStore media, ContentCheck contentCheck, Blackouts blackouts, IssueTracker tracker, Notifier notifier, AuditTrail trail,
            GroupCommit commits, PublishingSettings settings, String node, Clock clock, Replies replies) {
        this.replies = replies;
        this.posts = posts;
        this.reviews = reviews;
        this.deliveries = deliveries;
        this.accounts = accounts;
        this.channels = channels;
        this.media = media;
        this.contentCheck = contentCheck;
        this.blackouts = blackouts;
        this.tracker = tracker;
        this.notifier = notifier;
        this.trail = trail;
        this.commits = commits;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    /** The account as a connector needs it, with its connector; what is missing is said in {@code problem}. */
    private record Target(Account account, Channel channel, ChannelAccount channelAccount, String code, String problem) {
        boolean usable() {
            return problem == null;
        }
    }

    /**
     * What one batch of due deliveries needs from the stores, read once for all of them: each account's
     * target (its decrypted credentials), each post (read again with every chunk claimed, so an edit made
     * meanwhile is seen), its approvals and content checks per version, and how many of each post's
     * deliveries this batch still holds (the post rolls up once, after its last one).
     */
    public final class Round {
        private final Map<Long, Target> targets = new ConcurrentHashMap<>();
        private final Map<Long, Optional<Post>> posts = new ConcurrentHashMap<>();
        private final Map<PostVersion, Optional<String>> approvals = new ConcurrentHashMap<>();
        private final Map<NetworkCheck, List<FieldProblem>> problems = new ConcurrentHashMap<>();
        private final Map<Long, DeliveryRecord> claimedFrom = new ConcurrentHashMap<>();
        private final Map<Long, AtomicInteger> inHand = new ConcurrentHashMap<>();
        private final Set<Long> shared = ConcurrentHashMap.newKeySet();
        private final Map<PostVersion, String> hashes = new ConcurrentHashMap<>();
        /** The batch's posts' deliveries as read when the round began, and the ones this round recorded sent since. */
        private volatile Map<Long, List<DeliveryRecord>> planned = Map.of();
        private final Map<Long, DeliveryRecord> sentHere = new ConcurrentHashMap<>();
        /** Sent deliveries waiting to be recorded together ({@link #recordSent(List, Round)}). */
        private final java.util.concurrent.ConcurrentLinkedQueue<Sent> toRecord = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final AtomicInteger waitingToRecord = new AtomicInteger();
        private final Instant began;
        private volatile Blackouts periods = blackouts;

        private final List<DeliveryRecord> batch;
        /** Made of first parts this node inserted claimed when it started their posts: they are sent without a claim. */
        private final boolean claimedAtStart;

        private Round(List<DeliveryRecord> batch, boolean claimedAtStart) {
            this.batch = List.copyOf(batch);
            this.claimedAtStart = claimedAtStart;
            began = clock.instant();
            for (DeliveryRecord d : batch) inHand.computeIfAbsent(d.postId(), k -> new AtomicInteger()).incrementAndGet();
        }

        /**
         * Reads, before the lanes spread out, what the batch's checks need: its posts in one query, the
         * publish gate of all of them at once ({@link ReviewService#publishRefusals}: two queries and each
         * project's policy once), each account's target, and each post's content checks on its networks.
         * A lane then finds them ready instead of waiting for another lane reading the same post.
         */
        private void prepare(List<DeliveryRecord> batch) {
            // A round of posts this node just started knows them as its moves left them; one read of another's is made when asked.
            if (!claimedAtStart) readPosts(batch);
            // The blackout periods of the round's lease in one read, instead of one per first part.
            periods = blackouts.during(began, began.plus(settings.lease()));
            // A started round has its posts' deliveries from the plan that made them.
            if (!claimedAtStart) planned = deliveries.forPosts(inHand.keySet());
            List<Post> publishing = posts.values().stream().flatMap(Optional::stream).filter(p -> p.state() == PostState.PUBLISHING).toList();
            List<Optional<String>> refusals = reviews.publishRefusals(publishing);
            for (int i = 0; i < publishing.size(); i++) approvals.put(version(publishing.get(i)), refusals.get(i));
            for (DeliveryRecord d : batch) {
                Post post = post(d.postId());
                Target target = target(d.accountId());
                if (post != null && post.state() == PostState.PUBLISHING && target.usable()) contentProblems(post, target.account());
            }
        }

        /** The deliveries this round was made for, as read claimable (or as claimed at their posts' start). */
        public List<DeliveryRecord> deliveries() {
            return batch;
        }

        /** Whether its deliveries are first parts this node claimed as it started their posts (not read claimable). */
        public boolean claimedAtStart() {
            return claimedAtStart;
        }

        Target target(long accountId) {
            return targets.computeIfAbsent(accountId, DeliverySending.this::target);
        }

        Post post(long postId) {
            return posts.computeIfAbsent(postId, id -> DeliverySending.this.posts.find(id)).orElse(null);
        }

        void readPosts(List<DeliveryRecord> chunk) {
            List<Long> ids = chunk.stream().map(DeliveryRecord::postId).distinct().toList();
            Map<Long, Post> found = DeliverySending.this.posts.findAll(ids);
            for (long id : ids) posts.put(id, Optional.ofNullable(found.get(id)));
        }

        /**
         * Reads again, after the claim, the chunk's posts that may have changed since the round read them. A post
         * the round read Publishing cannot: the workflow has no edit from Publishing and only the engine moves it
         * on, by rolling it up once none of its deliveries is pending (and this chunk's are). Any other (a post
         * whose start lost to an edit, one planned by a node that has not moved it yet) is read again if its
         * version moved (one small read of the versions), so what was edited meanwhile is seen. A thread's later
         * part, claimed once the part before it went out, has its post's version checked whatever its state.
         */
        void refreshPosts(List<DeliveryRecord> chunk, boolean evenPublishing) {
            List<Long> ids = chunk.stream().map(DeliveryRecord::postId).distinct().filter(id -> {
                Optional<Post> known = posts.get(id);
                return evenPublishing || known == null || known.isEmpty() || known.get().state() != PostState.PUBLISHING;
            }).toList();
            if (ids.isEmpty()) return;
            Map<Long, Integer> versions = DeliverySending.this.posts.versions(ids);
            List<Long> changed = ids.stream().filter(id -> {
                Optional<Post> known = posts.get(id);
                Integer now = versions.get(id);
                return known == null || now == null || known.isEmpty() || known.get().version() != now;
            }).toList();
            if (!changed.isEmpty()) readPosts(chunk.stream().filter(d -> changed.contains(d.postId())).toList());
        }

        void remember(Post post) {
            posts.put(post.id(), Optional.of(post));
        }

        Optional<String> approvalsMissing(Post post) {
            return approvals.computeIfAbsent(version(post), k -> reviews.publishRefusal(post));
        }

        private static PostVersion version(Post post) {
            return new PostVersion(post.id(), post.version());
        }

        /** The post's content hash, once per version. */
        String hash(Post post) {
            return hashes.computeIfAbsent(version(post), k -> ContentHash.of(post.content()));
        }

        /**
         * The post's deliveries when every one is known sent without reading them: each was sent when the round
         * began or was recorded sent by this round, and they are all the deliveries the post's current content
         * plans. Null otherwise (read them): only sent deliveries cannot change behind this round's back.
         */
        List<DeliveryRecord> allSent(Post post) {
            List<DeliveryRecord> before = post == null ? null : planned.get(post.id());
            if (before == null || before.size() != post.content().accountIds().size() * DeliveryPlan.partCount(post.content())) return null;
            String hash = hash(post);
            List<DeliveryRecord> now = new java.util.ArrayList<>(before.size());
            for (DeliveryRecord d : before) {
                DeliveryRecord latest = sentHere.getOrDefault(d.id(), d);
                if (latest.state() != DeliveryState.SENT || !latest.contentHash().equals(hash)) return null;
                now.add(latest);
            }
            return now;
        }

        List<FieldProblem> contentProblems(Post post, Account account) {
            return problems.computeIfAbsent(new NetworkCheck(version(post), account.network()),
                    k -> contentCheck.problems(post.content(), Set.of(account.network())));
        }

        /** One of the post's deliveries in this batch is settled; true when none is left in the batch (or it was not one of them). */
        boolean lastOfPost(long postId) {
            AtomicInteger left = inHand.get(postId);
            return left == null || left.decrementAndGet() <= 0;
        }
    }

    /** One version of a post: what a round's checks are kept by. */
    private record PostVersion(long id, int version) {}

    /** One version of a post checked for one network. */
    private record NetworkCheck(PostVersion post, io.socialdesk.core.account.Network network) {}

    /** A round for {@code batch}, the deliveries a tick read as claimable, with what their checks read ready. */
    public Round round(List<DeliveryRecord> batch) {
        Round round = new Round(batch, false);
        round.prepare(batch);
        return round;
    }

    /**
     * A round for first parts this node inserted claimed as it started their posts ({@link #startAll}), with the
     * posts as its moves left them: no claimable read, no claim and no read of those posts before they are sent.
     */
    private Round claimedRound(List<DeliveryRecord> claimed, List<Post> started, Map<Long, List<DeliveryRecord>> planned) {
        Round round = new Round(claimed, true);
        round.planned = planned;
        Map<Long, String> plannedHash = new java.util.HashMap<>();
        for (DeliveryRecord d : claimed) plannedHash.put(d.postId(), d.contentHash());
        for (Post post : started) {
            round.remember(post);
            // Planned from this very content a moment ago (the key holds the hash): not hashed again.
            String hash = plannedHash.get(post.id());
            if (hash != null) round.hashes.put(Round.version(post), hash);
        }
        for (DeliveryRecord d : claimed) round.claimedFrom.put(d.id(), beforeClaim(d));
        round.prepare(claimed);
        return round;
    }

    /** A delivery freshly claimed as it stood just before ({@link DeliveryRecord#claimedBy}): due, one attempt fewer, nobody's. */
    private static DeliveryRecord beforeClaim(DeliveryRecord claimed) {
        return new DeliveryRecord(claimed.id(), claimed.postId(), claimed.accountId(), claimed.part(), claimed.key(), claimed.contentHash(),
                claimed.dueAt(), DeliveryState.DUE, claimed.attempts() - 1, claimed.dueAt(), null, claimed.remote(), claimed.progress(),
                claimed.cause(), claimed.reason(), claimed.sentAt(), claimed.updatedAt(), claimed.version());
    }

    /** Claims {@code due} and sends it (or settles it, when its lease was taken over from a node that died). */
    public Result handle(DeliveryRecord due, Round round) {
        List<DeliveryRecord> won = claim(List.of(due), round, true);
        return won.isEmpty() ? Result.NOT_CLAIMED : send(won.get(0), round);
    }

    /**
     * Claims what it can of {@code due} (one account's deliveries, in order) under a lease, in one write
     * where the host can, and reads their posts afresh; answers the claimed ones, in order.
     */
    public List<DeliveryRecord> claim(List<DeliveryRecord> due, Round round) {
        return claim(due, round, false);
    }

    private List<DeliveryRecord> claim(List<DeliveryRecord> due, Round round, boolean evenPublishing) {
        // Inserted claimed by this node when it started their posts (a thread's later part, made due since, is claimed below).
        if (round.claimedAtStart && due.stream().allMatch(d -> round.claimedFrom.containsKey(d.id()))) return due;
        Instant now = clock.instant();
        List<DeliveryRecord> claimable = due.stream()
                .filter(d -> DeliveryState.CLAIMABLE.contains(d.state()) && !d.nextAt().isAfter(now)).toList();
        if (claimable.isEmpty()) {
            for (DeliveryRecord d : due) round.lastOfPost(d.postId());
            return List.of();
        }
        // In a transaction of its own, not through the group commit: there the claim waited behind the sent records (measured slower).
        List<DeliveryRecord> won = deliveries.claim(claimable, node, now.plus(settings.lease()), now);
        // After the claim, so that a change made before it is seen.
        round.refreshPosts(won, evenPublishing);
        Map<Long, DeliveryRecord> before = new java.util.HashMap<>();
        for (DeliveryRecord d : due) before.put(d.id(), d);
        for (DeliveryRecord w : won) round.claimedFrom.put(w.id(), before.remove(w.id()));
        // Another node has the rest: they are not this batch's to wait for before rolling their posts up; the
        // post is looked at again once this batch is written (each node may have read the other's part unwritten).
        for (DeliveryRecord lost : before.values()) {
            round.lastOfPost(lost.postId());
            round.shared.add(lost.postId());
        }
        return won;
    }

    /** Gives a claimed delivery back unsent until {@code until} (the account is held by the network). */
    public void release(DeliveryRecord claimed, Instant until, Round round) {
        DeliveryRecord before = round.claimedFrom.get(claimed.id());
        if (before == null) return;
        write(claimed, claimed.released(before, until, "The network allows the next call at " + until, clock.instant()));
        round.lastOfPost(claimed.postId());
    }

    /** Sends a delivery this node claimed (or settles it, when its lease was taken over from a node that died). */
    public Result send(DeliveryRecord claimed, Round round) {
        Instant now = clock.instant();
        // Half its lease gone (a long queue before it on a slow network, or claimed at its post's start): renewed before anything
        // goes out on it, so a request never leaves under a lease another node may take over meanwhile.
        if (claimed.state() == DeliveryState.IN_FLIGHT && claimed.nextAt().isBefore(now.plus(settings.lease().dividedBy(2)))) {
            claimed = write(claimed, claimed.leaseRenewed(now.plus(settings.lease()), now));
            if (claimed == null) return Result.NOT_CLAIMED;
        }
        DeliveryRecord due = round.claimedFrom.getOrDefault(claimed.id(), claimed);
        Target target = round.target(claimed.accountId());
        boolean takeOver = due.state() == DeliveryState.IN_FLIGHT;
        Post post = round.post(claimed.postId());
        if (takeOver && due.mayHaveBeenSent()) {
            if ((post == null && !Replies.isReply(claimed)) || !target.usable()) {
                return finish(claimed, new Outcome.Unknown("The previous attempt may have reached the network, and it cannot be checked now: "
                        + (post == null ? "the post was deleted" : target.problem())), true, post, target, round);
            }
            return finish(claimed, settle(target, delivery(claimed, post, target)), true, post, target, round);
        }
        if (target.usable()) {
            Instant allowed = nextAllowedAt(target);
            // Read the clock after asking: a connector with no limit answers its own "now", a moment after ours.
            if (allowed != null && allowed.isAfter(clock.instant())) {
                release(claimed, allowed, round);
                return Result.held(allowed);
            }
        }
        if (post != null && post.state() == PostState.SCHEDULED && !post.planned().instant().isAfter(now)) {
            // Planned by a node that has not moved the post yet: start it here (the post's version decides who does).
            start(post);
            post = posts.find(post.id()).orElse(post);
            round.remember(post);
        }
        Optional<Refusal> refused = refusal(claimed, post, target, now, round);
        if (refused.isPresent()) return settled(write(claimed, refused.get().applyTo(claimed, now)), post, round);
        // The "sending now" mark is what stops a blind resend after a crash; a network that drops repeats needs none.
        DeliveryRecord sending = target.channel().resendIsSafe(target.channelAccount()) ? claimed
                : writeSoon(claimed, claimed.withProgress(DeliveryRecord.SENDING, Integer.toString(claimed.attempts()), now));
        if (sending == null) return Result.NOT_CLAIMED;
        Attempt attempt = publish(target, sending, post);
        return finish(attempt.record(), attempt.outcome(), false, post, target, round);
    }

    /** Why a claimed delivery is not sent after all, and what it becomes. */
    private record Refusal(DeliveryState becomes, String code, String why) {
        DeliveryRecord applyTo(DeliveryRecord d, Instant at) {
            return switch (becomes) {
                case CANCELLED -> d.cancelled(code, why, at);
                case MISSED -> d.missed(why, at);
                default -> d.failed(code, why, at);
            };
        }

        static Optional<Refusal> cancel(String code, String why) {
            return Optional.of(new Refusal(DeliveryState.CANCELLED, code, why));
        }

        static Optional<Refusal> fail(String code, String why) {
            return Optional.of(new Refusal(DeliveryState.FAILED, code, why));
        }
    }

    /** A connector's answer and the delivery as it stood after the call (with the progress the connector recorded). */
    private record Attempt(DeliveryRecord record, Outcome outcome) {
    }

    /**
     * Leaves a delivery in its state until {@code until}: the network asked for a pause on this account. One this
     * node holds claimed (from its start) is given back as it was before the claim.
     */
    public void holdUntil(DeliveryRecord due, Instant until, Round round) {
        if (round.claimedFrom.containsKey(due.id())) {
            release(due, until, round);
        } else if (due.state() == DeliveryState.DUE || due.state() == DeliveryState.RETRYING) {
            deliveries.replace(due, due.heldUntil(until, "The network allows the next call at " + until, clock.instant()));
        }
    }

    /** The checks made again just before sending; empty when the delivery may go. */
    private Optional<Refusal> refusal(DeliveryRecord claimed, Post post, Target target, Instant now, Round round) {
        if (Replies.isReply(claimed)) {
            Optional<Replies.Refusal> withdrawn = replies.refusal(claimed);
            if (withdrawn.isPresent()) return Refusal.cancel(withdrawn.get().code(), withdrawn.get().why());
            return target.usable() ? Optional.empty() : Refusal.fail(target.code(), target.problem());
        }
        if (post == null) return Refusal.cancel("post-deleted", "The post was deleted; nothing was sent.");
        if (post.state() != PostState.PUBLISHING) {
            return Refusal.cancel("post-" + post.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "The post is " + StateNames.label(post.state()) + " now; this part was not sent.");
        }
        if (!round.hash(post).equals(claimed.contentHash())) {
            return Refusal.cancel("content-changed", "The post's content changed after it was planned; this version was not sent.");
        }
        if (!target.usable()) return Refusal.fail(target.code(), target.problem());
        boolean firstAttemptOfPost = claimed.part() == 0 && claimed.attempts() <= 1;
        if (firstAttemptOfPost && Duration.between(claimed.dueAt(), now).compareTo(settings.missedAfter()) > 0) {
            return Optional.of(new Refusal(DeliveryState.MISSED, "missed", "It was due at " + claimed.dueAt() + " and could not be sent within "
                    + settings.missedAfter().toMinutes() + " minutes; it was not sent late."));
        }
        Optional<String> approvals = round.approvalsMissing(post);
        if (approvals.isPresent()) return Refusal.fail("approvals-missing", approvals.get());
        List<FieldProblem> problems = round.contentProblems(post, target.account());
        if (!problems.isEmpty()) {
            return Refusal.fail("invalid-content", "Not valid on " + target.account().network().label() + " any more: "
                    + problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
        }
        if (claimed.part() == 0) {
            Optional<String> blocked = round.periods.blocking(post.item().projectKey(), claimed.accountId(), now);
            if (blocked.isPresent()) return Refusal.fail("blackout", blocked.get());
        }
        return Optional.empty();
    }

    /**
     * Plans the post's deliveries (insert-if-absent, so a plan made twice is one plan), then moves it to
     * Publishing. Only the node whose move wins revives deliveries an earlier round left failed, missed,
     * cancelled or unconfirmed (a person's retry), so a race never sends one of them twice.
     */
    public boolean start(Post post) {
        return start(post, deliveries.plan(DeliveryPlan.of(post), clock.instant())).isPresent();
    }

    /** What {@link #startAll} did: how many posts this node started, and a round of the first parts it claimed for them (null: none). */
    public record Started(int posts, Round round) {
        static final Started NONE = new Started(0, null);
    }

    /**
     * Starts {@code due} in one transaction of its own on this thread ({@link GroupCommit#now}), beside the
     * group commit's writer, so that sent deliveries are not recorded behind the start of a page of posts:
     * the page's plans in one read and one batch of inserts, their first parts inserted already claimed by this
     * node ({@link DeliveryStore#planClaimed}), then each post's move. Answers how many posts this node started
     * and a round of those first parts, ready to send: they need no claimable read and no claim. When that
     * transaction fails, each post is started alone, so only the faulty one is left for the next tick (its
     * deliveries are claimed as any others).
     */
    public Started startAll(List<Post> due) {
        if (due.isEmpty()) return Started.NONE;
        record Page(List<Post> moved, DeliveryStore.Planned planned) {}
        Page page;
        try {
            page = commits.now(() -> {
                Instant now = clock.instant();
                List<NewDelivery> plans = due.stream().flatMap(p -> DeliveryPlan.of(p).stream()).toList();
                DeliveryStore.Planned planned = deliveries.planClaimed(plans, node, now.plus(settings.lease()), now);
                Map<Long, List<DeliveryRecord>> byPost = planned.all().stream().collect(Collectors.groupingBy(DeliveryRecord::postId));
                List<Post> moved = new java.util.ArrayList<>();
                for (Post post : due) start(post, byPost.getOrDefault(post.id(), List.of())).ifPresent(moved::add);
                return new Page(moved, planned);
            });
        } catch (RuntimeException e) {
            if (due.size() == 1) throw e;
            int started = 0;
            for (Post post : due) {
                try {
                    if (commits.now(() -> start(post))) started++;
                } catch (RuntimeException alone) {
                    LOG.log(Level.WARNING, "Post " + post.id() + " could not be started; the next tick tries again", alone);
                }
            }
            return new Started(started, null);
        }
        // Claimed whatever became of the move: the send finds a post it could not start and starts or refuses it there.
        List<DeliveryRecord> claimed = page.planned().claimed();
        return new Started(page.moved().size(), claimed.isEmpty() ? null : claimedRound(claimed, page.moved(), page.planned().byPost()));
    }

    /** Moves the post to Publishing and revives what an earlier round left settled; answers the post as moved, empty when the move lost. */
    private Optional<Post> start(Post post, List<DeliveryRecord> planned) {
        String detail = post.planned().isInGap()
                ? post.planned().local() + " does not exist in " + post.planned().zone() + " (the clocks skip it); it goes out at "
                        + post.planned().instant().atZone(post.planned().zone()).toLocalDateTime() + "."
                : "";
        Optional<Post> started = reviews.engineMove(post, Action.START_PUBLISHING, detail);
        if (started.isEmpty()) return started;
        Instant now = clock.instant();
        Instant due = post.planned().instant().isAfter(now) ? post.planned().instant() : now;
        for (DeliveryRecord d : planned) {
            if (d.state().isPending() || d.state() == DeliveryState.SENT) continue;
            boolean first = d.part() == 0 || planned.stream()
                    .anyMatch(p -> p.accountId() == d.accountId() && p.part() == d.part() - 1 && p.state() == DeliveryState.SENT);
            deliveries.replace(d, first ? d.dueAt(due, true, now) : d.waiting(now));
        }
        if (!detail.isEmpty()) tracker.commented(post.item(), Actor.SYSTEM_KEY, "Planned time resolved: " + detail);
        return started;
    }

    private Attempt publish(Target target, DeliveryRecord sending, Post post) {
        DeliveryRecord[] current = {sending};
        Delivery delivery = delivery(sending, post, target);
        try {
            Outcome outcome = target.channel().publish(target.channelAccount(), delivery, (name, value) -> {
                DeliveryRecord next = writeSoon(current[0], current[0].withProgress(name, value, clock.instant()));
                // Without the record the request must not go: another node holds this delivery now.
                if (next == null) throw new IllegalStateException("The lease on delivery " + sending.id() + " was taken over");
                current[0] = next;
            });
            return new Attempt(current[0], outcome == null ? new Outcome.Unknown("The connector gave no answer") : outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + target.account().network().label() + " connector threw while publishing delivery " + sending.id()
                    + " (" + e.getClass().getSimpleName() + ")");
            return new Attempt(current[0], new Outcome.Unknown("The connector stopped unexpectedly (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private Outcome settle(Target target, Delivery delivery) {
        try {
            Outcome outcome = target.channel().settle(target.channelAccount(), delivery);
            return outcome == null ? new Outcome.Unknown("The connector gave no answer") : outcome;
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Checking the network stopped unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Result finish(DeliveryRecord current, Outcome outcome, boolean settling, Post post, Target target, Round round) {
        Instant now = clock.instant();
        if (outcome instanceof Outcome.Sent sent) {
            boolean laterPart = !Replies.isReply(current) && current.part() + 1 < DeliveryPlan.partCount(post.content());
            if (!laterPart) {
                // Recorded with other lanes' sent deliveries, in one batch of writes, while this worker goes on. One that carries the
                // "sending now" mark (a network that cannot drop a repeat) goes at once: a crash before its record leaves it unconfirmed.
                round.toRecord.add(new Sent(current, sent.remote(), post, now));
                if (round.waitingToRecord.incrementAndGet() >= RECORD_TOGETHER || current.mayHaveBeenSent()) recordWaiting(round);
                return Result.DONE;
            }
            // The next part answers this one: it waits until this one is recorded.
            return Result.then(commits.submit(() -> recordSent(current, sent.remote(), post, laterPart, round, now)).join());
        }
        if (outcome instanceof Outcome.RetryLater later) {
            if (settling) {
                // The network says the earlier attempt did not arrive (or a resend is idempotent): it may go again, as the same attempt.
                write(current, current.retryAt(later.notBefore().isAfter(now) ? later.notBefore() : now, later.reason(), now));
                round.lastOfPost(current.postId());
                return Result.DONE;
            }
            if (current.attempts() >= settings.maxAttempts()) {
                return settled(write(current, current.failed("gave-up", "Gave up after " + current.attempts() + " attempts: "
                        + later.reason(), now)), post, round);
            }
            Instant backoff = now.plus(backoff(current.attempts()));
            write(current, current.retryAt(later.notBefore().isAfter(backoff) ? later.notBefore() : backoff, later.reason(), now));
            round.lastOfPost(current.postId());
            return Result.DONE;
        }
        if (outcome instanceof Outcome.Failed failed) {
            return settled(write(current, current.failed(failed.code(), failed.reason(), now)), post, round);
        }
        Outcome.Unknown unknown = (Outcome.Unknown) outcome;
        if (!settling && target.usable()) {
            return finish(current, settle(target, delivery(current, post, target)), true, post, target, round);
        }
        DeliveryRecord open = write(current, current.unconfirmed(unknown.reason(), now));
        return open == null ? Result.DONE : settled(open, post, round);
    }

    /**
     * Records a sent delivery (its row only: the post's record is written once, when it rolls up); makes the
     * next part due (answered, for the lane to send now) or, after the post's last delivery in this batch,
     * rolls the post up.
     */
    private DeliveryRecord recordSent(DeliveryRecord current, RemotePost remote, Post post, boolean laterPart, Round round, Instant sentAt) {
        Instant now = clock.instant();
        DeliveryRecord done = writeSent(current, remote, sentAt);
        if (!recorded(done, remote, round)) return null;
        boolean last = round.lastOfPost(post.id());
        if (laterPart) {
            List<DeliveryRecord> all = deliveries.forPost(post.id());
            DeliveryRecord next = nextPart(done, all).map(w -> deliveries.replace(w, w.dueAt(now, true, now)).orElse(null)).orElse(null);
            if (next == null) rollUp(post.id(), all, null, labels(round));
            return next;
        }
        if (last) rollUpSent(post.id(), round);
        return null;
    }

    /** Sent deliveries recorded together: at most this many wait (then the worker that adds one hands them to the group commit). */
    private static final int RECORD_TOGETHER = 32;

    /** A delivery the network took, waiting to be recorded. */
    private record Sent(DeliveryRecord current, RemotePost remote, Post post, Instant at) {}

    /** Hands the round's waiting sent deliveries to the group commit, as one piece of work. */
    void recordWaiting(Round round) {
        List<Sent> batch = new java.util.ArrayList<>();
        for (Sent s; (s = round.toRecord.poll()) != null; ) {
            round.waitingToRecord.decrementAndGet();
            batch.add(s);
        }
        if (batch.isEmpty()) return;
        commits.submit(() -> recordSent(batch, round)).whenComplete((done, e) -> {
            if (e != null) LOG.warning(batch.size() + " deliveries were sent but could not be recorded (" + e.getClass().getSimpleName()
                    + "); they are settled when their leases end");
        });
    }

    /**
     * Records sent deliveries (first parts and single posts: no part waits for them) in one batch of
     * conditional writes, then rolls up each post whose last delivery
     * in the round this was: from what the round knows when every delivery of the post is sent, else read.
     */
    private Void recordSent(List<Sent> batch, Round round) {
        List<DeliveryRecord> current = batch.stream().map(Sent::current).toList();
        List<DeliveryRecord> next = batch.stream().map(s -> s.current().sent(s.remote(), s.at())).toList();
        List<Optional<DeliveryRecord>> stored = deliveries.replaceAll(current, next);
        java.util.Set<Long> last = new java.util.LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Sent s = batch.get(i);
            DeliveryRecord done = stored.get(i).orElseGet(() -> writeSent(s.current(), s.remote(), s.at()));
            if (recorded(done, s.remote(), round) && round.lastOfPost(s.post().id())) last.add(s.post().id());
        }
        for (long postId : last) rollUpSent(postId, round);
        return null;
    }

    /**
     * What follows a sent delivery's record: the reply's own record; for a post's part nothing more is written
     * (its link is in its row, and the post's roll-up lists it: {@link PublishingRecord}). False for a reply.
     */
    private boolean recorded(DeliveryRecord done, RemotePost remote, Round round) {
        if (Replies.isReply(done)) {
            round.lastOfPost(done.postId());
            replies.sent(done, remote);
            return false;
        }
        if (done.state() == DeliveryState.SENT) round.sentHere.put(done.id(), done);
        return true;
    }

    /** Rolls up a post after its last delivery in the round was recorded sent; the post as the round read it (its move checks the version). */
    private void rollUpSent(long postId, Round round) {
        Post post = round.post(postId);
        List<DeliveryRecord> known = round.allSent(post);
        rollUp(postId, known != null ? known : deliveries.forPost(postId), post, labels(round));
    }

    /** After a settled delivery other than sent: its later parts follow it, the author is told, the post rolls up. */
    private Result settled(DeliveryRecord done, Post post, Round round) {
        if (done == null) return Result.DONE;
        round.lastOfPost(done.postId());
        if (Replies.isReply(done)) {
            replies.settled(done);
            return Result.DONE;
        }
        // Sent deliveries recorded behind this worker's back must be in before the post's deliveries are read.
        recordWaiting(round);
        commits.flush();
        Instant now = clock.instant();
        List<DeliveryRecord> all = deliveries.forPost(done.postId());
        boolean laterPartsMoved = false;
        for (DeliveryRecord later : all) {
            if (later.accountId() != done.accountId() || later.part() <= done.part() || later.state() != DeliveryState.WAITING) continue;
            laterPartsMoved = true;
            switch (done.state()) {
                case MISSED -> deliveries.replace(later, later.missed("The part before it was missed.", now));
                case CANCELLED -> deliveries.replace(later, later.cancelled("earlier-part-cancelled", "The part before it was not sent.", now));
                default -> deliveries.replace(later, later.failed("earlier-part-" + done.state().name().toLowerCase(Locale.ROOT),
                        "The part before it was not sent.", now));
            }
        }
        if (post != null && done.state() != DeliveryState.CANCELLED) {
            trail.append(AuditEvent.of(post.id(), now, Actor.SYSTEM_KEY, AuditKind.SEND_RESULT,
                    done.state().name().toLowerCase(Locale.ROOT) + " (" + done.cause() + "): " + done.reason()));
            Notice.Kind kind = switch (done.state()) {
                case MISSED -> Notice.Kind.PUBLISH_MISSED;
                case UNCONFIRMED -> Notice.Kind.PUBLISH_UNCONFIRMED;
                default -> Notice.Kind.PUBLISH_FAILED;
            };
            String what = describe(done);
            try {
                notifier.send(new Notice(kind, post.id(), post.item().key(), post.item().url(), post.title(), Actor.SYSTEM_KEY, List.of(),
                        Set.of(post.authorKey()), what, now));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not tell the author of post " + post.id() + " (" + e.getClass().getSimpleName() + ")");
            }
            // After the notice: in Jira it made the author a watcher, so this comment reaches them.
            tracker.commented(post.item(), Actor.SYSTEM_KEY, what);
        }
        rollUp(done.postId(), laterPartsMoved ? deliveries.forPost(done.postId()) : all, null, labels(round));
        return Result.DONE;
    }

    private String describe(DeliveryRecord done) {
        String on = PublishingRecord.on(accountLabel(done.accountId()), done);
        return switch (done.state()) {
            case MISSED -> "Missed on " + on + ": " + done.reason();
            case UNCONFIRMED -> "Unconfirmed on " + on + ": " + done.reason()
                    + " Check the account, then mark it as published or send it again from the publishing queue.";
            default -> "Not published on " + on + ": " + done.reason();
        };
    }

    /** An account as the publishing record names it, also when it was removed since. */
    private String accountLabel(long accountId) {
        return accounts.find(accountId).map(Account::label).orElse("account " + accountId);
    }

    /** The same, from what the round read already where it can (a roll-up in the hot path reads no account). */
    private LongFunction<String> labels(Round round) {
        return id -> {
            Target known = round.targets.get(id);
            return known != null && known.account() != null ? known.account().label() : accountLabel(id);
        };
    }

    /**
     * Ends a round: waits until what it handed to the group commit is written, then rolls up again the
     * posts whose deliveries it shared with another node (of two nodes finishing together, the later sees both).
     */
    public void finish(Round round) {
        recordWaiting(round);
        commits.flush();
        for (long postId : round.shared) rollUp(postId);
    }

    /** Rolls the post's state up from its deliveries, when none is pending. */
    public void rollUp(long postId) {
        rollUp(postId, deliveries.forPost(postId), null, this::accountLabel);
    }

    /**
     * The same, from the post's deliveries as just read (after this node's last write); read again only when the
     * move loses a race. The move that wins carries the post's publishing record, made from the deliveries it
     * rolled up from (never from what this node remembers, so every path writes the same): each delivery's
     * outcome in its audit detail, and one comment on the item with the links of the sent ones.
     */
    private void rollUp(long postId, List<DeliveryRecord> read, Post known, LongFunction<String> labels) {
        List<DeliveryRecord> all = read;
        for (int attempt = 0; attempt < 3; attempt++, all = deliveries.forPost(postId)) {
            PostState state = PostRollup.of(all);
            if (state == PostState.PUBLISHING) return;
            Optional<Post> post = attempt == 0 && known != null ? Optional.of(known) : posts.find(postId);
            if (post.isEmpty() || post.get().state() != PostState.PUBLISHING) return;
            Action action = PostRollup.actionTo(state).orElseThrow();
            Optional<Post> moved = reviews.engineMove(post.get(), action, PublishingRecord.detail(all, labels));
            if (moved.isPresent()) {
                PublishingRecord.comment(all, labels).ifPresent(links -> tracker.commented(moved.get().item(), Actor.SYSTEM_KEY, links));
                return;
            }
        }
    }

    private static Optional<DeliveryRecord> nextPart(DeliveryRecord done, List<DeliveryRecord> all) {
        return all.stream()
                .filter(d -> d.accountId() == done.accountId() && d.part() == done.part() + 1 && d.state() == DeliveryState.WAITING).findFirst();
    }

    /** The part as the connector sends it: its text, media on the first part, the parts it answers. */
    private Delivery delivery(DeliveryRecord record, Post post, Target target) {
        if (Replies.isReply(record)) return replies.delivery(record);
        String text = DeliveryPlan.textOf(post.content(), target.account().network(), record.part());
        Delivery delivery = new Delivery(record.key(), text, List.of(), null, null, post.content().language(), record.progress());
        if (record.part() == 0) return delivery.withMedia(post.content().media().stream().map(this::attachment).toList());
        List<DeliveryRecord> same = deliveries.forPost(record.postId()).stream().filter(d -> d.accountId() == record.accountId()).toList();
        RemotePost parent = same.stream().filter(d -> d.part() == record.part() - 1).map(DeliveryRecord::remote).findFirst().orElse(null);
        RemotePost root = same.stream().filter(d -> d.part() == 0).map(DeliveryRecord::remote).findFirst().orElse(null);
        return parent == null ? delivery : delivery.replyingTo(parent, root);
    }

    private Attachment attachment(Media m) {
        return new Attachment(m.mimeType(), m.bytes(), m.altText(), () -> media.open(m.sha256()), null, null, null);
    }

    private Target target(long accountId) {
        Optional<Account> found = accounts.find(accountId);
        if (found.isEmpty()) return new Target(null, null, null, "account-removed", "The account was removed; nothing was sent.");
        Account account = found.get();
        Optional<Channel> channel = channels.of(account.network());
        if (channel.isEmpty()) {
            return new Target(account, null, null, "no-connector", "Social Desk has no connector for " + account.network().label() + ".");
        }
        if (!account.connected()) {
            return new Target(account, channel.get(), null, "account-disconnected", account.label() + " is not connected; connect it again.");
        }
        Optional<Credentials> credentials;
        try {
            credentials = accounts.credentials(accountId);
        } catch (SecretException e) {
            return new Target(account, channel.get(), null, "account-unreadable",
                    "The credentials of " + account.label() + " cannot be read with the key loaded now; connect it again.");
        }
        if (credentials.isEmpty()) {
            return new Target(account, channel.get(), null, "account-disconnected", account.label() + " has no credentials; connect it again.");
        }
        return new Target(account, channel.get(), new ChannelAccount(account.id(), account.network(), account.handle(), account.instance(),
                account.remoteId(), credentials.get()), null, null);
    }

    private static Instant nextAllowedAt(Target target) {
        try {
            return target.channel().nextAllowedAt(target.channelAccount());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Doubling from the first backoff, capped, with jitter (between half and all of it) so that many retries do not return together. */
    private Duration backoff(int attempts) {
        long base = settings.backoff().toMillis();
        long capped = Math.min(settings.maxBackoff().toMillis(), base << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Writes a change under this node's claim; null when the claim was lost (another node took the lease over and settles it). */
    private DeliveryRecord write(DeliveryRecord current, DeliveryRecord next) {
        Optional<DeliveryRecord> stored = deliveries.replace(current, next);
        if (stored.isEmpty()) LOG.info("Delivery " + current.id() + " changed under this node's claim; the node that holds it now settles it");
        return stored.orElse(null);
    }

    /** The same, through the group commit, and waits for it: the write must be on disk before the request it guards. */
    private DeliveryRecord writeSoon(DeliveryRecord current, DeliveryRecord next) {
        return commits.submit(() -> write(current, next)).join();
    }

    /**
     * A sent delivery is recorded whatever happened to the claim meanwhile: the network has it, and
     * whoever took the lease over would only settle it to the same answer (or leave it unconfirmed).
     */
    private DeliveryRecord writeSent(DeliveryRecord current, RemotePost remote, Instant sentAt) {
        DeliveryRecord at = current;
        for (int i = 0; i < 5; i++) {
            if (at.state() == DeliveryState.SENT) return at;
            Optional<DeliveryRecord> stored = deliveries.replace(at, at.sent(remote, sentAt));
            if (stored.isPresent()) return stored.get();
            at = deliveries.find(at.id()).orElse(at);
        }
        return at;
    }

}
