package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import io.socialdesk.jira.calendar.JiraCalendarFeeds;
import io.socialdesk.web.rest.IcalFeedResource;
import javax.inject.Inject;
import javax.ws.rs.Path;

/**
 * {@code /rest/socialdesk/1.0/ical/{secret}.ics} in Jira. Unrestricted: calendar clients (Outlook, Google Calendar,
 * Thunderbird) send no Jira login; the secret in the URL is the authentication, checked by the resource (401 otherwise).
 * Only this path is open; managing feeds ({@link JiraCalendarFeedResource}) needs a licensed user.
 */
@Path("/ical")
@UnrestrictedAccess
public class JiraIcalFeedResource extends IcalFeedResource {
    @Inject
    public JiraIcalFeedResource(JiraCalendarFeeds feeds) {
        super(feeds.feeds().tokens(), feeds.feeds().feeds());
    }
}
