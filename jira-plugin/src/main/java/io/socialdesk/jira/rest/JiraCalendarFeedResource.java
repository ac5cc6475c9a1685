package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.calendar.JiraCalendarFeeds;
import io.socialdesk.web.rest.CalendarFeedResource;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/calendar-feeds} in Jira: a licensed user's own calendar feeds and saved filters. */
@Path("/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraCalendarFeedResource extends CalendarFeedResource {
    @Inject
    public JiraCalendarFeedResource(JiraCalendarFeeds feeds, SocialDeskEngine engine) {
        super(feeds.feeds().tokens(), engine.currentUser());
    }
}
