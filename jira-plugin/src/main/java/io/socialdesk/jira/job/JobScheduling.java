package io.socialdesk.jira.job;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import io.socialdesk.core.job.Job;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.jira.inbox.JiraInbox;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.jira.tracker.SocialDeskIssueTypes;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Starts and stops the app's background work with the plugin. On start (SAL calls it once Jira is
 * fully up) every core job is registered with atlassian-scheduler at its interval: once per cluster,
 * under a cluster lock; or, for a job safe on every node at once ({@link Job#onEveryNode()}, the
 * publisher's quick tick), {@code RUN_LOCALLY} on each node, which schedules it for itself. The issue
 * types Social Desk opens are made to exist. On stop the job runners are unregistered (the cluster
 * schedules stay in Jira's database and are replaced on the next start) and the publisher stops.
 */
@Named
@ExportAsService(LifecycleAware.class)
public final class JobScheduling implements LifecycleAware {
    private static final System.Logger LOG = System.getLogger(JobScheduling.class.getName());

    private final SchedulerService scheduler;
    private final ClusterLockService locks;
    private final List<Job> jobs;
    private final SocialDeskIssueTypes issueTypes;
    private final Clock clock;
    private final AutoCloseable onStop;

    @Inject
    public JobScheduling(SchedulerService scheduler, ClusterLockService locks, SocialDeskEngine engine, JiraAccounts accounts,
            JiraPublishing publishing, JiraInbox inbox, SocialDeskIssueTypes issueTypes) {
        this(scheduler, locks, allJobs(engine.jobs(), accounts, publishing, inbox), issueTypes, Clock.systemUTC(), publishing);
    }

    private static List<Job> allJobs(List<Job> jobs, JiraAccounts accounts, JiraPublishing publishing, JiraInbox inbox) {
        List<Job> all = new java.util.ArrayList<>(jobs);
        all.add(accounts.healthJob());
        all.add(publishing.clusterJob());
        all.add(publishing.localJob());
        all.addAll(inbox.jobs());
        return all;
    }

    JobScheduling(SchedulerService scheduler, ClusterLockService locks, List<Job> jobs, SocialDeskIssueTypes issueTypes,
            Clock clock) {
        this(scheduler, locks, jobs, issueTypes, clock, () -> { });
    }

    JobScheduling(SchedulerService scheduler, ClusterLockService locks, List<Job> jobs, SocialDeskIssueTypes issueTypes,
            Clock clock, AutoCloseable onStop) {
        this.scheduler = scheduler;
        this.locks = locks;
        this.jobs = List.copyOf(jobs);
        this.issueTypes = issueTypes;
        this.clock = clock;
        this.onStop = onStop;
    }

    @Override
    public void onStart() {
        for (Job job : jobs) {
            JobRunnerKey runnerKey = JobRunnerKey.of(job.key());
            boolean local = job.onEveryNode();
            scheduler.registerJobRunner(runnerKey, local ? new LocalJobRunner(job) : new ClusterGuardedJobRunner(job, locks));
            long interval = job.interval().toMillis();
            JobConfig config = JobConfig.forJobRunnerKey(runnerKey)
                    .withRunMode(local ? RunMode.RUN_LOCALLY : RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(interval, Date.from(clock.instant().plusMillis(interval))));
            try {
                scheduler.scheduleJob(JobId.of(job.key()), config);
            } catch (SchedulerServiceException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not schedule " + job.key() + "; the health page will show it stale", e);
            }
        }
        try {
            issueTypes.ensureExist();
        } catch (RuntimeException e) {
            // Never block the plugin's start on it: the tracker explains a missing type when a post is created.
            LOG.log(System.Logger.Level.WARNING, "Could not create the Social Desk issue types", e);
        }
    }

    @Override
    public void onStop() {
        for (Job job : jobs) {
            scheduler.unregisterJobRunner(JobRunnerKey.of(job.key()));
        }
        try {
            onStop.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "The publisher did not stop cleanly", e);
        }
    }
}
