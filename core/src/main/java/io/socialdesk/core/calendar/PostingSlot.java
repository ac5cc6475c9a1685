package io.socialdesk.core.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A time of the week an account likes to post at: a weekday and a wall-clock time in the schedule's zone. */
public record PostingSlot(DayOfWeek day, LocalTime time) implements Comparable<PostingSlot> {
    public PostingSlot {
        Objects.requireNonNull(day, "day");
        time = time.withSecond(0).withNano(0);
    }

    /** {@code MONDAY 09:00}, as stored and as {@link #parse} reads back. */
    public String text() {
        return day + " " + time;
    }

    public String label(Locale locale) {
        return day.getDisplayName(TextStyle.FULL, locale) + " " + time;
    }

    /** {@code monday 09:00}, {@code MON 9:00}; empty for anything else. */
    public static Optional<PostingSlot> parse(String text) {
        if (text == null) return Optional.empty();
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) return Optional.empty();
        String d = parts[0].toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(d) || (d.length() == 3 && day.name().startsWith(d))) {
                try {
                    String t = parts[1].length() == 4 ? "0" + parts[1] : parts[1];
                    return Optional.of(new PostingSlot(day, LocalTime.parse(t)));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(PostingSlot o) {
        int c = day.compareTo(o.day);
        return c != 0 ? c : time.compareTo(o.time);
    }
}
