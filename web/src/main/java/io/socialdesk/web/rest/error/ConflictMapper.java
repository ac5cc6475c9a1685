package io.socialdesk.web.rest.error;

import io.socialdesk.core.post.Post;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.web.rest.PostJson;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** 409: the caller's copy is stale. The answer carries the current version, so nothing is lost. */
@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {
    /** A conflict answer: the error as usual, plus what is stored now. */
    public record ConflictJson(String error, String field, String rule, PostJson current) {}

    @Override
    public Response toResponse(ConflictException e) {
        PostJson current = e.current() instanceof Post post ? PostJson.of(post) : null;
        return Errors.json(409, new ConflictJson(e.getMessage(), e.field(), e.rule(), current));
    }
}
