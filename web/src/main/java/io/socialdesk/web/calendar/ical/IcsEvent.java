package io.socialdesk.web.calendar.ical;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One post as a timed iCalendar event. {@code uid} stays the same for the post's whole life and {@code sequence}
 * grows with each saved change, so a calendar client updates the event it has instead of adding a second one.
 * {@code start} keeps the post's own zone: the feed says 09:00 Europe/Paris, not an offset.
 */
public record IcsEvent(String uid, String title, ZonedDateTime start, Duration length, String description, URI url,
        int sequence, Instant lastModified, Status status, List<String> categories) {
    /** RFC 5545's STATUS values for an event. */
    public enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    public IcsEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(status, "status");
        if (sequence < 0) throw new IllegalArgumentException("sequence must be 0 or more");
        categories = List.copyOf(categories);
    }
}
