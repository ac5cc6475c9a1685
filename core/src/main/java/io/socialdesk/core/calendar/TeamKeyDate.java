package io.socialdesk.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One of the team's own key dates, as stored: a name, a rule ({@link KeyDateRule}: once, yearly, n-th weekday,
 * from Easter), a note for the team, and the project it belongs to (empty: every project).
 */
public record TeamKeyDate(long id, String projectKey, String name, KeyDateRule rule, String note, String createdBy, Instant createdAt) {
    public TeamKeyDate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        projectKey = projectKey == null ? "" : projectKey;
        note = note == null ? "" : note;
    }

    public List<KeyDate> between(LocalDate from, LocalDate to) {
        return rule.between(from, to).stream().map(d -> new KeyDate(d, name, KeyDate.Kind.TEAM, note, "", id)).toList();
    }
}
