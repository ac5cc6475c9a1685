package io.socialdesk.web.rest;

import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.audit.AuditExport;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import java.util.List;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /posts/{id}/...}: a post's review (the class path is {@code /posts}, shared with
 * {@link PostResource}: JAX-RS picks one root class per request, so a root of {@code /posts/{id}}
 * would hide {@code PUT /posts/{id}}). Read where it stands, take a workflow action, comment,
 * flag a department, see what changed since a version, and export the audit trail.
 */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private final ReviewService reviews;
    private final CurrentUser currentUser;

    @Inject
    public ReviewResource(ReviewService reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{id}/review")
    public ReviewJson review(@PathParam("id") String id) {
        return ReviewJson.of(reviews.review(QueryParams.positiveLong("id", id), currentUser.require()));
    }

    /** Takes a workflow action on the version sent; 409 with the current post when it moved on. */
    @POST
    @Path("/{id}/actions")
    public PostJson act(@PathParam("id") String id, ReviewService.ActionRequest body) {
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the action and the version is required");
        return PostJson.of(reviews.act(QueryParams.positiveLong("id", id), body, currentUser.require()));
    }

    @GET
    @Path("/{id}/decisions")
    public List<ReviewJson.DecisionJson> decisions(@PathParam("id") String id) {
        currentUser.require();
        return reviews.decisions(QueryParams.positiveLong("id", id)).stream().map(ReviewJson.DecisionJson::of).toList();
    }

    /** A comment on the post, or on one network's variant ({@code network}). */
    public record CommentRequest(String text, String network) {}

    @POST
    @Path("/{id}/comments")
    public Response comment(@PathParam("id") String id, CommentRequest body) {
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the comment's text is required");
        return Response.status(Response.Status.CREATED).entity(ReviewJson.AuditEventJson.of(
                reviews.comment(QueryParams.positiveLong("id", id), body.network(), body.text(), currentUser.require()))).build();
    }

    @PUT
    @Path("/{id}/flags/{department}")
    public FlagsJson flag(@PathParam("id") String id, @PathParam("department") String department) {
        return flagged(reviews.flag(QueryParams.positiveLong("id", id), department, true, currentUser.require()));
    }

    @DELETE
    @Path("/{id}/flags/{department}")
    public FlagsJson unflag(@PathParam("id") String id, @PathParam("department") String department) {
        return flagged(reviews.flag(QueryParams.positiveLong("id", id), department, false, currentUser.require()));
    }

    /** The departments flagged by hand after the change. */
    public record FlagsJson(List<String> flagged) {}

    private static FlagsJson flagged(java.util.Set<? extends Enum<?>> departments) {
        return new FlagsJson(departments.stream().map(Enum::name).sorted().toList());
    }

    /** What changed between the version with hash {@code since} and the current content. */
    @GET
    @Path("/{id}/changes")
    public List<ReviewJson.FieldChangeJson> changes(@PathParam("id") String id, @QueryParam("since") String since) {
        currentUser.require();
        if (since == null || since.isBlank()) throw new InvalidInputException("since", "required", "Name the version to compare with (its content hash)");
        return reviews.changesSince(QueryParams.positiveLong("id", id), since.strip()).stream().map(ReviewJson.FieldChangeJson::of).toList();
    }

    /** The audit trail as JSON (default) or CSV ({@code format=csv}), as a download. */
    @GET
    @Path("/{id}/audit")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response audit(@PathParam("id") String id, @QueryParam("format") String format) {
        currentUser.require();
        long postId = QueryParams.positiveLong("id", id);
        String f = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        var events = reviews.trail(postId);
        return switch (f) {
            case "json" -> Response.ok(AuditExport.json(events), MediaType.APPLICATION_JSON_TYPE + ";charset=utf-8").build();
            case "csv" -> Response.ok(AuditExport.csv(events), "text/csv;charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"post-" + postId + "-audit.csv\"").build();
            default -> throw new InvalidInputException("format", "known-format", "The format is json or csv");
        };
    }
}
