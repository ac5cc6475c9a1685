package io.socialdesk.web.calendar.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A key date or a blackout as an all-day event: {@code DTSTART;VALUE=DATE} and an exclusive {@code DTEND}.
 * {@code lastModified} is null when unknown (a rules-table holiday): no LAST-MODIFIED, and DTSTAMP is the feed's time.
 */
public record IcsDay(String uid, String title, LocalDate first, LocalDate last, String description, int sequence, Instant lastModified) {
    public IcsDay {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(description, "description");
        if (last.isBefore(first)) throw new IllegalArgumentException("last must not be before first");
    }
}
