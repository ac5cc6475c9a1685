package io.socialdesk.web.rest;

import io.socialdesk.channel.rules.PostValidator;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /validate}: checks a text against one network's rules, as the editor's live counters
 * and marketing teams' CI pipelines do. 200 with {@code valid} true or false; 400 only for a body
 * that cannot be checked (unknown network, missing text). Signed-in users only, like the rest of
 * the API: the answer reveals nothing, but one rule for every resource is easier to keep right.
 */
@Path("/validate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ValidateResource {
    private final PostValidator validator;
    private final CurrentUser currentUser;

    @Inject
    public ValidateResource(CurrentUser currentUser) {
        this(PostValidator.standard(), currentUser);
    }

    public ValidateResource(PostValidator validator, CurrentUser currentUser) {
        this.validator = validator;
        this.currentUser = currentUser;
    }

    @POST
    public ValidationJson validate(ValidateRequest body) {
        currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with network and text is required");
        return TextValidation.validate(validator, body.network(), body.text(), body.instanceLimit());
    }
}
