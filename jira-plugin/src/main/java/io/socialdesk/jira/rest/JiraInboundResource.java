package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.web.inbound.MentionTickets;
import io.socialdesk.web.inbound.SigningSecrets;
import io.socialdesk.web.rest.InboundResource;
import javax.inject.Inject;
import javax.ws.rs.Path;

/**
 * {@code /rest/socialdesk/1.0/inbound/{accountId}} in Jira. Unrestricted: automations have no Jira
 * login, the signature is the authentication. The secret is the signing secret of a connected signed-webhook
 * account (encrypted with its credentials); the mention becomes an issue reported by the account's owner.
 */
@Path("/inbound")
@UnrestrictedAccess
public class JiraInboundResource extends InboundResource {
    @Inject
    public JiraInboundResource(SocialDeskEngine engine, JiraIssueTracker tracker) {
        super(new SigningSecrets(engine.accounts()), new MentionTickets(tracker, engine.accounts(), null), engine.inboundWebhook());
    }
}
