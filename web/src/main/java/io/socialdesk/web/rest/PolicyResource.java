package io.socialdesk.web.rest;

import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /policies/{project}}: a project's approval policy; anyone may read it, admins change it. */
@Path("/policies/{project}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private static final java.util.regex.Pattern PROJECT_KEY = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,19}");

    private final PolicyStore policies;
    private final CurrentUser currentUser;

    @Inject
    public PolicyResource(PolicyStore policies, CurrentUser currentUser) {
        this.policies = policies;
        this.currentUser = currentUser;
    }

    @GET
    public PolicyJson get(@PathParam("project") String project) {
        currentUser.require();
        return PolicyJson.of(policies.policyFor(projectKey(project)));
    }

    @PUT
    public PolicyJson put(@PathParam("project") String project, PolicyJson body) {
        User user = currentUser.require();
        if (!user.has(Role.ADMIN)) throw new NotAllowedException("Only an administrator may change a project's approval policy.");
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the policy is required");
        String key = projectKey(project);
        policies.save(body.toPolicy(key));
        return PolicyJson.of(policies.policyFor(key));
    }

    /** The project key from a path or parameter, or {@code InvalidInputException} (field {@code project}, rule {@code project-key}). */
    public static String projectKey(String value) {
        String key = value == null ? "" : value.strip();
        if (!PROJECT_KEY.matcher(key).matches()) {
            throw new InvalidInputException("project", "project-key", "A project key is an upper-case letter then up to 19 upper-case letters, digits or underscores, such as SD or MKT");
        }
        return key;
    }
}
