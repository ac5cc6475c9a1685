package io.socialdesk.web.rest.error;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** The container's own refusals (unknown route, wrong method, wrong media type) as JSON. */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This resource does not accept that method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "Send the body as application/json";
            default -> status >= 500 ? "Something went wrong on our side" : "The request was refused";
        };
        return Errors.json(status, ErrorJson.of(message));
    }
}
