package io.socialdesk.jira.job;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import io.socialdesk.core.job.Job;
import java.time.Instant;
import java.util.Date;

/**
 * Runs one core {@link Job} for atlassian-scheduler. "Once per cluster" is best effort when a node
 * fails over, so a cluster lock named after the job guards each run; a run that finds the lock
 * taken is aborted, not queued, because the next tick comes soon.
 */
public final class ClusterGuardedJobRunner implements JobRunner {
    public static final String LOCK_PREFIX = "io.socialdesk.job.";

    private final Job job;
    private final ClusterLockService locks;

    public ClusterGuardedJobRunner(Job job, ClusterLockService locks) {
        this.job = job;
        this.locks = locks;
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        ClusterLock lock = locks.getLockForName(LOCK_PREFIX + job.key());
        if (!lock.tryLock()) return JobRunnerResponse.aborted(job.key() + " is already running on another node");
        try {
            return runNow(job, request);
        } finally {
            lock.unlock();
        }
    }

    /** Runs the job from the scheduler's start time; its failure is the run's answer, never thrown to the scheduler. */
    static JobRunnerResponse runNow(Job job, JobRunnerRequest request) {
        try {
            Date start = request.getStartTime();
            job.run(start == null ? Instant.now() : start.toInstant());
            return JobRunnerResponse.success();
        } catch (RuntimeException e) {
            return JobRunnerResponse.failed(e);
        }
    }
}
