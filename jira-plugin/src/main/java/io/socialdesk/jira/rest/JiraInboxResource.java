package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.inbox.JiraAnswering;
import io.socialdesk.web.rest.InboxResource;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/inbox} in Jira: the shared resource (replies from an issue, response times, forgetting a person), for licensed users. */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraInboxResource extends InboxResource {
    @Inject
    public JiraInboxResource(JiraAnswering answering, SocialDeskEngine engine) {
        super(answering.answering().replies(), answering.answering().times(), answering.answering().forgetting(), engine.currentUser());
    }
}
