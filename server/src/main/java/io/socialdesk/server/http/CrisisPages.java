package io.socialdesk.server.http;

import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.User;
import io.socialdesk.web.page.CrisisAlertsPage;
import io.socialdesk.web.rest.RestApi;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code /admin/crisis}: who is alerted of a crisis; admins edit, marketing leads read (anyone else: 403). */
@Path("admin/crisis")
@Produces(MediaType.TEXT_HTML)
public class CrisisPages {
    private final Pages pages;
    private final RequestUser requestUser;
    private final CrisisAlerts alerts;

    public CrisisPages(Pages pages, RequestUser requestUser, CrisisAlerts alerts) {
        this.pages = pages;
        this.requestUser = requestUser;
        this.alerts = alerts;
    }

    @GET
    public Response crisis(@Context HttpServletRequest request, @QueryParam("saved") String saved) {
        User viewer = requestUser.require();
        if (!CrisisAlerts.mayRead(viewer)) throw new NotAllowedException("Only administrators and marketing leads see who is alerted of a crisis.");
        return pages.render(request, 200, "socialdesk.crisis.alerts.heading", CrisisAlertsPage.TEMPLATE,
                CrisisAlertsPage.context(alerts, viewer, RestApi.BASE_PATH, saved != null, "socialdesk.crisis.alerts.userHint.server"));
    }
}
