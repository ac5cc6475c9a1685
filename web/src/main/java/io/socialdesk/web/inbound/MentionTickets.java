package io.socialdesk.web.inbound;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.InboundIntake;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.User;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * Each inbound mention becomes a work item of kind {@link ItemKind#MENTION}, reported by the
 * account's owner (the host's Social Desk user when it has none), with a one-line summary: where it came from, who wrote it, the start of
 * the text. Routing it to a department (issue 6) and keeping the whole item come later.
 */
public final class MentionTickets implements InboundIntake {
    /** Summaries are one line of at most this many characters (a Jira summary and the server's column hold 255). */
    public static final int MAX_SUMMARY = 250;

    private final IssueTracker tracker;
    private final AccountStore accounts;
    private final User fallbackReporter;

    /** Items are reported by the account's owner, or by {@code fallbackReporter} (null: none) when it has none. */
    public MentionTickets(IssueTracker tracker, AccountStore accounts, User fallbackReporter) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.fallbackReporter = fallbackReporter;
    }

    @Override
    public void accept(long accountId, Inbound item) {
        User reporter = accounts.find(accountId).map(Account::ownerKey).filter(Objects::nonNull)
                .map(owner -> new User(owner, owner, Set.of(), ZoneOffset.UTC))
                .orElse(fallbackReporter);
        if (reporter == null) {
            throw new IllegalStateException("account " + accountId + " has no owner to report its mentions");
        }
        tracker.open(ItemKind.MENTION, summary(item), reporter);
    }

    /** "Mention on Reddit from u/sam: Is the sale on?", on one line, control characters removed, cut at a whole character. */
    public static String summary(Inbound item) {
        String kind = item.kind().isEmpty() ? "Mention" : Character.toUpperCase(item.kind().charAt(0)) + item.kind().substring(1);
        String line = (kind + " from " + item.author().handle() + ": " + item.text())
                .replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= MAX_SUMMARY) return line;
        return line.substring(0, line.offsetByCodePoints(0, MAX_SUMMARY - 1)) + "…";
    }
}
