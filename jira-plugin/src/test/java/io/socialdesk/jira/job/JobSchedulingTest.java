package io.socialdesk.jira.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import io.socialdesk.core.job.HeartbeatJob;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.job.JobRunLog;
import io.socialdesk.jira.tracker.SocialDeskIssueTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class JobSchedulingTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final SchedulerService scheduler = mock(SchedulerService.class);
    private final ClusterLockService locks = mock(ClusterLockService.class);
    private final SocialDeskIssueTypes issueTypes = mock(SocialDeskIssueTypes.class);
    private final Job heartbeat = new HeartbeatJob(mock(JobRunLog.class), "node-1", Duration.ofMinutes(1));
    private final JobScheduling scheduling =
            new JobScheduling(scheduler, locks, List.of(heartbeat), issueTypes, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void schedulesEveryJobOncePerClusterAtItsInterval() throws SchedulerServiceException {
        scheduling.onStart();

        JobRunnerKey key = JobRunnerKey.of(HeartbeatJob.KEY);
        verify(scheduler).registerJobRunner(eq(key), any(ClusterGuardedJobRunner.class));
        ArgumentCaptor<JobConfig> config = ArgumentCaptor.forClass(JobConfig.class);
        verify(scheduler).scheduleJob(eq(JobId.of(HeartbeatJob.KEY)), config.capture());
        assertThat(config.getValue().getJobRunnerKey()).isEqualTo(key);
        assertThat(config.getValue().getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        assertThat(config.getValue().getSchedule().getIntervalScheduleInfo().getIntervalInMillis()).isEqualTo(60_000L);
        assertThat(config.getValue().getSchedule().getIntervalScheduleInfo().getFirstRunTime())
                .isEqualTo(Date.from(NOW.plusSeconds(60)));
    }

    @Test
    void makesTheIssueTypesExistOnStart() {
        scheduling.onStart();
        verify(issueTypes).ensureExist();
    }

    @Test
    void startsEvenWhenSchedulingOrIssueTypesFail() throws SchedulerServiceException {
        doThrow(new SchedulerServiceException("no scheduler")).when(scheduler).scheduleJob(any(), any());
        when(issueTypes.ensureExist()).thenThrow(new IllegalStateException("no avatar"));

        scheduling.onStart();

        verify(scheduler).registerJobRunner(eq(JobRunnerKey.of(HeartbeatJob.KEY)), any());
    }

    @Test
    void unregistersEveryJobRunnerOnStop() {
        scheduling.onStop();
        verify(scheduler).unregisterJobRunner(JobRunnerKey.of(HeartbeatJob.KEY));
    }
}
