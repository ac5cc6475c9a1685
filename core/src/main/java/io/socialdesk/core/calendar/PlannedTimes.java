package io.socialdesk.core.calendar;

import io.socialdesk.core.post.PlannedTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Planned times as the calendar moves them. A wall-clock time the clocks skip (02:30 on the spring-forward day
 * in Paris) is resolved forward by the length of the gap (03:30), and the person is told; a time that happens
 * twice (the autumn overlap) is the first of the two, as {@link PlannedTime#instant()} says.
 */
public final class PlannedTimes {
    private PlannedTimes() {}

    /** A planned time and, when it was moved out of a gap, the sentence that tells the person. */
    public record Resolved(PlannedTime planned, Optional<String> notice) {}

    public static Resolved resolve(LocalDateTime local, ZoneId zone) {
        PlannedTime asked = new PlannedTime(local, zone);
        if (!asked.isInGap()) return new Resolved(asked, Optional.empty());
        LocalDateTime moved = ZonedDateTime.ofLocal(local, zone, null).toLocalDateTime();
        return new Resolved(new PlannedTime(moved, zone), Optional.of(local + " does not exist in " + zone
                + " (the clocks skip that hour); the post is planned at " + moved.toLocalTime() + " instead."));
    }
}
