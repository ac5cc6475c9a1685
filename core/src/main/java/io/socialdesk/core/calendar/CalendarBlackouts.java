package io.socialdesk.core.calendar;

import io.socialdesk.core.publish.Blackouts;
import java.time.Instant;
import java.util.Optional;

/**
 * The publishing engine's {@link Blackouts} port over the calendar's stored periods: the engine asks before
 * each first part, the approval step before scheduling and rescheduling, and both tell the period and why.
 */
public final class CalendarBlackouts implements Blackouts {
    private final BlackoutStore store;

    public CalendarBlackouts(BlackoutStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> blocking(String projectKey, long accountId, Instant at) {
        return store.overlapping(at, at.plusMillis(1)).stream().filter(b -> b.covers(projectKey, accountId, at)).findFirst()
                .map(Blackout::explain);
    }
}
