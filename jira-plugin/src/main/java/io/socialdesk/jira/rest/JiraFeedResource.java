package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.FeedResource;
import java.time.Clock;
import javax.inject.Inject;
import javax.ws.rs.Path;

/** {@code /rest/socialdesk/1.0/feeds/{project}.atom} in Jira: the shared feed, for licensed users (feed readers send a personal access token). */
@Path("/feeds")
@LicensedOnly
public class JiraFeedResource extends FeedResource {
    @Inject
    public JiraFeedResource(SocialDeskEngine engine) {
        super(engine.posts(), engine.accounts(), engine.currentUser(), Clock.systemUTC());
    }
}
