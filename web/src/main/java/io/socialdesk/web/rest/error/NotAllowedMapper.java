package io.socialdesk.web.rest.error;

import io.socialdesk.core.problem.NotAllowedException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

@Provider
public class NotAllowedMapper implements ExceptionMapper<NotAllowedException> {
    @Override
    public Response toResponse(NotAllowedException e) {
        return Errors.json(403, ErrorJson.of(e.getMessage()));
    }
}
