package io.socialdesk.core.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An account's rhythm: its posting slots (weekday + time in {@code zone}), the minimum spacing between two of
 * its posts (closer is a clash; zero: no clash check), and after how many days without a post the calendar
 * shows a gap (zero: none). Version 0 is an account without a stored schedule.
 */
public record PostingSchedule(long accountId, ZoneId zone, List<PostingSlot> slots, Duration minSpacing, int gapDays, int version) {
    public static final int MAX_SLOTS = 100;
    public static final int MAX_GAP_DAYS = 90;
    public static final Duration MAX_SPACING = Duration.ofDays(7);

    public PostingSchedule {
        Objects.requireNonNull(zone, "zone");
        slots = slots.stream().distinct().sorted().toList();
        if (minSpacing.isNegative() || minSpacing.compareTo(MAX_SPACING) > 0) throw new IllegalArgumentException("spacing 0 to 7 days");
        if (gapDays < 0 || gapDays > MAX_GAP_DAYS) throw new IllegalArgumentException("gap days 0 to " + MAX_GAP_DAYS);
    }

    /** What an account without a stored schedule has: no slots, no spacing, no gap check. */
    public static PostingSchedule none(long accountId, ZoneId zone) {
        return new PostingSchedule(accountId, zone, List.of(), Duration.ZERO, 0, 0);
    }
}
