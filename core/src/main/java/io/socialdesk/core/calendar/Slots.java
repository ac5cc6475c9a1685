package io.socialdesk.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The next free posting slot of an account: the first slot after a moment that no post takes (none closer
 * than the minimum spacing, or at that very instant when there is none) and no blackout covers. A slot
 * whose time the clocks skip is taken at the same moment moved forward (02:30 → 03:30), as
 * {@link PlannedTimes#resolve} does.
 */
public final class Slots {
    /** How far ahead a free slot is looked for: bounded work, whatever the schedule. */
    public static final int HORIZON_DAYS = 92;

    private Slots() {}

    public static Optional<ZonedDateTime> nextFree(PostingSchedule schedule, Instant after, List<Instant> taken, Predicate<Instant> blocked) {
        return fill(schedule, after, taken, blocked, 1).stream().findFirst();
    }

    /** The next {@code count} free slots, each taking its place before the next is looked for (the queue). */
    public static List<ZonedDateTime> fill(PostingSchedule schedule, Instant after, List<Instant> taken, Predicate<Instant> blocked, int count) {
        List<ZonedDateTime> found = new ArrayList<>();
        if (schedule.slots().isEmpty() || count < 1) return found;
        TreeSet<Instant> busy = new TreeSet<>(taken);
        LocalDate day = LocalDate.ofInstant(after, schedule.zone());
        for (int i = 0; i <= HORIZON_DAYS && found.size() < count; i++, day = day.plusDays(1)) {
            for (PostingSlot slot : schedule.slots()) {
                if (slot.day() != day.getDayOfWeek()) continue;
                ZonedDateTime at = ZonedDateTime.ofLocal(day.atTime(slot.time()), schedule.zone(), null);
                Instant instant = at.toInstant();
                if (!instant.isAfter(after) || blocked.test(instant) || isBusy(busy, instant, schedule.minSpacing())) continue;
                found.add(at);
                busy.add(instant);
                if (found.size() == count) break;
            }
        }
        return found;
    }

    private static boolean isBusy(TreeSet<Instant> busy, Instant at, Duration spacing) {
        if (spacing.isZero()) return busy.contains(at);
        Instant before = busy.floor(at);
        Instant later = busy.ceiling(at);
        return (before != null && Duration.between(before, at).compareTo(spacing) < 0)
                || (later != null && Duration.between(at, later).compareTo(spacing) < 0);
    }
}
