package io.socialdesk.core.job;

import java.time.Instant;
import java.util.Optional;

/** Port: when each job last ran, and on which node, so that people can see the scheduler is alive. */
public interface JobRunLog {
    void recordRun(String jobKey, String node, Instant at);

    Optional<JobRun> lastRun(String jobKey);

    record JobRun(String jobKey, String node, Instant at) {}
}
