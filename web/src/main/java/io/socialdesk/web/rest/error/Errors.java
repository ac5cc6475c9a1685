package io.socialdesk.web.rest.error;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

final class Errors {
    private Errors() {}

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
