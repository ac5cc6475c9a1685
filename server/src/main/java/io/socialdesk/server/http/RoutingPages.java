package io.socialdesk.server.http;

import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.User;
import io.socialdesk.web.page.RoutingAdminPage;
import io.socialdesk.web.rest.RestApi;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code /admin/routing}: the shared routing rules page; admins edit, marketing leads read and test (anyone else: 403). */
@Path("admin/routing")
@Produces(MediaType.TEXT_HTML)
public class RoutingPages {
    private final Pages pages;
    private final RequestUser requestUser;
    private final RoutingService routing;
    private final AccountStore accounts;

    public RoutingPages(Pages pages, RequestUser requestUser, RoutingService routing, AccountStore accounts) {
        this.pages = pages;
        this.requestUser = requestUser;
        this.routing = routing;
        this.accounts = accounts;
    }

    /** {@code saved}: the version the page's script just saved, to say so. */
    @GET
    public Response routing(@Context HttpServletRequest request, @QueryParam("saved") String saved) {
        User viewer = requestUser.require();
        if (!RoutingService.mayRead(viewer)) throw new NotAllowedException(RoutingService.READERS_ONLY);
        return pages.render(request, 200, "socialdesk.routing.heading", RoutingAdminPage.TEMPLATE,
                RoutingAdminPage.context(routing.rules(viewer), viewer, accounts.list(), pages.localeOf(request), RestApi.BASE_PATH, saved, false));
    }
}
