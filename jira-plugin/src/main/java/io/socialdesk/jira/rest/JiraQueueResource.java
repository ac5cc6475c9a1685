package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.web.rest.QueueResource;
import javax.inject.Inject;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/queue} in Jira: the shared resource, for licensed Jira users (marketing leads and admins act). */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraQueueResource extends QueueResource {
    @Inject
    public JiraQueueResource(JiraPublishing publishing, SocialDeskEngine engine) {
        super(publishing.queue(), engine.currentUser());
    }
}
