package io.socialdesk.web.rest.error;

import io.socialdesk.core.problem.NotSignedInException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

@Provider
public class NotSignedInMapper implements ExceptionMapper<NotSignedInException> {
    @Override
    public Response toResponse(NotSignedInException e) {
        return Errors.json(401, ErrorJson.of(e.getMessage()));
    }
}
