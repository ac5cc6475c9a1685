package io.socialdesk.web.rest.error;

import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * Last line: a 500 that carries a reference instead of a stack trace. The trace goes to the log
 * under the same reference, so support can find it.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(System.Logger.Level.ERROR, "Unexpected error, reference " + reference, e);
        return Errors.json(500, ErrorJson.of("Something went wrong on our side (reference " + reference + ")"));
    }
}
