package io.socialdesk.core.job;

import java.time.Duration;
import java.time.Instant;

/**
 * A background job of the app. Hosts run each job once per cluster every {@link #interval()}:
 * Jira through atlassian-scheduler ({@code RUN_ONCE_PER_CLUSTER}), the server through its own
 * scheduler and a lease in the database. A job must be safe to run again after a crash.
 */
public interface Job {
    /** Stable, reverse-DNS style; used as the scheduler's job id and as the lease name. */
    String key();

    Duration interval();

    /**
     * True for a job that is safe to run on every node at once (each of its units of work has its own
     * claim, like the publisher's deliveries): hosts then run it on every node, without the job's lease.
     */
    default boolean onEveryNode() {
        return false;
    }

    void run(Instant startedAt);

    /** A job once per cluster every {@code interval}, doing {@code work} with the run's start time. */
    static Job every(String key, Duration interval, java.util.function.Consumer<Instant> work) {
        return new PeriodicJob(key, interval, false, work);
    }

    /** A job on every node every {@code interval} ({@link #onEveryNode()}): for work whose units carry their own claims. */
    static Job onEveryNode(String key, Duration interval, java.util.function.Consumer<Instant> work) {
        return new PeriodicJob(key, interval, true, work);
    }
}
