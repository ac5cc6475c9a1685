package io.socialdesk.web.rest.error;

import io.socialdesk.core.problem.NotFoundException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
        return Errors.json(404, ErrorJson.of(e.getMessage()));
    }
}
