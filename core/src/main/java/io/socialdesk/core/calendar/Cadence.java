package io.socialdesk.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Clashes and gaps, computed from the posts that will go out and each account's schedule. */
public final class Cadence {
    private Cadence() {}

    /** Per account with a spacing: each pair of consecutive posts closer than it (posts sorted by time). */
    public static List<Clash> clashes(List<CalendarEntry> entries, Map<Long, PostingSchedule> schedules) {
        List<Clash> out = new ArrayList<>();
        schedules.forEach((accountId, s) -> {
            if (s.minSpacing().isZero()) return;
            CalendarEntry previous = null;
            for (CalendarEntry e : on(entries, accountId)) {
                if (previous != null) {
                    Duration apart = Duration.between(previous.plannedAt(), e.plannedAt());
                    if (apart.compareTo(s.minSpacing()) < 0) {
                        out.add(new Clash(accountId, previous.postId(), e.postId(), previous.plannedAt(), e.plannedAt(), apart, s.minSpacing()));
                    }
                }
                previous = e;
            }
        });
        out.sort(Comparator.comparing(Clash::second).thenComparing(Clash::accountId));
        return out;
    }

    /**
     * Per account with gap days N: each run of at least N whole days of {@code [from, to)} (the viewer's days)
     * without a post. {@code entries} should reach N days before {@code from}, so that a post just before the
     * range ends a gap there.
     */
    public static List<Gap> gaps(List<CalendarEntry> entries, Map<Long, PostingSchedule> schedules, LocalDate from, LocalDate to, ZoneId viewer) {
        List<Gap> out = new ArrayList<>();
        schedules.forEach((accountId, s) -> {
            if (s.gapDays() == 0) return;
            LocalDate emptySince = from.minusDays(s.gapDays());
            long after = 0;
            for (CalendarEntry e : on(entries, accountId)) {
                LocalDate day = LocalDate.ofInstant(e.plannedAt(), viewer);
                if (day.isBefore(emptySince)) continue;
                add(out, accountId, emptySince, day, from, to, s.gapDays(), after);
                emptySince = day.plusDays(1);
                after = e.postId();
            }
            add(out, accountId, emptySince, to, from, to, s.gapDays(), after);
        });
        out.sort(Comparator.comparing(Gap::from).thenComparing(Gap::accountId));
        return out;
    }

    private static void add(List<Gap> out, long accountId, LocalDate emptyFrom, LocalDate emptyTo, LocalDate from, LocalDate to, int gapDays,
            long after) {
        long days = ChronoUnit.DAYS.between(emptyFrom, emptyTo);
        if (days < gapDays) return;
        LocalDate shownFrom = emptyFrom.isBefore(from) ? from : emptyFrom;
        LocalDate shownTo = emptyTo.isAfter(to) ? to : emptyTo;
        if (shownFrom.isBefore(shownTo)) out.add(new Gap(accountId, shownFrom, shownTo, days, after));
    }

    private static List<CalendarEntry> on(List<CalendarEntry> entries, long accountId) {
        return entries.stream().filter(CalendarEntry::goesOut).filter(e -> e.accountIds().contains(accountId))
                .sorted(Comparator.comparing(CalendarEntry::plannedAt).thenComparing(CalendarEntry::postId)).toList();
    }

    /** The instants an account's posts take, for {@link Slots}. */
    public static List<Instant> taken(List<CalendarEntry> entries, long accountId) {
        return on(entries, accountId).stream().map(CalendarEntry::plannedAt).toList();
    }
}
