package io.socialdesk.core.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a post should go out, as the author meant it: a wall-clock time in an IANA zone. The wall
 * clock is the truth, so a post planned at 09:00 Europe/Paris stays at 09:00 Paris time on both
 * sides of a daylight-saving change; the instant is derived from it with the zone rules in force.
 */
public record PlannedTime(LocalDateTime local, ZoneId zone) {
    public PlannedTime {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * The instant this wall-clock time names. In an autumn overlap (the hour that happens twice) it
     * is the first of the two; a time in a spring gap is refused earlier, by {@link #isInGap()}.
     */
    public Instant instant() {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** True when the clocks skip this time (e.g. 02:30 on the last Sunday of March in Paris). */
    public boolean isInGap() {
        return zone.getRules().getValidOffsets(local).isEmpty();
    }
}
