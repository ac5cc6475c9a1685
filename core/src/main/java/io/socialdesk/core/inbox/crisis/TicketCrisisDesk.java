package io.socialdesk.core.inbox.crisis;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The crisis desk of both hosts, over their {@link TicketTracker}: a crisis is a ticket at the highest priority, in the
 * project of the routing rules' default route (the rest, watched by the community team), labelled
 * {@value #LABEL}. It names the mentions of the spike with their links and the tickets they were filed on (Jira
 * links issue keys named in text); growth and the end of the spike are comments. Every call is safe to repeat: the
 * ticket is found again by its key, and each comment has its own key.
 */
public final class TicketCrisisDesk implements CrisisDesk {
    public static final String LABEL = "social-crisis";
    public static final String PRIORITY = "Highest";
    /** Every crisis ticket's key starts so (then the account and the spike's start): how forgetting a person finds them. */
    public static final String KEY_PREFIX = "crisis:";

    private final TicketTracker tickets;
    private final AccountStore accounts;
    private final Supplier<Route> defaultRoute;
    private final User fallbackReporter;

    /** {@code defaultRoute}: where the rest goes (read at each crisis: an admin may change it); {@code fallbackReporter}: for an account without owner (null: none; the watch tries again once the account has one). */
    public TicketCrisisDesk(TicketTracker tickets, AccountStore accounts, Supplier<Route> defaultRoute, User fallbackReporter) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.defaultRoute = Objects.requireNonNull(defaultRoute, "defaultRoute");
        this.fallbackReporter = fallbackReporter;
    }

    @Override
    public TrackedItem open(Crisis crisis, List<Mention> mentions) {
        String key = key(crisis);
        Optional<TrackedItem> found = tickets.find(key);
        if (found.isPresent()) return found.get();
        Optional<Account> account = account(crisis);
        Route usual = defaultRoute.get();
        List<String> labels = new ArrayList<>(usual.labels());
        if (!labels.contains(LABEL)) labels.add(LABEL);
        Route route = new Route(usual.project(), usual.issueType(), usual.requestType(), usual.component(), PRIORITY, labels, usual.assignee());
        String label = account.map(Account::label).orElse("account " + crisis.accountId());
        String description = "Negative mentions of " + label + " are far above their usual level: " + crisis.negatives()
                + " since " + crisis.since() + " (the bound was " + crisis.bound() + " per " + crisis.window().toMinutes()
                + " minutes; usually " + String.format(java.util.Locale.ROOT, "%.1f", crisis.usual()) + ").\n\n"
                + "The mentions in the spike:\n" + lines(mentions);
        return tickets.open(new Ticket(key, route, crisis.summary(), description, Ticket.reporterOf(accountId(crisis), account, fallbackReporter)));
    }

    @Override
    public void grow(TrackedItem ticket, Crisis crisis, List<Mention> mentions) {
        String first = mentions.isEmpty() ? "count" : mentions.get(0).externalId();
        String text = "Now " + crisis.negatives() + " negative mentions since " + crisis.since() + "."
                + (mentions.isEmpty() ? "" : "\n\nMore mentions in the spike:\n" + lines(mentions));
        tickets.comment(ticket, key(crisis) + "/grow/" + crisis.negatives() + "/" + first, text);
    }

    @Override
    public void calm(TrackedItem ticket, Crisis crisis) {
        tickets.comment(ticket, key(crisis) + "/calm", "The spike is over: " + crisis.negatives() + " negative mentions since "
                + crisis.since() + ", and the last windows were back under " + crisis.bound() + ". Close this ticket when the team is done with it.");
    }

    /** One crisis ticket per account and spike start, whoever opens it and however often. */
    static String key(Crisis crisis) {
        return KEY_PREFIX + crisis.accountId() + ":" + crisis.since().getEpochSecond();
    }

    private static String lines(List<Mention> mentions) {
        StringBuilder out = new StringBuilder();
        for (Mention m : mentions) {
            out.append("- ").append(m.url() != null ? m.url() : m.externalId());
            if (m.ticketKey() != null) out.append(" (").append(m.ticketKey()).append(')');
            out.append('\n');
        }
        return out.toString();
    }

    private Optional<Account> account(Crisis crisis) {
        long id = accountId(crisis);
        return id < 0 ? Optional.empty() : accounts.find(id);
    }

    /** The watch keys accounts by their id as text; -1 for a key that is not one. */
    private static long accountId(Crisis crisis) {
        try {
            return Long.parseLong(crisis.accountId());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
