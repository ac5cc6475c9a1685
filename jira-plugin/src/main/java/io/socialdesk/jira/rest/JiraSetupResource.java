package io.socialdesk.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import io.socialdesk.jira.setup.JiraProjectSetup;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code POST /rest/socialdesk/1.0/jira/setup/{project}}: sets up Social Desk for a Jira project
 * (issue type, statuses, workflow, scheme). Jira-only, for Jira administrators; JSON only, so a
 * cross-site form cannot trigger it.
 */
@Path("/jira/setup/{project}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AdminOnly
public class JiraSetupResource {
    private final JiraProjectSetup setup;
    private final JiraAuthenticationContext authentication;

    @Inject
    public JiraSetupResource(JiraProjectSetup setup, JiraAuthenticationContext authentication) {
        this.setup = setup;
        this.authentication = authentication;
    }

    @POST
    public JiraProjectSetup.Report setUp(@PathParam("project") String project) {
        return setup.setUp(project, authentication.getLoggedInUser());
    }
}
