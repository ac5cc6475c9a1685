package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.CalendarDataResource;
import javax.inject.Inject;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/calendar-data} in Jira: what the Confluence macro renders, for licensed users (a personal access token). */
@Path("/calendar-data")
@Produces(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraCalendarDataResource extends CalendarDataResource {
    @Inject
    public JiraCalendarDataResource(SocialDeskEngine engine) {
        super(engine.calendar().service(), engine.accounts(), engine.currentUser());
    }
}
