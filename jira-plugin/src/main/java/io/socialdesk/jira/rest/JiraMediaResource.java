package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.MediaResource;
import javax.inject.Inject;
import javax.ws.rs.Path;

/** {@code /rest/socialdesk/1.0/media} in Jira: the shared resource, for licensed Jira users. */
@Path("/media")
@LicensedOnly
public class JiraMediaResource extends MediaResource {
    @Inject
    public JiraMediaResource(SocialDeskEngine engine) {
        super(engine.media(), engine.currentUser());
    }
}
