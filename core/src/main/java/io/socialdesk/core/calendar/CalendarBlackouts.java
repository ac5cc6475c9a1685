package io.socialdesk.core.calendar;

import io.socialdesk.core.publish.Blackouts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The publishing engine's {@link Blackouts} port over the calendar's stored periods: the engine asks before
 * each first part, the approval step before scheduling and rescheduling, and both tell the period and why.
 */
public final class CalendarBlackouts implements Blackouts {
    /** What {@link BlackoutStore#overlapping} answers at most: a full answer may be cut short, so it is not read ahead. */
    private static final int READ_AHEAD_MAX = 1000;

    private final BlackoutStore store;

    public CalendarBlackouts(BlackoutStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> blocking(String projectKey, long accountId, Instant at) {
        return first(store.overlapping(at, at.plusMillis(1)), projectKey, accountId, at);
    }

    /** The periods overlapping {@code [from, to)} in one read; the engine's round asks them in memory. */
    @Override
    public Blackouts during(Instant from, Instant to) {
        List<Blackout> periods = store.overlapping(from, to);
        if (periods.size() >= READ_AHEAD_MAX) return this;
        return (projectKey, accountId, at) -> at.isBefore(from) || !at.isBefore(to) ? blocking(projectKey, accountId, at)
                : first(periods, projectKey, accountId, at);
    }

    private static Optional<String> first(List<Blackout> periods, String projectKey, long accountId, Instant at) {
        return periods.stream().filter(b -> b.covers(projectKey, accountId, at)).findFirst().map(Blackout::explain);
    }
}
