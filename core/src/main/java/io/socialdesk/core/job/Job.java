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

    void run(Instant startedAt);
}
