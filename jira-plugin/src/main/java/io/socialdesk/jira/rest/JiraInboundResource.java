package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.inbox.JiraInbox;
import io.socialdesk.web.inbound.SigningSecrets;
import io.socialdesk.web.rest.InboundResource;
import javax.inject.Inject;
import javax.ws.rs.Path;

/**
 * {@code /rest/socialdesk/1.0/inbound/{accountId}} in Jira. Unrestricted: automations have no Jira
 * login, the signature is the authentication. The secret is the signing secret of a connected signed-webhook
 * account (encrypted with its credentials); the mention goes through the inbox's pipeline, like a polled one: an issue
 * of the routed project per conversation, reported by the account's owner.
 */
@Path("/inbound")
@UnrestrictedAccess
public class JiraInboundResource extends InboundResource {
    @Inject
    public JiraInboundResource(SocialDeskEngine engine, JiraInbox inbox) {
        super(new SigningSecrets(engine.accounts()), inbox.intake(), engine.inboundWebhook());
    }
}
