package io.socialdesk.jira.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.status.RunOutcome;
import io.socialdesk.core.job.Job;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterGuardedJobRunnerTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private final Job job = mock(Job.class);
    private final ClusterLockService locks = mock(ClusterLockService.class);
    private final ClusterLock lock = mock(ClusterLock.class);
    private final JobRunnerRequest request = mock(JobRunnerRequest.class);
    private final ClusterGuardedJobRunner runner = new ClusterGuardedJobRunner(job, locks);

    @BeforeEach
    void setUp() {
        when(job.key()).thenReturn("io.socialdesk.heartbeat");
        when(locks.getLockForName("io.socialdesk.job.io.socialdesk.heartbeat")).thenReturn(lock);
        when(request.getStartTime()).thenReturn(Date.from(START));
    }

    @Test
    void runsTheJobAtTheSchedulersStartTimeUnderTheClusterLock() {
        when(lock.tryLock()).thenReturn(true);

        JobRunnerResponse response = runner.runJob(request);

        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        verify(job).run(START);
        verify(lock).unlock();
    }

    @Test
    void abortsWithoutRunningWhenAnotherNodeHoldsTheLock() {
        when(lock.tryLock()).thenReturn(false);

        JobRunnerResponse response = runner.runJob(request);

        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.ABORTED);
        verify(job, never()).run(any());
        verify(lock, never()).unlock();
    }

    @Test
    void reportsAFailingJobAndReleasesTheLock() {
        when(lock.tryLock()).thenReturn(true);
        doThrow(new IllegalStateException("database gone")).when(job).run(START);

        JobRunnerResponse response = runner.runJob(request);

        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(response.getMessage()).contains("database gone");
        verify(lock).unlock();
    }
}
