package io.socialdesk.core.account;

import io.socialdesk.core.job.Job;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Keeps the accounts' health current and turns an account that must be reconnected into work for its owner.
 * Each run checks every connected account with its network (unless the network asked to wait), then, for an
 * account whose access was revoked or expired, or whose connection ends within the warning days, opens one
 * ticket for its owner and tells them. The ticket is remembered on the account, so the next runs open no
 * other; reconnecting the account forgets it. Runs once per cluster (Jira's scheduler, the server's leases).
 */
public final class AccountHealthJob implements Job {
    public static final String KEY = "io.socialdesk.account-health";
    public static final Duration INTERVAL = Duration.ofHours(1);
    /** Who acts in what the job records and sends: no person. */
    public static final String ACTOR = "socialdesk";
    private static final System.Logger LOG = System.getLogger(AccountHealthJob.class.getName());

    private final AccountStore accounts;
    private final AccountChecks checks;
    private final AccountSettings settings;
    private final IssueTracker tracker;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration interval;

    public AccountHealthJob(AccountStore accounts, AccountChecks checks, AccountSettings settings, IssueTracker tracker, Notifier notifier,
            Clock clock, Duration interval) {
        this.accounts = accounts;
        this.checks = checks;
        this.settings = settings;
        this.tracker = tracker;
        this.notifier = notifier;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run(Instant startedAt) {
        List<Account> all = accounts.list();
        int checked = 0;
        int tickets = 0;
        for (Account account : all) {
            try {
                Account current = account;
                if (account.connected()) {
                    AccountChecks.Result result = checks.check(account);
                    current = result.account();
                    if (result.called()) checked++;
                }
                if (attend(current)) tickets++;
            } catch (RuntimeException e) {
                // One account's trouble (the tracker refused, say) must not stop the others; the next run tries again.
                LOG.log(System.Logger.Level.WARNING, "Account health: account " + account.id() + " (" + account.network().label()
                        + ") could not be handled: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        LOG.log(System.Logger.Level.INFO, "Account health: " + checked + " of " + all.size() + " account(s) checked, " + tickets + " ticket(s) opened");
    }

    /** Opens the owner's ticket, once, when the account must be reconnected soon; true when it opened one. */
    boolean attend(Account account) {
        if (account.remoteId() == null || account.attention() != null || account.ownerKey() == null) return false;
        Instant now = clock.instant();
        String reason = reason(account, now.plus(Duration.ofDays(settings.warningDays())));
        if (reason == null) return false;
        String summary = "Reconnect " + account.label() + ": " + reason;
        TrackedItem item = tracker.open(ItemKind.ACCOUNT, summary, new User(account.ownerKey(), account.ownerKey(), Set.of(), ZoneOffset.UTC));
        accounts.markAttention(account.id(), item);
        notifier.send(new Notice(Notice.Kind.ACCOUNT_NEEDS_RECONNECT, 0, item.key(), item.url(), summary, ACTOR, List.of(),
                Set.of(account.ownerKey()), account.health().problemDetail() != null ? account.health().problemDetail() : sentence(reason), now));
        return true;
    }

    private static String sentence(String reason) {
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }

    /** Why the account must be reconnected before {@code horizon}, or null when it need not. */
    static String reason(Account account, Instant horizon) {
        Account.Health health = account.health();
        if ("revoked".equals(health.problem())) return "the network revoked Social Desk's access";
        if ("expired".equals(health.problem())) return "its connection has expired";
        if (Account.Health.UNREADABLE.equals(health.problem())) return "its stored credentials cannot be read";
        if (health.tokenExpiresAt() != null && !health.tokenExpiresAt().isAfter(horizon)) {
            return "its connection ends at " + health.tokenExpiresAt();
        }
        return null;
    }
}
