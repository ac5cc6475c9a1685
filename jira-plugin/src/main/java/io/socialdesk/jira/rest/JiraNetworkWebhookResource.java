package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.inbox.JiraInbox;
import io.socialdesk.web.inbound.NetworkWebhooks;
import io.socialdesk.web.rest.NetworkWebhookResource;
import java.time.Clock;
import javax.inject.Inject;
import javax.ws.rs.Path;

/**
 * {@code /rest/socialdesk/1.0/webhooks/meta} and {@code .../linkedin} in Jira. Unrestricted: Meta and LinkedIn have no Jira
 * login, the signature over the body (with the app secret configured for the network) is the authentication.
 */
@Path("/webhooks")
@UnrestrictedAccess
public class JiraNetworkWebhookResource extends NetworkWebhookResource {
    @Inject
    public JiraNetworkWebhookResource(SocialDeskEngine engine, JiraInbox inbox) {
        super(new NetworkWebhooks(engine.accounts(), engine.engine().oauthClients(), inbox.inbox().imports(), Clock.systemUTC()));
    }
}
