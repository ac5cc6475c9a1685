package io.socialdesk.jira.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import io.socialdesk.core.job.HeartbeatJob;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.job.JobRunLog;
import io.socialdesk.core.publish.Publisher;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.jira.tracker.SocialDeskIssueTypes;
import io.socialdesk.web.publish.Publishing;
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

    @Test
    void thePublisherRunsOncePerClusterEveryMinuteAndOnEveryNodeEveryFiveSeconds() throws SchedulerServiceException {
        Publisher publisher = mock(Publisher.class);
        JiraPublishing publishing = new JiraPublishing(new Publishing(null, null, publisher, PublishingSettings.DEFAULTS));
        new JobScheduling(scheduler, locks, List.of(publishing.clusterJob(), publishing.localJob()), issueTypes, Clock.fixed(NOW, ZoneOffset.UTC),
                publishing).onStart();

        JobConfig cluster = scheduled(JiraPublishing.CLUSTER_KEY);
        assertThat(cluster.getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        assertThat(cluster.getSchedule().getIntervalScheduleInfo().getIntervalInMillis()).isEqualTo(60_000L);
        JobConfig local = scheduled(JiraPublishing.LOCAL_KEY);
        assertThat(local.getRunMode()).isEqualTo(RunMode.RUN_LOCALLY);
        assertThat(local.getSchedule().getIntervalScheduleInfo().getIntervalInMillis()).isEqualTo(5_000L);
        assertThat(local.getSchedule().getIntervalScheduleInfo().getFirstRunTime()).isEqualTo(Date.from(NOW.plusSeconds(5)));

        ArgumentCaptor<JobRunner> clusterRunner = ArgumentCaptor.forClass(JobRunner.class);
        verify(scheduler).registerJobRunner(eq(JobRunnerKey.of(JiraPublishing.CLUSTER_KEY)), clusterRunner.capture());
        assertThat(clusterRunner.getValue()).as("once per cluster is best effort: a cluster lock guards it").isInstanceOf(ClusterGuardedJobRunner.class);
        ArgumentCaptor<JobRunner> localRunner = ArgumentCaptor.forClass(JobRunner.class);
        verify(scheduler).registerJobRunner(eq(JobRunnerKey.of(JiraPublishing.LOCAL_KEY)), localRunner.capture());
        assertThat(localRunner.getValue()).isInstanceOf(LocalJobRunner.class);

        JobRunnerRequest request = mock(JobRunnerRequest.class);
        assertThat(localRunner.getValue().runJob(request).getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        verify(publisher).tick();
        verify(locks, never()).getLockForName(any());
    }

    @Test
    void stoppingThePluginStopsThePublisher() {
        Publisher publisher = mock(Publisher.class);
        JiraPublishing publishing = new JiraPublishing(new Publishing(null, null, publisher, PublishingSettings.DEFAULTS));
        JobScheduling withPublisher = new JobScheduling(scheduler, locks, List.of(publishing.clusterJob(), publishing.localJob()), issueTypes,
                Clock.fixed(NOW, ZoneOffset.UTC), publishing);

        withPublisher.onStop();

        verify(scheduler).unregisterJobRunner(JobRunnerKey.of(JiraPublishing.CLUSTER_KEY));
        verify(scheduler).unregisterJobRunner(JobRunnerKey.of(JiraPublishing.LOCAL_KEY));
        verify(publisher).close();
    }

    @Test
    void aLocalRunStillGoingOnThisNodeMakesTheNextOneAbort() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Job slow = new Job() {
            @Override public String key() { return "slow"; }
            @Override public Duration interval() { return Duration.ofSeconds(5); }
            @Override public boolean onEveryNode() { return true; }
            @Override public void run(Instant startedAt) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        LocalJobRunner runner = new LocalJobRunner(slow);
        Thread first = new Thread(() -> runner.runJob(mock(JobRunnerRequest.class)));
        first.start();
        inside.await();

        assertThat(runner.runJob(mock(JobRunnerRequest.class)).getRunOutcome()).isEqualTo(RunOutcome.ABORTED);
        release.countDown();
        first.join();
        assertThat(runner.runJob(mock(JobRunnerRequest.class)).getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
    }

    private JobConfig scheduled(String key) throws SchedulerServiceException {
        ArgumentCaptor<JobConfig> config = ArgumentCaptor.forClass(JobConfig.class);
        verify(scheduler).scheduleJob(eq(JobId.of(key)), config.capture());
        assertThat(config.getValue().getJobRunnerKey()).isEqualTo(JobRunnerKey.of(key));
        return config.getValue();
    }
}
