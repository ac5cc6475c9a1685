package io.socialdesk.core.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A dated occurrence on the calendar: a public holiday of a country, a built-in observance (Community Manager
 * Appreciation Day...), or one of the team's own dates with its note. {@code region} is the holiday's country
 * code (empty otherwise); {@code teamDateId} the stored team date it comes from (0 otherwise).
 */
public record KeyDate(LocalDate date, String name, Kind kind, String note, String region, long teamDateId) {
    public enum Kind {
        HOLIDAY, OBSERVANCE, TEAM;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note;
        region = region == null ? "" : region;
    }

    public static KeyDate holiday(LocalDate date, String name, String country) {
        return new KeyDate(date, name, Kind.HOLIDAY, "", country, 0);
    }

    public static KeyDate observance(LocalDate date, String name) {
        return new KeyDate(date, name, Kind.OBSERVANCE, "", "", 0);
    }
}
