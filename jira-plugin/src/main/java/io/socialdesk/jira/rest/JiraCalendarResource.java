package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.CalendarResource;
import javax.inject.Inject;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/calendar} in Jira: the shared resource, for licensed Jira users (leads and admins keep dates and periods). */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraCalendarResource extends CalendarResource {
    @Inject
    public JiraCalendarResource(SocialDeskEngine engine) {
        super(engine.calendar().service(), engine.currentUser());
    }
}
