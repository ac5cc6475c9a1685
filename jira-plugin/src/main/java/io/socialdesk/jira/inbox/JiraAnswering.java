package io.socialdesk.jira.inbox;

import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.web.inbox.Answering;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Answering from the inbox's issues in Jira: replies sent by the publishing engine (whose reply side
 * {@link JiraPublishing} wires), response times, forgetting a person; tickets are {@link JiraTickets}' issues.
 */
@Named
public final class JiraAnswering {
    private final Answering answering;

    @Inject
    public JiraAnswering(SocialDeskEngine engine, JiraActiveObjectsAccess ao, JiraInbox inbox, JiraAccounts accounts, JiraPublishing publishing,
            JiraTickets tickets) {
        this(Answering.over(ao, inbox.inbox().store(), engine.accounts(), accounts.channels(), publishing.publishing().deliveries(), tickets, tickets,
                engine.engine().trail(), Clock.systemUTC()));
    }

    /** Any assembly: for tests. */
    public JiraAnswering(Answering answering) {
        this.answering = answering;
    }

    public Answering answering() {
        return answering;
    }
}
