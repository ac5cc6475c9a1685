package io.socialdesk.web.rest.error;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** 400, naming the field and the rule of the first problem, and listing every problem. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
        FieldProblem first = e.first();
        return Errors.json(400, new ErrorJson(first.message(), first.field(), first.rule(), e.problems()));
    }
}
