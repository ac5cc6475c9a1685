package io.socialdesk.server.http;

import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.User;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.account.AccountPermissions;
import io.socialdesk.web.page.AccountsAdminPage;
import io.socialdesk.web.rest.RestApi;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code /admin/accounts}: the shared accounts page, for admins, marketing leads and account owners. */
@Path("admin/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {
    private final Pages pages;
    private final RequestUser requestUser;
    private final AccountAdmin admin;

    public AccountPages(Pages pages, RequestUser requestUser, AccountAdmin admin) {
        this.pages = pages;
        this.requestUser = requestUser;
        this.admin = admin;
    }

    /** {@code connected}, {@code error}: where the OAuth callback sends people back, with its result. */
    @GET
    public Response accounts(@Context HttpServletRequest request, @QueryParam("connected") String connected, @QueryParam("error") String error) {
        User viewer = requestUser.require();
        if (!AccountPermissions.maySeeAdminPage(viewer, admin.accounts().list())) {
            throw new NotAllowedException("Only admins, marketing leads and account owners manage accounts.");
        }
        Map<String, Object> body = AccountsAdminPage.context(admin, viewer, pages.localeOf(request), RestApi.BASE_PATH, connected, error);
        return pages.render(request, 200, "socialdesk.accounts.heading", AccountsAdminPage.TEMPLATE, body);
    }
}
