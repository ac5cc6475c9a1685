package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.inbox.JiraCrisisAlerts;
import io.socialdesk.web.rest.CrisisAlertResource;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /rest/socialdesk/1.0/crisis/alerts} in Jira: the shared resource (who is alerted of a crisis), for licensed users. */
@Path("/crisis/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraCrisisAlertResource extends CrisisAlertResource {
    @Inject
    public JiraCrisisAlertResource(JiraCrisisAlerts alerts, SocialDeskEngine engine) {
        super(alerts.alerts(), engine.currentUser());
    }
}
