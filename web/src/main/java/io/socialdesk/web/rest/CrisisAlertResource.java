package io.socialdesk.web.rest;

import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import java.util.List;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /crisis/alerts}: who is alerted when a crisis opens, besides the marketing leads. Administrators replace the
 * list ({@code PUT}); administrators and marketing leads read it.
 */
@Path("/crisis/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrisisAlertResource {
    private final CrisisAlerts alerts;
    private final CurrentUser currentUser;

    @Inject
    public CrisisAlertResource(CrisisAlerts alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @GET
    public CrisisAlertsJson get() {
        return new CrisisAlertsJson(alerts.recipients(currentUser.require()));
    }

    @PUT
    public CrisisAlertsJson put(CrisisAlertsJson body) {
        User user = currentUser.require();
        return new CrisisAlertsJson(alerts.save(body == null ? null : body.recipients(), user));
    }

    /** The user keys alerted (the server's user names; Jira's user keys), in the order given. */
    public record CrisisAlertsJson(List<String> recipients) {}
}
