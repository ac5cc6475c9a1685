package io.socialdesk.jira.job;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import io.socialdesk.core.job.Job;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a core {@link Job} that is safe on every node at once ({@link Job#onEveryNode()}) on this node,
 * without a cluster lock: its units of work carry their own claims. A run that finds the previous one
 * still going on this node is aborted, so slow runs do not pile up behind a short interval.
 */
public final class LocalJobRunner implements JobRunner {
    private final Job job;
    private final AtomicBoolean running = new AtomicBoolean();

    public LocalJobRunner(Job job) {
        this.job = job;
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        if (!running.compareAndSet(false, true)) return JobRunnerResponse.aborted(job.key() + " is still running on this node");
        try {
            return ClusterGuardedJobRunner.runNow(job, request);
        } finally {
            running.set(false);
        }
    }
}
