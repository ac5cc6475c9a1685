package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.ValidateResource;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/validate} in Jira: the shared resource, for licensed Jira users. */
@Path("/validate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraValidateResource extends ValidateResource {
    @Inject
    public JiraValidateResource(SocialDeskEngine engine) {
        super(engine.currentUser());
    }
}
