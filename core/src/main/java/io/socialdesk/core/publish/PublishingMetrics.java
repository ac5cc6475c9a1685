package io.socialdesk.core.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How publishing went over a window (the queue shows the last 24 hours): how late sent deliveries went out
 * ({@code sentAt - dueAt}, nearest-rank percentiles; null when nothing was sent), how many attempts settled
 * deliveries took, what they ended as and why (state and cause), and how many deliveries are in each state now.
 */
public record PublishingMetrics(Instant since, Instant until, int settled, int sent, Duration latenessP50, Duration latenessP95,
        Duration latenessP99, Duration latenessMax, Map<Integer, Integer> attempts, List<Outcome> outcomes, Map<DeliveryState, Integer> counts) {

    /** How many settled deliveries ended in {@code state} for {@code cause} ("" for a plain send). */
    public record Outcome(DeliveryState state, String cause, int count) {
        public Outcome {
            Objects.requireNonNull(state, "state");
            cause = cause == null ? "" : cause;
        }
    }

    public PublishingMetrics {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        attempts = java.util.Collections.unmodifiableMap(new TreeMap<>(attempts));
        outcomes = List.copyOf(outcomes);
        Map<DeliveryState, Integer> c = new EnumMap<>(DeliveryState.class);
        c.putAll(counts);
        counts = java.util.Collections.unmodifiableMap(c);
    }

    /** The metrics of {@code settled} deliveries (those settled in the window), with the current counts per state. */
    public static PublishingMetrics of(Instant since, Instant until, List<DeliveryRecord> settled, Map<DeliveryState, Integer> counts) {
        List<Duration> lateness = settled.stream().filter(d -> d.state() == DeliveryState.SENT && d.sentAt() != null)
                .map(DeliveryRecord::lateness).sorted().toList();
        Map<Integer, Integer> attempts = new TreeMap<>();
        Map<DeliveryState, Map<String, Integer>> byCause = new EnumMap<>(DeliveryState.class);
        for (DeliveryRecord d : settled) {
            attempts.merge(d.attempts(), 1, Integer::sum);
            byCause.computeIfAbsent(d.state(), s -> new TreeMap<>()).merge(d.cause(), 1, Integer::sum);
        }
        List<Outcome> outcomes = new ArrayList<>();
        byCause.forEach((state, causes) -> causes.forEach((cause, n) -> outcomes.add(new Outcome(state, cause, n))));
        outcomes.sort(Comparator.comparing(Outcome::state).thenComparing(Comparator.comparingInt(Outcome::count).reversed())
                .thenComparing(Outcome::cause));
        return new PublishingMetrics(since, until, settled.size(), lateness.size(), percentile(lateness, 50), percentile(lateness, 95),
                percentile(lateness, 99), lateness.isEmpty() ? null : lateness.get(lateness.size() - 1), attempts, outcomes, counts);
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it; null for none. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    public int count(DeliveryState state) {
        return counts.getOrDefault(state, 0);
    }
}
