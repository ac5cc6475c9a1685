package io.socialdesk.core.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How the publishing engine paces itself. {@code missedAfter}: a first part later than this is not sent
 * but marked Missed. {@code lease}: how long a claim holds before another node may take it over to settle
 * it (longer than any one request). {@code maxAttempts}: retryable failures before Failed; the backoff
 * doubles from {@code backoff} up to {@code maxBackoff}, with jitter, and never earlier than the network's
 * "next allowed at". {@code perAccount}: requests in flight at once per account; {@code workers}: in all.
 * {@code batch}: deliveries read per claim round.
 */
public record PublishingSettings(Duration missedAfter, Duration lease, int maxAttempts, Duration backoff, Duration maxBackoff,
        int perAccount, int workers, int batch) {

    public static final PublishingSettings DEFAULTS = new PublishingSettings(Duration.ofMinutes(30), Duration.ofMinutes(2), 5,
            Duration.ofSeconds(30), Duration.ofMinutes(15), 1, 8, 500);

    public PublishingSettings {
        Objects.requireNonNull(missedAfter, "missedAfter");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (perAccount < 1) throw new IllegalArgumentException("perAccount must be at least 1");
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
    }

    public PublishingSettings withWorkers(int n, int perAccountLimit) {
        return new PublishingSettings(missedAfter, lease, maxAttempts, backoff, maxBackoff, perAccountLimit, n, batch);
    }

    public PublishingSettings withLease(Duration holdFor) {
        return new PublishingSettings(missedAfter, holdFor, maxAttempts, backoff, maxBackoff, perAccount, workers, batch);
    }

    public PublishingSettings withRetries(int attempts, Duration first, Duration ceiling) {
        return new PublishingSettings(missedAfter, lease, attempts, first, ceiling, perAccount, workers, batch);
    }
}
