package io.socialdesk.jira.inbox;

import com.atlassian.beehive.ClusterLockService;
import io.socialdesk.core.channel.InboundIntake;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.inbox.crisis.CrisisSettings;
import io.socialdesk.jira.notification.JiraNotifier;
import java.util.List;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triager;
import io.socialdesk.core.job.Job;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.store.inbox.AoInboxStore;
import io.socialdesk.web.inbox.Inbox;
import io.socialdesk.core.inbox.triage.TextTriager;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The social inbox wired for Jira: items and conversations in Active Objects, each conversation filed under a cluster
 * lock, tickets as issues of the routed projects ({@link JiraTickets}), Jira's connectors. Its job runs once per
 * cluster every minute ({@code JobScheduling}); the inbound webhook ({@code JiraInboundResource}) goes through the same
 * pipeline. Tickets of an account without owner wait until it has one (Jira issues need a reporter).
 */
@Named
public final class JiraInbox {
    public static final Duration EVERY = Duration.ofMinutes(1);

    private final Inbox inbox;

    @Inject
    public JiraInbox(SocialDeskEngine engine, JiraActiveObjectsAccess ao, ClusterLockService locks, JiraAccounts accounts, JiraTickets tickets,
            JiraNotifier notifier) {
        Triager triager = new TextTriager();
        Router router = engine.routing().router();
        this.inbox = Inbox.over(engine.engine(), new AoInboxStore(ao, locks::getLockForName), ao, tickets, accounts.channels(), triager, router,
                null, InboxSettings.DEFAULTS, CrisisSettings.DEFAULTS, notifier, Clock.systemUTC());
    }

    /** Any assembly: for tests. */
    public JiraInbox(Inbox inbox) {
        this.inbox = inbox;
    }

    public Inbox inbox() {
        return inbox;
    }

    /** Once per cluster: the import (files what waits, then imports every connected account's streams) and crisis detection's tick. */
    public List<Job> jobs() {
        return inbox.jobs(EVERY);
    }

    /** Where the inbound webhook's verified mentions go. */
    public InboundIntake intake() {
        return inbox.imports().intake();
    }
}
