package io.socialdesk.core.publish;

import io.socialdesk.core.job.Job;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The publishing engine's tick, the same in both hosts: start the posts that came due (plan one delivery
 * per account and part, then move the post to Publishing), then claim due deliveries and send them, a few
 * accounts at a time and {@link PublishingSettings#perAccount()} requests per account, until nothing due is
 * left. Every claim goes through {@link DeliveryStore#replace}, so two ticks, two threads or two nodes never
 * send the same delivery; what one delivery does is {@link DeliverySending}'s job.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
    /** How often a tick also rolls up posts left Publishing with nothing pending (a node died between two writes). */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    /** Deliveries a worker claims in one write: a few dozen, so one commit serves many, and a lease is not held long unused. */
    private static final int CHUNK = 64;
    /** How long a tick with nothing claimable waits for more posts to be started before it looks again. */
    private static final Duration STARTS_POLL = Duration.ofMillis(20);
    /**
     * Rounds the start phase may have claimed ahead of the one being sent: enough that the lanes never wait for it,
     * few enough that a crash leaves little under a lease (it is sent when the lease ends) and that no claim waits long.
     */
    private static final int STARTED_AHEAD = 2;

    private final PostStore posts;
    private final DeliveryStore deliveries;
    private final DeliverySending sending;
    private final PublishingSettings settings;
    private final Clock clock;
    private final ExecutorService workers;
    private final ExecutorService starter;
    private volatile Instant lastSweep = Instant.EPOCH;

    public Publisher(PostStore posts, DeliveryStore deliveries, DeliverySending sending, PublishingSettings settings,
            Clock clock) {
        this.posts = posts;
        this.deliveries = deliveries;
        this.sending = sending;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "socialdesk-publisher-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(settings.workers(), named);
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "socialdesk-publisher-starter");
            t.setDaemon(true);
            return t;
        });
    }

    /** The background job: a tick every {@code interval}; the host runs it once per cluster or, being safe, on every node. */
    public Job job(Duration interval) {
        return Job.onEveryNode("io.socialdesk.publish", interval, startedAt -> tick());
    }

    /**
     * Starts what came due and sends what is due, until nothing due is left; answers how many deliveries it
     * handled. The due posts are started on their own thread, a page at a time, and each page hands over a
     * round of the first parts it inserted claimed; this thread sends those rounds first, and the deliveries
     * that are claimable (retries, later parts, others' expired leases, posts started alone) between them.
     */
    public int tick() {
        Instant now = clock.instant();
        BlockingQueue<DeliverySending.Round> started = new ArrayBlockingQueue<>(STARTED_AHEAD);
        AtomicBoolean ended = new AtomicBoolean();
        Future<?> starting = starter.submit(() -> startDuePosts(now, round -> handOver(started, round, ended)));
        if (!now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
            lastSweep = now;
            sweep();
        }
        int handled = 0;
        Running finishing = null;
        try {
            DeliverySending.Round next = null;
            while (true) {
                // Read before the claim: deliveries of a post started after this still get a look below.
                boolean allStarted = starting.isDone();
                DeliverySending.Round round = next != null ? next : nextRound(started, null);
                next = null;
                int n = 0;
                if (round != null) {
                    Running lanes = startLanes(round);
                    // The round before ends (its writes committed) while this one's lanes send, not between the two.
                    if (finishing != null) finishing.finish();
                    // While this round's lanes send, the next one is read and its checks prepared on this thread.
                    next = nextRound(started, round);
                    n = lanes.awaitLanes();
                    finishing = lanes;
                }
                handled += n;
                if (next == null && finishing != null) {
                    finishing.finish();
                    finishing = null;
                }
                if (n > 0 || next != null) continue;
                // Nothing claimable (or everything read was taken by another node, or held back): done once every due post is started.
                if (allStarted && started.isEmpty()) break;
                next = awaitStarted(started, STARTS_POLL);
                if (next == null && Thread.currentThread().isInterrupted()) break;
            }
        } finally {
            ended.set(true);
            if (finishing != null) finishing.finish();
            awaitStarts(starting);
        }
        return handled;
    }

    /**
     * Waits until the sending side has room for one more started round; false when the tick ended meanwhile (the
     * host is stopping): the round's deliveries are then sent by whoever claims them when their lease ends.
     */
    private static boolean handOver(BlockingQueue<DeliverySending.Round> started, DeliverySending.Round round, AtomicBoolean ended) {
        try {
            while (!started.offer(round, STARTS_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (ended.get()) return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The next round: one the start phase handed over, else the next batch of claimable deliveries, with what
     * its checks read ready; null when there is neither. A claimable batch is read after the one still running
     * (its deliveries may not be claimed yet), in the claim order; after a started round, from the start.
     */
    private DeliverySending.Round nextRound(BlockingQueue<DeliverySending.Round> started, DeliverySending.Round running) {
        DeliverySending.Round ready = started.poll();
        if (ready != null) return ready;
        List<DeliveryRecord> after = running == null || running.claimedAtStart() ? List.of() : running.deliveries();
        List<DeliveryRecord> batch = after.isEmpty() ? deliveries.claimable(clock.instant(), settings.batch())
                : deliveries.claimableAfter(after.get(after.size() - 1), clock.instant(), settings.batch());
        return batch.isEmpty() ? null : sending.round(batch);
    }

    /** Waits at most {@code atMost} for a round from the start phase; null when none came (or this thread was interrupted). */
    private static DeliverySending.Round awaitStarted(BlockingQueue<DeliverySending.Round> started, Duration atMost) {
        try {
            return started.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until the start phase ends; its failures are logged, the next tick tries again. */
    private static void awaitStarts(Future<?> starting) {
        try {
            starting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            LOG.log(Level.WARNING, "Starting the due posts stopped on an unexpected error; the next tick tries again", e.getCause());
        }
    }

    /**
     * Plans and starts every Scheduled post whose time has come, handing each page's round of claimed first
     * parts over to be sent (it waits while {@link #STARTED_AHEAD} rounds are waiting); the post's version is the lock against an edit at the same moment.
     */
    void startDuePosts(Instant now, java.util.function.Predicate<DeliverySending.Round> handOver) {
        while (true) {
            List<Post> due = posts.list(new PostQuery(Optional.empty(), Optional.of(now.plusMillis(1)), Optional.of(PostState.SCHEDULED),
                    Optional.empty(), Optional.empty(), PostQuery.MAX_LIMIT));
            // A round's worth of deliveries a transaction: their plans are one batch of inserts, the round's reads are shared by
            // as many as a claimable round's, and the first page is sent while the next is planned.
            int moved = 0;
            for (List<Post> page : pages(due, settings.batch())) {
                try {
                    DeliverySending.Started done = sending.startAll(page);
                    moved += done.posts();
                    if (done.round() != null && !handOver.test(done.round())) return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A due post could not be started; the next tick tries again", e);
                }
            }
            if (due.size() < PostQuery.MAX_LIMIT || moved == 0) return;
        }
    }

    /** {@code due} in pages of whole posts, each planning at most {@code deliveries} deliveries (a larger post alone). */
    static List<List<Post>> pages(List<Post> due, int deliveries) {
        List<List<Post>> pages = new ArrayList<>();
        List<Post> page = new ArrayList<>();
        int planned = 0;
        for (Post post : due) {
            int size = post.content().accountIds().size() * DeliveryPlan.partCount(post.content());
            if (!page.isEmpty() && planned + size > deliveries) {
                pages.add(page);
                page = new ArrayList<>();
                planned = 0;
            }
            page.add(post);
            planned += size;
        }
        if (!page.isEmpty()) pages.add(page);
        return pages;
    }

    /** Posts left Publishing with nothing pending: roll them up (the node that settled the last delivery died before it could). */
    void sweep() {
        for (Post post : posts.list(new PostQuery(Optional.empty(), Optional.empty(), Optional.of(PostState.PUBLISHING), Optional.empty(),
                Optional.empty(), PostQuery.MAX_LIMIT))) {
            sending.rollUp(post.id());
        }
    }

    /**
     * Starts one batch: a lane per account, each taking its deliveries in order, {@code perAccount} at a
     * time, on the shared workers. Answers how many deliveries were handled (claimed by this node), once
     * what they did is committed.
     */
    private Running startLanes(DeliverySending.Round round) {
        List<DeliveryRecord> batch = round.deliveries();
        Map<Long, ConcurrentLinkedQueue<DeliveryRecord>> lanes = new LinkedHashMap<>();
        for (DeliveryRecord d : batch) lanes.computeIfAbsent(d.accountId(), k -> new ConcurrentLinkedQueue<>()).add(d);
        AtomicInteger handled = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (Map.Entry<Long, ConcurrentLinkedQueue<DeliveryRecord>> lane : lanes.entrySet()) {
            int width = Math.min(settings.perAccount(), lane.getValue().size());
            // Each of the lane's workers gets a share, so that perAccount requests are in flight at once.
            Lane context = new Lane(lane.getValue(), round, Math.max(1, Math.min(CHUNK, (lane.getValue().size() + width - 1) / width)));
            for (int i = 0; i < width; i++) running.add(workers.submit(() -> context.drain(handled)));
        }
        return new Running(round, running, handled);
    }

    /** A round's lanes at work. */
    private final class Running {
        private final DeliverySending.Round round;
        private final List<Future<?>> lanes;
        private final AtomicInteger handled;

        Running(DeliverySending.Round round, List<Future<?>> lanes, AtomicInteger handled) {
            this.round = round;
            this.lanes = lanes;
            this.handled = handled;
        }

        /**
         * Waits for the lanes and hands what they left waiting to the group commit; answers how many deliveries
         * this node handled ({@link #finish} then waits until it is written).
         */
        int awaitLanes() {
            for (Future<?> f : lanes) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return handled.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.log(Level.WARNING, "A publishing lane stopped on an unexpected error; its deliveries are picked up again", e.getCause());
                }
            }
            sending.recordWaiting(round);
            return handled.get();
        }

        /** Waits until what the round handed to the group commit is written, and rolls up the posts it shared with another node. */
        void finish() {
            if (!Thread.currentThread().isInterrupted()) sending.finish(round);
        }
    }

    /** One account's deliveries in this batch; each worker on it claims a chunk at a time (one write) and sends it in order. */
    private final class Lane {
        private final ConcurrentLinkedQueue<DeliveryRecord> queue;
        private final DeliverySending.Round round;
        private final int chunk;
        private volatile Instant heldUntil;

        Lane(ConcurrentLinkedQueue<DeliveryRecord> queue, DeliverySending.Round round, int chunk) {
            this.queue = queue;
            this.round = round;
            this.chunk = chunk;
        }

        void drain(AtomicInteger handled) {
            while (true) {
                List<DeliveryRecord> next = new ArrayList<>(chunk);
                for (DeliveryRecord d; next.size() < chunk && (d = queue.poll()) != null; ) next.add(d);
                if (next.isEmpty()) return;
                if (heldUntil != null) {
                    for (DeliveryRecord d : next) sending.holdUntil(d, heldUntil, round);
                    continue;
                }
                for (DeliveryRecord claimed : sending.claim(next, round)) {
                    Instant held = heldUntil;
                    if (held != null) {
                        sending.release(claimed, held, round);
                        continue;
                    }
                    DeliverySending.Result result = sending.send(claimed, round);
                    if (result.claimed()) handled.incrementAndGet();
                    result.heldUntil().ifPresent(until -> heldUntil = until);
                    // A thread's next part is due the moment the part before it is sent: this lane sends it now, in order.
                    DeliveryRecord follow = result.followUp().orElse(null);
                    while (follow != null) {
                        DeliverySending.Result more = sending.handle(follow, round);
                        if (more.claimed()) handled.incrementAndGet();
                        follow = more.followUp().orElse(null);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        starter.shutdownNow();
        workers.shutdownNow();
        try {
            starter.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
