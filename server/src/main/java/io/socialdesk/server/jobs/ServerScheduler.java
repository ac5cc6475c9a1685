package io.socialdesk.server.jobs;

import io.socialdesk.core.job.Job;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the app's jobs on the server: each on its own interval, and on one node of the cluster at a
 * time through {@link JobLeases}. What atlassian-scheduler's {@code RUN_ONCE_PER_CLUSTER} does in Jira.
 */
public final class ServerScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerScheduler.class);

    private final List<Job> jobs;
    private final JobLeases leases;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public ServerScheduler(List<Job> jobs, JobLeases leases, String node, Clock clock) {
        this.jobs = List.copyOf(jobs);
        this.leases = leases;
        this.node = node;
        this.clock = clock;
        this.executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(jobs.size(), 4)), runnable -> {
            Thread thread = new Thread(runnable, "socialdesk-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        for (Job job : jobs) {
            long interval = job.interval().toMillis();
            executor.scheduleWithFixedDelay(() -> runIfLeased(job), 0, interval, TimeUnit.MILLISECONDS);
        }
        LOG.info("Scheduler started on node {} with {} job(s)", node, jobs.size());
    }

    /** Runs the job when this node holds its lease; a failure is logged and the next tick tries again. */
    void runIfLeased(Job job) {
        try {
            Instant now = clock.instant();
            if (job.onEveryNode() || leases.claim(job.key(), node, now, now.plus(job.interval()))) {
                job.run(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("Job {} failed; it will run again at its next interval", job.key(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
