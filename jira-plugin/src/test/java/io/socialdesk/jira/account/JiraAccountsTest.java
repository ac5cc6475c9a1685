package io.socialdesk.jira.account;

import io.socialdesk.core.publish.Publisher;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.web.publish.Publishing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import io.socialdesk.core.account.AccountHealthJob;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.job.JobScheduling;
import io.socialdesk.jira.notification.JiraNotifier;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.jira.tracker.SocialDeskIssueTypes;
import io.socialdesk.web.Engine;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraAccountsTest {
    private final MemoryStores stores = new MemoryStores();
    private final SocialDeskEngine engine = mock(SocialDeskEngine.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);

    JiraAccountsTest() {
        when(engine.engine()).thenReturn(new Engine(stores.posts, stores.accounts, stores.trail, stores.decisions, stores.policies, stores.versions,
                null, null, stores.media, stores.oauthClients, stores.pending,
                new io.socialdesk.core.inbox.routing.RoutingService(new io.socialdesk.core.memory.MemoryRoutingRuleStore(), java.time.Clock.systemUTC())));
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://jira.example.org/jira/");
    }

    @Test
    void networksSendPeopleBackToJirasCanonicalAddressAndTheAccountsPageTellsTheResult() {
        JiraAccounts accounts = new JiraAccounts(engine, mock(JiraAccountSettings.class), application, mock(JiraIssueTracker.class),
                mock(JiraNotifier.class));

        assertThat(accounts.admin().urls().callback().get()).isEqualTo(URI.create("https://jira.example.org/jira/rest/socialdesk/1.0/accounts/callback"));
        assertThat(accounts.admin().urls().accountsPage().get()).isEqualTo(URI.create("https://jira.example.org/jira/plugins/servlet/socialdesk/accounts"));
        assertThat(accounts.channels().networks()).as("every network has its connector in Jira").containsExactly(io.socialdesk.core.account.Network.values());
        assertThat(accounts.healthJob().key()).isEqualTo(AccountHealthJob.KEY);
    }

    @Test
    void theAccountHealthJobAndTheInboxImportAreScheduledOncePerClusterWithTheOthers() throws Exception {
        JiraAccounts accounts = new JiraAccounts(engine, mock(JiraAccountSettings.class), application, mock(JiraIssueTracker.class),
                mock(JiraNotifier.class));
        when(engine.jobs()).thenReturn(List.of());
        SchedulerService scheduler = mock(SchedulerService.class);

        JiraPublishing publishing = new JiraPublishing(new Publishing(null, null, mock(Publisher.class), PublishingSettings.DEFAULTS));

        io.socialdesk.core.memory.MemoryStores memory = new io.socialdesk.core.memory.MemoryStores();
        io.socialdesk.core.inbox.InboxImport imports = new io.socialdesk.core.inbox.InboxImport(memory.inbox, memory.inbox,
                io.socialdesk.core.inbox.OwnPosts.NONE, io.socialdesk.web.inbox.InboxPlaceholders.TRIAGER, io.socialdesk.web.inbox.InboxPlaceholders.ROUTER,
                new io.socialdesk.core.memory.MemoryTickets(), memory.accounts, n -> java.util.Optional.empty(), null,
                io.socialdesk.core.inbox.InboxSettings.DEFAULTS, java.time.Clock.systemUTC());
        io.socialdesk.core.inbox.crisis.CrisisWatch crisis = new io.socialdesk.core.inbox.crisis.CrisisWatch(
                io.socialdesk.core.inbox.crisis.CrisisSettings.DEFAULTS, io.socialdesk.core.inbox.crisis.CrisisStates.inMemory(),
                mock(io.socialdesk.core.inbox.crisis.CrisisDesk.class), n -> { }, java.time.Clock.systemUTC());
        io.socialdesk.jira.inbox.JiraInbox inbox = new io.socialdesk.jira.inbox.JiraInbox(new io.socialdesk.web.inbox.Inbox(imports, memory.inbox, crisis));

        new JobScheduling(scheduler, mock(ClusterLockService.class), engine, accounts, publishing, inbox, mock(SocialDeskIssueTypes.class)).onStart();

        verify(scheduler).registerJobRunner(eq(JobRunnerKey.of(AccountHealthJob.KEY)), any());
        verify(scheduler).scheduleJob(eq(JobId.of(AccountHealthJob.KEY)), any());
        verify(scheduler).scheduleJob(eq(JobId.of(JiraPublishing.CLUSTER_KEY)), any());
        verify(scheduler).scheduleJob(eq(JobId.of(JiraPublishing.LOCAL_KEY)), any());
        org.mockito.ArgumentCaptor<com.atlassian.scheduler.config.JobConfig> inboxJob = org.mockito.ArgumentCaptor.forClass(
                com.atlassian.scheduler.config.JobConfig.class);
        verify(scheduler).scheduleJob(eq(JobId.of(io.socialdesk.core.inbox.InboxImport.JOB_KEY)), inboxJob.capture());
        assertThat(inboxJob.getValue().getRunMode()).isEqualTo(com.atlassian.scheduler.config.RunMode.RUN_ONCE_PER_CLUSTER);
        org.mockito.ArgumentCaptor<com.atlassian.scheduler.config.JobConfig> crisisJob = org.mockito.ArgumentCaptor.forClass(
                com.atlassian.scheduler.config.JobConfig.class);
        verify(scheduler).scheduleJob(eq(JobId.of(io.socialdesk.core.inbox.crisis.CrisisWatch.JOB_KEY)), crisisJob.capture());
        assertThat(crisisJob.getValue().getRunMode()).isEqualTo(com.atlassian.scheduler.config.RunMode.RUN_ONCE_PER_CLUSTER);
    }
}
