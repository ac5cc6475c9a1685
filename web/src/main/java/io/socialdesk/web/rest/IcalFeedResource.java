package io.socialdesk.web.rest;

import io.socialdesk.core.calendar.feed.FeedToken;
import io.socialdesk.core.calendar.feed.FeedTokens;
import io.socialdesk.web.calendar.ical.CalendarFeeds;
import io.socialdesk.web.calendar.ical.IcsWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code GET /ical/{secret}.ics}: an iCalendar feed for calendar clients, which send no login: the secret in the URL
 * is the authentication (hosts let this path through without a session). An unknown, revoked, rotated or malformed
 * secret gets the same 401 and the same words, so nothing tells them apart; the secret is never logged.
 */
@Path("/ical")
public class IcalFeedResource {
    static final String INVALID = "This calendar feed link is not valid: it was revoked or replaced, or is mistyped. "
            + "Copy the feed's new link from Social Desk.";

    private final FeedTokens feeds;
    private final CalendarFeeds calendars;

    @Inject
    public IcalFeedResource(FeedTokens feeds, CalendarFeeds calendars) {
        this.feeds = feeds;
        this.calendars = calendars;
    }

    @GET
    @Path("{secret}.ics")
    @Produces({IcsWriter.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response feed(@PathParam("secret") String secret, @Context UriInfo uri) {
        Optional<FeedToken> feed = feeds.resolve(secret);
        if (feed.isEmpty()) {
            return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", INVALID))
                    .header("Cache-Control", "no-store").build();
        }
        String ics = calendars.ics(feed.get(), site(uri.getBaseUri()));
        return Response.ok(ics.getBytes(StandardCharsets.UTF_8)).type(IcsWriter.MEDIA_TYPE + ";charset=utf-8")
                // Personal data behind a secret URL: no shared cache keeps it; clients poll (X-PUBLISHED-TTL).
                .header("Cache-Control", "private, no-cache").header("Referrer-Policy", "no-referrer")
                .header("Content-Disposition", "inline; filename=\"socialdesk.ics\"").build();
    }

    /** The host's base ({@code https://jira.example.com/jira}): the REST base without {@link RestApi#BASE_PATH}. */
    static URI site(URI restBase) {
        String base = restBase.toString();
        int at = base.indexOf(RestApi.BASE_PATH);
        return URI.create(at >= 0 ? base.substring(0, at) : base.replaceAll("/+$", ""));
    }
}
