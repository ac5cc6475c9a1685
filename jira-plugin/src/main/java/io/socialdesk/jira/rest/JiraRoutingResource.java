package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.core.inbox.triage.TextTriager;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.RoutingResource;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/routing} in Jira: the shared resource, for licensed Jira users (admins change, marketing leads read and test). */
@Path("/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraRoutingResource extends RoutingResource {
    @Inject
    public JiraRoutingResource(SocialDeskEngine engine) {
        super(engine.routing(), new TextTriager(), engine.currentUser());
    }
}
