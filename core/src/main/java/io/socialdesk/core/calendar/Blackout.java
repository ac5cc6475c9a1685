package io.socialdesk.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A period in which posts must not go out: a blackout (a quiet period, a crisis, a strike) or an embargo
 * (news that may not be told before a time). It covers {@code [start, end)}, shown in {@code zone}; for one
 * project (empty: every project) and some accounts (empty: every account). The reason is what a person told,
 * and what an author is told when their post is refused.
 */
public record Blackout(long id, String projectKey, String name, Kind kind, Instant start, Instant end, ZoneId zone, Set<Long> accountIds,
        String reason, String createdBy, Instant createdAt, int version) {
    public enum Kind {
        BLACKOUT, EMBARGO;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Blackout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end)) throw new IllegalArgumentException("a blackout starts before it ends");
        projectKey = projectKey == null ? "" : projectKey;
        accountIds = Set.copyOf(accountIds);
        reason = reason == null ? "" : reason;
        createdBy = createdBy == null ? "" : createdBy;
    }

    /**
     * Whether it forbids publishing for {@code projectKey} on {@code accountId} at {@code at}. An account id
     * of 0 or less (a post with no account yet) is covered only by periods for every account.
     */
    public boolean covers(String projectKey, long accountId, Instant at) {
        return !at.isBefore(start) && at.isBefore(end) && (this.projectKey.isEmpty() || this.projectKey.equals(projectKey))
                && (accountIds.isEmpty() || accountIds.contains(accountId));
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    /** Whether the viewer's day {@code date} (in {@code viewer}) has any moment in the period. */
    public boolean touches(LocalDate date, ZoneId viewer) {
        return overlaps(date.atStartOfDay(viewer).toInstant(), date.plusDays(1).atStartOfDay(viewer).toInstant());
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(start, zone);
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.ofInstant(end, zone);
    }

    /** The sentence a refused author reads: which period, when, and why. */
    public String explain() {
        String what = kind == Kind.EMBARGO ? "the embargo" : "the blackout period";
        return "This time falls in " + what + " \"" + name + "\" (" + localStart() + " to " + localEnd() + " " + zone + ")"
                + (reason.isBlank() ? "." : ": " + reason);
    }
}
