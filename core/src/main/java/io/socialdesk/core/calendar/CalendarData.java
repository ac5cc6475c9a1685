package io.socialdesk.core.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * What a calendar shows for one query: the posts (at most {@link CalendarService#MAX_ENTRIES}, with
 * {@code truncated} saying when there were more), the key dates, the blackout periods, the clashes and the
 * gaps, and the viewer's today.
 */
public record CalendarData(CalendarQuery query, List<CalendarEntry> entries, boolean truncated, List<KeyDate> keyDates,
        List<Blackout> blackouts, List<Clash> clashes, List<Gap> gaps, LocalDate today) {
    public CalendarData {
        entries = List.copyOf(entries);
        keyDates = List.copyOf(keyDates);
        blackouts = List.copyOf(blackouts);
        clashes = List.copyOf(clashes);
        gaps = List.copyOf(gaps);
    }
}
