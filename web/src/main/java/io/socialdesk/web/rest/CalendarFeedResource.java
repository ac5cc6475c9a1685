package io.socialdesk.web.rest;

import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.calendar.feed.FeedKind;
import io.socialdesk.core.calendar.feed.FeedTokens;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import io.socialdesk.web.calendar.ical.CalendarFeeds;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /calendar-feeds}: a signed-in user's iCalendar feeds and saved calendar filters. Adding or rotating a feed
 * answers its secret URL once ({@code no-store}); listing never shows it. The feed itself is {@link IcalFeedResource}.
 */
@Path("/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarFeedResource {
    private final FeedTokens feeds;
    private final CurrentUser currentUser;

    @Inject
    public CalendarFeedResource(FeedTokens feeds, CurrentUser currentUser) {
        this.feeds = feeds;
        this.currentUser = currentUser;
    }

    @GET
    public CalendarFeedJson.Feeds list() {
        User user = currentUser.require();
        return new CalendarFeedJson.Feeds(feeds.feedsOf(user.key()).stream().map(CalendarFeedJson.Feed::of).toList(),
                feeds.filtersOf(user.key()).stream().map(CalendarFeedJson.Filter::of).toList(), CalendarFeeds.DAYS_BACK,
                CalendarQuery.MAX_DAYS, CalendarService.MAX_ENTRIES);
    }

    @POST
    public Response add(CalendarFeedJson.NewFeed body, @Context UriInfo uri) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the feed's kind is required");
        FeedKind kind = FeedKind.parse(body.kind()).orElseThrow(() -> new InvalidInputException("kind", "known-kind",
                "A feed lists one of: user (your posts), project, filter (a saved filter) or key-dates"));
        FeedTokens.Issued issued = feeds.issue(user.key(), kind, body.target(), body.label());
        return secret(Response.status(201), CalendarFeedJson.Issued.of(issued, uri.getBaseUri()));
    }

    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("id") String id, @Context UriInfo uri) {
        User user = currentUser.require();
        return secret(Response.ok(), CalendarFeedJson.Issued.of(feeds.rotate(user.key(), QueryParams.positiveLong("id", id)), uri.getBaseUri()));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        User user = currentUser.require();
        feeds.revoke(user.key(), QueryParams.positiveLong("id", id));
        return Response.noContent().build();
    }

    @POST
    @Path("filters")
    public Response saveFilter(CalendarFeedJson.Filter body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the filter's name and filters is required");
        return Response.status(201).entity(CalendarFeedJson.Filter.of(feeds.saveFilter(user.key(), body.name(), body.filters()))).build();
    }

    @DELETE
    @Path("filters/{id}")
    public Response deleteFilter(@PathParam("id") String id) {
        User user = currentUser.require();
        feeds.deleteFilter(user.key(), QueryParams.positiveLong("id", id));
        return Response.noContent().build();
    }

    /** The one answer that carries a feed's secret: no cache, proxy or browser history keeps it. */
    private static Response secret(Response.ResponseBuilder answer, CalendarFeedJson.Issued body) {
        return answer.entity(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
