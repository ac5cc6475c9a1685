package io.socialdesk.server.http;

import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.problem.NotSignedInException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Friendly pages for every failure of a page request: sign-in for a missing or ended session, and
 * a short page for not found, not allowed, and our own errors (with a reference, never a trace).
 */
public final class PageErrors implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

    private final Pages pages;
    private final RequestUser requestUser;

    @Context
    private HttpServletRequest request;

    public PageErrors(Pages pages, RequestUser requestUser) {
        this.pages = pages;
        this.requestUser = requestUser;
    }

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof NotSignedInException) {
            // The whole address, so that a shared link (a calendar month, a filtered queue) opens as sent after sign-in.
            String query = request.getQueryString();
            String next = URLEncoder.encode(request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query), StandardCharsets.UTF_8);
            String expired = requestUser.caller() instanceof RequestUser.SessionEnded ? "expired=1&" : "";
            return Response.seeOther(URI.create("/login?" + expired + "next=" + next)).build();
        }
        if (e instanceof NotFoundException || (e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)) {
            return page(404, "socialdesk.error.notfound.heading", "socialdesk.error.notfound.text", "");
        }
        if (e instanceof NotAllowedException) {
            return page(403, "socialdesk.error.forbidden.heading", "socialdesk.error.forbidden.text", "");
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return page(w.getResponse().getStatus(), "socialdesk.error.generic.heading", "socialdesk.error.notfound.text", "");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error on a page, reference {}", reference, e);
        return page(500, "socialdesk.error.generic.heading", "socialdesk.error.generic.text", reference);
    }

    private Response page(int status, String headingKey, String textKey, String reference) {
        return pages.render(request, status, headingKey, "templates/server/error.vm",
                Map.of("headingKey", headingKey, "textKey", textKey, "reference", reference));
    }
}
