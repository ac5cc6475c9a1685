package io.socialdesk.web.rest;

import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostEdit;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.core.Context;

/** {@code /posts}: create, list, read and edit posts. Every host registers this same class. */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostResource {
    private final PostService posts;
    private final CurrentUser currentUser;

    @Inject
    public PostResource(PostService posts, CurrentUser currentUser) {
        this.posts = posts;
        this.currentUser = currentUser;
    }

    @GET
    public List<PostJson> list(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("state") String state,
            @QueryParam("author") String author, @QueryParam("campaign") String campaign, @QueryParam("limit") String limit) {
        currentUser.require();
        PostQuery query = new PostQuery(instant("from", from), instant("to", to), state(state), text(author), text(campaign),
                QueryParams.intInRange("limit", limit, 100, 1, PostQuery.MAX_LIMIT));
        return posts.list(query).stream().map(PostJson::of).toList();
    }

    @POST
    public Response create(NewPost body, @Context UriInfo uri) {
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the post is required");
        Post post = posts.create(body, currentUser.require());
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(post.id())).build();
        return Response.created(location).entity(PostJson.of(post)).build();
    }

    @GET
    @Path("/{id}")
    public PostJson get(@PathParam("id") String id) {
        currentUser.require();
        return PostJson.of(posts.get(QueryParams.positiveLong("id", id)));
    }

    /** Replaces the whole post with the version sent; 409 with the current post when someone else saved first. */
    @PUT
    @Path("/{id}")
    public PostJson edit(@PathParam("id") String id, PostEdit body) {
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the post is required");
        return PostJson.of(posts.edit(QueryParams.positiveLong("id", id), body, currentUser.require()));
    }

    private static Optional<PostState> state(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(PostState.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "known-state", "The state must be one of " + java.util.Arrays.toString(PostState.values()));
        }
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "instant", "The " + name + " parameter must be an ISO instant such as 2026-12-01T00:00:00Z");
        }
    }
}
