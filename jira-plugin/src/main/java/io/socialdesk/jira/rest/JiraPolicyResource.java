package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.PolicyResource;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/policies/{project}} in Jira: anyone licensed reads, Social Desk admins change. */
@Path("/policies/{project}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraPolicyResource extends PolicyResource {
    @Inject
    public JiraPolicyResource(SocialDeskEngine engine) {
        super(engine.policies(), engine.currentUser());
    }
}
