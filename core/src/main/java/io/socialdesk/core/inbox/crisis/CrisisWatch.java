package io.socialdesk.core.inbox.crisis;

import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.inbox.FiledItems;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.crisis.CrisisDetector.Step;
import io.socialdesk.core.inbox.crisis.CrisisDetector.Verdict;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns spikes of negative mentions into crisis tickets: ONE ticket per spike, however many mentions it has. The
 * import pipeline calls {@link #observe} for every item it filed (after triage and ticketing); the first negative
 * that makes its window a spike opens the ticket through {@link CrisisDesk#open} (linked to that window's
 * negatives) and alerts {@link CrisisSettings#alert()} through the {@link Notifier}; the spike's later negatives
 * are linked to the same ticket ({@link CrisisDesk#grow}); when the spike ends the ticket is told
 * ({@link CrisisDesk#calm}) and the next spike opens a new one. {@link #tick()}, run every window or so, ends spikes
 * when no mention comes at all.
 *
 * <p>Mentions count at the time they were written (so a late page still lands in its window), but one written
 * more than a window before now is not counted: an import catching up after a pause does not read as a spike.
 *
 * <p>If the desk fails to open the ticket, the spike stays marked and the next negative (or tick) tries again,
 * with the mentions kept meanwhile. Calls for one account are serialised within this instance.
 */
public final class CrisisWatch {
    /** Who acts in what the watch opens and sends: no person. */
    public static final String ACTOR = "socialdesk";
    public static final String JOB_KEY = "io.socialdesk.inbox.crisis";
    /** Besides {@link CrisisSettings#alert()}: the marketing leads, who own what the brand says in public. */
    static final List<DepartmentRule> ALERTED = List.of(DepartmentRule.anyOne(Department.MARKETING));
    private static final System.Logger LOG = System.getLogger(CrisisWatch.class.getName());
    /** Beyond the link limit, the ticket's count is updated every this many negatives. */
    private static final int COUNT_EVERY = 10;

    private final CrisisDetector detector;
    private final CrisisStates states;
    private final CrisisDesk desk;
    private final Notifier notifier;
    private final Clock clock;
    private final java.util.function.Supplier<java.util.Set<String>> alert;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public CrisisWatch(CrisisSettings settings, CrisisStates states, CrisisDesk desk, Notifier notifier, Clock clock) {
        this(settings, states, desk, notifier, clock, settings::alert);
    }

    /** {@code alert}: who is told besides the marketing leads, read when a crisis opens (the list an administrator keeps). */
    public CrisisWatch(CrisisSettings settings, CrisisStates states, CrisisDesk desk, Notifier notifier, Clock clock,
            java.util.function.Supplier<java.util.Set<String>> alert) {
        this.alert = Objects.requireNonNull(alert, "alert");
        this.detector = new CrisisDetector(settings);
        this.states = Objects.requireNonNull(states, "states");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One item the pipeline filed for an account: counted when its mood is negative. {@code ticketKey} is the
     * ticket it is on (its own, or its conversation's), or null.
     */
    public Verdict observe(String accountId, Inbound item, Triage triage, String ticketKey) {
        Instant at = item.createdAt() != null ? item.createdAt() : clock.instant();
        return observe(accountId, new Mention(item.externalId(), item.url(), at, ticketKey), triage.mood());
    }

    /** As {@link #observe(String, Inbound, Triage, String)}; {@code CALM} for what is not counted. */
    public Verdict observe(String accountId, Mention mention, Triage.Sentiment mood) {
        Objects.requireNonNull(accountId, "accountId");
        if (mood != Triage.Sentiment.NEGATIVE) return Verdict.CALM;
        Instant now = clock.instant();
        Duration window = detector.settings().window();
        if (mention.at().isBefore(now.minus(window))) return Verdict.CALM;
        Instant at = mention.at().isAfter(now) ? now : mention.at();
        synchronized (lock(accountId)) {
            CrisisState state = current(accountId);
            Step step = detector.observe(state.baseline(), at);
            if (step.ended()) state = ended(accountId, state, state.baseline());
            Baseline b = step.baseline();
            List<Mention> pending = state.pending();
            int negatives = state.negatives();
            int linked = state.linked();
            TrackedItem ticket = state.ticket();
            // The window moved on without a spike: the mentions kept for a ticket are no longer needed.
            if (!b.inSpike() && b.bucket() != state.baseline().bucket()) pending = List.of();
            switch (step.verdict()) {
                case CALM -> pending = append(pending, mention);
                case STARTED -> {
                    pending = append(pending, mention);
                    negatives = b.count();
                }
                case GROWING -> {
                    negatives++;
                    if (ticket == null || linked < detector.settings().maxLinks()) pending = append(pending, mention);
                }
            }
            CrisisState next = new CrisisState(b, ticket, negatives, linked, pending);
            states.put(accountId, next);
            if (b.inSpike()) {
                try {
                    attend(accountId, next, now);
                } catch (RuntimeException e) {
                    // The import goes on; the mentions stay pending and the next negative or tick tries again.
                    LOG.log(System.Logger.Level.WARNING, "Crisis watch: the crisis ticket of account " + accountId + " could not be "
                            + (ticket == null ? "opened" : "updated") + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
            }
            return step.verdict();
        }
    }

    /** Counts what the inbox filed: each item on its account, linked to the ticket it was filed on. */
    public FiledItems counting() {
        return (items, ticket) -> {
            for (InboxItem item : items) observe(String.valueOf(item.accountId()), item.inbound(), item.triage(), ticket.key());
        };
    }

    /** {@link #tick()} as a job, once per cluster, a few times a window so that a spike that stopped is told soon. */
    public Job job() {
        return Job.every(JOB_KEY, detector.settings().window().dividedBy(3), startedAt -> tick());
    }

    /** Closes the windows that ended: a spike with no negatives for {@code calmWindows} windows is over. */
    public void tick() {
        Instant now = clock.instant();
        for (String accountId : states.accounts()) {
            try {
                synchronized (lock(accountId)) {
                    CrisisState state = current(accountId);
                    Step step = detector.advance(state.baseline(), now);
                    if (step.baseline().equals(state.baseline())) {
                        if (state.baseline().inSpike() && state.ticket() == null) attend(accountId, state, now);
                        continue;
                    }
                    CrisisState next = step.ended() ? ended(accountId, state, step.baseline())
                            : new CrisisState(step.baseline(), state.ticket(), state.negatives(), state.linked(),
                                    step.baseline().inSpike() ? state.pending() : List.of());
                    states.put(accountId, next);
                    if (next.baseline().inSpike() && next.ticket() == null) attend(accountId, next, now);
                }
            } catch (RuntimeException e) {
                // One account's trouble (the tracker refused, say) must not stop the others; the next tick tries again.
                LOG.log(System.Logger.Level.WARNING, "Crisis watch: account " + accountId + " could not be handled: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
    }

    /** The account's current detection state (for a page that shows the usual level, or a host that stores it). */
    public CrisisState state(String accountId) {
        return current(accountId);
    }

    /** The count that would make the account's current window a spike. */
    public int bound(String accountId) {
        return detector.bound(current(accountId).baseline());
    }

    private CrisisState current(String accountId) {
        CrisisState s = states.get(accountId);
        return s == null ? CrisisState.NEW : s;
    }

    private Object lock(String accountId) {
        return locks.computeIfAbsent(accountId, k -> new Object());
    }

    private List<Mention> append(List<Mention> pending, Mention m) {
        if (pending.size() >= detector.settings().maxLinks()) return pending;
        List<Mention> out = new ArrayList<>(pending.size() + 1);
        out.addAll(pending);
        out.add(m);
        return out;
    }

    private Crisis crisis(String accountId, CrisisState s) {
        Baseline b = s.baseline();
        Instant since = Instant.ofEpochSecond((b.inSpike() ? b.spike() : b.bucket()) * detector.settings().window().toSeconds());
        return new Crisis(accountId, since, s.negatives(), detector.bound(b), b.mean(), detector.settings().window());
    }

    /** The list to alert; a store that fails must not keep the marketing leads from being told. */
    private java.util.Set<String> alertList() {
        try {
            return alert.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The crisis alert list could not be read; the marketing leads are told", e);
            return detector.settings().alert();
        }
    }

    /** Opens the spike's ticket (once) or links what is pending to it; the state is saved after each effect. */
    private void attend(String accountId, CrisisState s, Instant now) {
        Crisis crisis = crisis(accountId, s);
        if (s.ticket() == null) {
            TrackedItem ticket = desk.open(crisis, s.pending());
            CrisisState opened = new CrisisState(s.baseline(), ticket, s.negatives(), s.pending().size(), List.of());
            states.put(accountId, opened);
            notifier.send(new Notice(Notice.Kind.CRISIS, 0, ticket.key(), ticket.url(), crisis.summary(), ACTOR, ALERTED,
                    alertList(), "Negative mentions on this account are far above their usual level.", now));
            return;
        }
        boolean links = !s.pending().isEmpty();
        if (!links && s.negatives() % COUNT_EVERY != 0) return;
        desk.grow(s.ticket(), crisis, s.pending());
        states.put(accountId, new CrisisState(s.baseline(), s.ticket(), s.negatives(), s.linked() + s.pending().size(), List.of()));
    }

    /** Tells the spike's ticket it is over; the account's next state has {@code next} and no crisis. */
    private CrisisState ended(String accountId, CrisisState s, Baseline next) {
        if (s.ticket() != null) {
            Crisis crisis = new Crisis(accountId, Instant.ofEpochSecond(s.baseline().spike() * detector.settings().window().toSeconds()),
                    s.negatives(), detector.bound(s.baseline()), s.baseline().mean(), detector.settings().window());
            desk.calm(s.ticket(), crisis);
        }
        return new CrisisState(next, null, 0, 0, List.of());
    }
}
