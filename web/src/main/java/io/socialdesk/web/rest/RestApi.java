package io.socialdesk.web.rest;

import io.socialdesk.web.rest.error.ConflictMapper;
import io.socialdesk.web.rest.error.InvalidInputMapper;
import io.socialdesk.web.rest.error.MalformedJsonMapper;
import io.socialdesk.web.rest.error.NotAllowedMapper;
import io.socialdesk.web.rest.error.NotFoundMapper;
import io.socialdesk.web.rest.error.NotSignedInMapper;
import io.socialdesk.web.rest.error.UnexpectedErrorMapper;
import io.socialdesk.web.rest.error.WebApplicationMapper;
import java.util.List;

/**
 * The REST API under {@code /rest/socialdesk/1.0}: its resources and its error mappers. Hosts
 * register these; the OpenAPI test reads {@link #RESOURCES} to keep docs/openapi.yaml true.
 */
public final class RestApi {
    private RestApi() {}

    public static final String BASE_PATH = "/rest/socialdesk/1.0";

    public static final List<Class<?>> RESOURCES = List.of(PostResource.class, ReviewResource.class, PolicyResource.class,
            AccountResource.class, HealthResource.class, ValidateResource.class, MediaResource.class,
            InboundResource.class, FeedResource.class, QueueResource.class, RoutingResource.class,
            CalendarResource.class,
            // Editorial calendar (issue 7): iCalendar feeds.
            CalendarFeedResource.class, IcalFeedResource.class, CalendarDataResource.class,
            InboxResource.class, NetworkWebhookResource.class,
            // Who is alerted of a crisis (issue 6).
            CrisisAlertResource.class);

    public static final List<Class<?>> ERROR_MAPPERS = List.of(
            InvalidInputMapper.class, ConflictMapper.class, NotFoundMapper.class, NotAllowedMapper.class, NotSignedInMapper.class,
            MalformedJsonMapper.class, WebApplicationMapper.class, UnexpectedErrorMapper.class);
}
