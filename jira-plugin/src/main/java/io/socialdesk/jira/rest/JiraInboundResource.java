package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import io.socialdesk.core.channel.InboundIntake;
import io.socialdesk.core.channel.InboundSecrets;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.InboundResource;
import javax.inject.Inject;
import javax.ws.rs.Path;

/**
 * {@code /rest/socialdesk/1.0/inbound/{accountId}} in Jira. Unrestricted: automations have no Jira
 * login, the signature is the authentication. Jira keeps no inbound secrets yet (they will live with
 * the accounts' encrypted credentials), so every account answers 404 until then and nothing reaches
 * the intake.
 */
@Path("/inbound")
@UnrestrictedAccess
public class JiraInboundResource extends InboundResource {
    private static final InboundIntake NO_SECRETS_NO_INTAKE = (accountId, item) -> {
        throw new IllegalStateException("Jira keeps no inbound secrets yet, so no mention can have been verified");
    };

    @Inject
    public JiraInboundResource(SocialDeskEngine engine) {
        super(InboundSecrets.NONE, NO_SECRETS_NO_INTAKE, engine.inboundWebhook());
    }
}
