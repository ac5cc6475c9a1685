package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * First-response and resolution times of the inbox's tickets, per department and per network: from the first
 * inbound message of the ticket's conversation to the first reply sent from it (through the outbox), and to its
 * resolution (when it is resolved now). Medians and means over the tickets whose first message came in the period.
 */
public final class ResponseTimes {
    /** At most this many tickets are read for one report. */
    public static final int MAX_TICKETS = 10_000;
    /** The longest period a report covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    /** The figures of one group of tickets; durations are null when no ticket of the group has one. */
    public record Figures(String group, int tickets, int answered, Duration medianFirstResponse, Duration meanFirstResponse, int resolved,
            Duration medianResolution, Duration meanResolution) {}

    /** A report: the period, all tickets, then one row per department and per network (sorted by name). */
    public record Report(Instant from, Instant to, Figures all, List<Figures> byDepartment, List<Figures> byNetwork, boolean truncated) {}

    /** One ticket's measures (null when not answered or not resolved). */
    public record Measured(InboxTickets.Opened ticket, Duration firstResponse, Duration resolution) {}

    private final InboxTickets opened;
    private final ReplyStore replies;
    private final TicketTracker tickets;
    private final Clock clock;

    public ResponseTimes(InboxTickets opened, ReplyStore replies, TicketTracker tickets, Clock clock) {
        this.opened = opened;
        this.replies = replies;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The report for {@code [from, to)}; either may be null: to the end of today (UTC), from 30 days before the end. */
    public Report report(Instant from, Instant to) {
        Instant end = to == null ? clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) throw new InvalidInputException("from", "before-to", "The period must start before it ends.");
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("from", "max-period", "A report covers at most " + MAX_PERIOD.toDays() + " days.");
        }
        List<InboxTickets.Opened> found = opened.openedBetween(start, end, MAX_TICKETS + 1);
        boolean truncated = found.size() > MAX_TICKETS;
        List<InboxTickets.Opened> counted = truncated ? found.subList(0, MAX_TICKETS) : found;
        Map<String, Instant> firstSent = replies.firstSent(counted.stream().map(o -> o.ticket().key()).toList());
        List<Measured> measured = new ArrayList<>();
        for (InboxTickets.Opened o : counted) {
            Instant replied = firstSent.get(o.ticket().key());
            TicketStatus status = tickets.status(o.ticket());
            measured.add(new Measured(o, since(o.firstInboundAt(), replied), status.resolved() ? since(o.firstInboundAt(), status.resolvedAt()) : null));
        }
        return new Report(start, end, figures("all", measured), groups(measured, m -> m.ticket().department()),
                groups(measured, m -> m.ticket().network().label()), truncated);
    }

    private static Duration since(Instant first, Instant then) {
        if (then == null) return null;
        return then.isBefore(first) ? Duration.ZERO : Duration.between(first, then);
    }

    private static List<Figures> groups(List<Measured> measured, Function<Measured, String> by) {
        Map<String, List<Measured>> groups = new TreeMap<>();
        for (Measured m : measured) groups.computeIfAbsent(by.apply(m), k -> new ArrayList<>()).add(m);
        return groups.entrySet().stream().map(e -> figures(e.getKey(), e.getValue())).toList();
    }

    static Figures figures(String group, List<Measured> measured) {
        List<Duration> first = measured.stream().map(Measured::firstResponse).filter(d -> d != null).sorted().toList();
        List<Duration> resolution = measured.stream().map(Measured::resolution).filter(d -> d != null).sorted().toList();
        return new Figures(group, measured.size(), first.size(), median(first), mean(first), resolution.size(), median(resolution),
                mean(resolution));
    }

    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) return null;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    static Duration mean(List<Duration> all) {
        if (all.isEmpty()) return null;
        return all.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(all.size());
    }

    /** A duration as people read it: "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
    public static String words(Duration d) {
        if (d == null) return "";
        long s = d.getSeconds();
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min";
        if (s < 86_400) return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        return (s / 86_400) + " d " + ((s % 86_400) / 3600) + " h";
    }

    static Comparator<InboxTickets.Opened> oldestFirst() {
        return Comparator.comparing(InboxTickets.Opened::firstInboundAt);
    }
}
