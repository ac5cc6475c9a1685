package io.socialdesk.core.job;

import java.time.Duration;
import java.time.Instant;

/**
 * Records that the cluster's scheduler ran. The health endpoint reports it, so a stopped scheduler
 * shows up before posts start to be missed.
 */
public final class HeartbeatJob implements Job {
    public static final String KEY = "io.socialdesk.heartbeat";

    private final JobRunLog log;
    private final String node;
    private final Duration interval;

    public HeartbeatJob(JobRunLog log, String node, Duration interval) {
        this.log = log;
        this.node = node;
        this.interval = interval;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run(Instant startedAt) {
        log.recordRun(KEY, node, startedAt);
    }
}
