package io.socialdesk.server.http;

import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.user.User;
import io.socialdesk.web.page.QueuePage;
import io.socialdesk.web.rest.RestApi;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code /admin/queue}: the shared publishing queue page, for marketing leads and admins (anyone else: 403). */
@Path("admin/queue")
@Produces(MediaType.TEXT_HTML)
public class QueuePages {
    private final Pages pages;
    private final RequestUser requestUser;
    private final PublishingQueue queue;

    public QueuePages(Pages pages, RequestUser requestUser, PublishingQueue queue) {
        this.pages = pages;
        this.requestUser = requestUser;
        this.queue = queue;
    }

    @GET
    public Response queue(@Context HttpServletRequest request) {
        User viewer = requestUser.require();
        return pages.render(request, 200, "socialdesk.queue.heading", QueuePage.TEMPLATE,
                QueuePage.context(queue, viewer, pages.localeOf(request), RestApi.BASE_PATH));
    }
}
