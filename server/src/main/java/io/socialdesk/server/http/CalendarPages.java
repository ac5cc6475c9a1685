package io.socialdesk.server.http;

import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.user.User;
import io.socialdesk.web.page.CalendarPage;
import io.socialdesk.web.rest.RestApi;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /calendar}: the shared editorial calendar (month, week or list; query parameters as {@link CalendarPage#of}
 * reads them), for everyone signed in, in their zone and language. It is the marketing team's home page
 * ({@link PageResource#homeOf}). Posts open in the editor; drag and drop goes through the calendar's REST API.
 */
@Path("calendar")
@Produces(MediaType.TEXT_HTML)
public class CalendarPages {
    public static final String PATH = "/calendar";

    private final Pages pages;
    private final RequestUser requestUser;
    private final CalendarService calendar;
    private final AccountStore accounts;

    public CalendarPages(Pages pages, RequestUser requestUser, CalendarService calendar, AccountStore accounts) {
        this.pages = pages;
        this.requestUser = requestUser;
        this.calendar = calendar;
        this.accounts = accounts;
    }

    @GET
    public Response calendar(@Context HttpServletRequest request) {
        User viewer = requestUser.require();
        CalendarPage.Page page = CalendarPage.of(calendar, viewer, pages.localeOf(request),
                new CalendarPage.Host(PATH, Map.of(), RestApi.BASE_PATH, "", ""), accounts.list(), request::getParameter);
        return pages.render(request, page.status(), "socialdesk.calendar.heading", CalendarPage.TEMPLATE, page.context());
    }
}
