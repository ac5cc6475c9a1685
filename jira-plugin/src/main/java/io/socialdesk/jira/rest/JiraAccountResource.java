package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.web.rest.AccountResource;
import javax.inject.Inject;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/accounts} in Jira: the shared resource, for licensed Jira users (each operation checks who may). */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraAccountResource extends AccountResource {
    @Inject
    public JiraAccountResource(JiraAccounts accounts, SocialDeskEngine engine) {
        super(accounts.admin(), engine.currentUser());
    }
}
