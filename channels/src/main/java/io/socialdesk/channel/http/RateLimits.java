package io.socialdesk.channel.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Next allowed at" per account, learnt from the networks' rate-limit answers: a 429's
 * {@code Retry-After}, and a reset time once the remaining budget is spent. Each network writes its
 * reset differently (Mastodon an ISO date, Bluesky and X epoch seconds), so each connector passes its
 * own reading here.
 */
public final class RateLimits {
    /** When a 429 says nothing about when to come back. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<Long, Instant> nextAllowed = new ConcurrentHashMap<>();

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Instant nextAllowedAt(long accountId) {
        Instant now = clock.instant();
        Instant next = nextAllowed.get(accountId);
        return next == null || next.isBefore(now) ? now : next;
    }

    /** Records a time before which no call should be made for the account (keeps the later of two). */
    public void holdUntil(long accountId, Instant until) {
        nextAllowed.merge(accountId, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Reads an answer: on 429, holds until {@code Retry-After} or {@code reset} (or a minute); otherwise,
     * when {@code remaining} is 0, holds until {@code reset}. Returns the hold when there is one.
     */
    public Optional<Instant> observe(long accountId, Answer answer, Optional<Integer> remaining, Optional<Instant> reset) {
        Instant until = null;
        if (answer.status() == 429) {
            until = retryAfter(answer).or(() -> reset).orElse(clock.instant().plus(DEFAULT_BACKOFF));
        } else if (remaining.isPresent() && remaining.get() <= 0 && reset.isPresent()) {
            until = reset.get();
        }
        if (until != null) {
            holdUntil(accountId, until);
        }
        return Optional.ofNullable(until);
    }

    /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110). */
    public Optional<Instant> retryAfter(Answer answer) {
        return answer.header("Retry-After").flatMap(value -> {
            try {
                return Optional.of(clock.instant().plusSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    public static Optional<Integer> integer(Answer answer, String header) {
        return answer.header(header).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A reset given in epoch seconds (Bluesky, X). */
    public static Optional<Instant> epochSeconds(Answer answer, String header) {
        return answer.header(header).flatMap(v -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A reset given as an ISO 8601 date-time (Mastodon). */
    public static Optional<Instant> isoDate(Answer answer, String header) {
        return answer.header(header).flatMap(v -> {
            try {
                return Optional.of(OffsetDateTime.parse(v.trim()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
