package io.socialdesk.web.calendar.ical;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarEntry;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.calendar.KeyDate;
import io.socialdesk.core.calendar.feed.FeedKind;
import io.socialdesk.core.calendar.feed.FeedToken;
import io.socialdesk.core.calendar.feed.FeedTokens;
import io.socialdesk.core.calendar.feed.SavedFilter;
import io.socialdesk.core.post.PostState;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What each kind of feed lists, read through the calendar ({@link CalendarService}) and written by {@link IcsWriter}.
 * Work is bounded: a feed covers {@link #DAYS_BACK} days back to the calendar's one-year cap ahead
 * ({@link CalendarQuery#MAX_DAYS} days in all), and at most {@link CalendarService#MAX_ENTRIES} posts.
 */
public final class CalendarFeeds {
    public static final int DAYS_BACK = 30;
    /** A post is a moment; clients draw it as a short event. */
    static final Duration POST_LENGTH = Duration.ofMinutes(15);

    private final CalendarService calendar;
    private final FeedTokens tokens;

    public CalendarFeeds(CalendarService calendar, FeedTokens tokens) {
        this.calendar = calendar;
        this.tokens = tokens;
    }

    /**
     * The feed's text. {@code site}: the host's base (posts' paths are resolved against it); its host names the
     * events' UIDs ({@code post-12@jira.example.com}), which stay the same as long as the site's name does.
     */
    public String ics(FeedToken feed, URI site) {
        LocalDate today = calendar.today(ZoneOffset.UTC);
        LocalDate from = today.minusDays(DAYS_BACK);
        LocalDate to = from.plusDays(CalendarQuery.MAX_DAYS);
        String host = site.getHost() == null ? "socialdesk" : site.getHost();
        if (feed.kind() == FeedKind.KEY_DATES) {
            Set<String> countries = feed.target().isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(feed.target().split(",")));
            CalendarData data = calendar.calendar(new CalendarQuery(CalendarQuery.View.LIST, from, to, ZoneOffset.UTC, CalendarFilter.NONE, countries));
            List<IcsDay> days = new ArrayList<>();
            for (KeyDate date : data.keyDates()) days.add(day(date, host));
            for (Blackout period : data.blackouts()) days.add(day(period, host));
            return IcsWriter.write(feed.label(), List.of(), days, calendar.clock().instant());
        }
        Optional<String> project = Optional.empty();
        CalendarFilter filter = CalendarFilter.NONE;
        switch (feed.kind()) {
            case USER -> filter = new CalendarFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(feed.ownerKey()), Set.of());
            case PROJECT -> project = Optional.of(feed.target());
            case FILTER -> {
                SavedFilter saved = tokens.filter(Long.parseLong(feed.target())).orElse(null);
                if (saved == null) return IcsWriter.write(feed.label(), List.of(), List.of(), calendar.clock().instant());
                filter = saved.calendarFilter();
                List<String> projects = saved.values("project").stream().map(p -> p.toUpperCase(Locale.ROOT)).toList();
                if (!projects.isEmpty()) project = Optional.of(String.join(",", projects));
            }
            default -> throw new IllegalStateException("not a post feed: " + feed.kind());
        }
        CalendarData data = calendar.calendar(new CalendarQuery(CalendarQuery.View.LIST, from, to, ZoneOffset.UTC, filter, Set.of()));
        Set<String> projects = project.map(p -> Set.of(p.split(","))).orElse(null);
        List<CalendarEntry> entries = projects == null ? data.entries()
                : data.entries().stream().filter(e -> projects.contains(projectOf(e.itemKey()))).toList();
        return ics(feed.label(), entries, site);
    }

    /** Posts as a feed: one event each, at its planned time in its own zone. */
    public static String ics(String name, List<CalendarEntry> entries, URI site) {
        String host = site.getHost() == null ? "socialdesk" : site.getHost();
        List<IcsEvent> events = new ArrayList<>(entries.size());
        for (CalendarEntry entry : entries) events.add(event(entry, site, host));
        return IcsWriter.write(name, events, List.of());
    }

    /** One post as an event; {@code host} makes its UID ({@code post-12@host}). */
    public static IcsEvent event(CalendarEntry e, URI site, String host) {
        URI url = URI.create(trimSlash(site.toString()) + (e.path().startsWith("/") ? e.path() : "/" + e.path()));
        List<String> networks = e.networks().stream().map(Network::label).toList();
        StringBuilder description = new StringBuilder();
        description.append(e.itemKey()).append('\n');
        if (!networks.isEmpty()) description.append("Networks: ").append(String.join(", ", networks)).append('\n');
        description.append("State: ").append(label(e.state())).append('\n');
        if (!e.campaign().isEmpty()) description.append("Campaign: ").append(e.campaign()).append('\n');
        description.append(url);
        return new IcsEvent("post-" + e.postId() + "@" + host, e.title(), e.plannedAt().atZone(e.plannedZone()), POST_LENGTH,
                description.toString(), url, Math.max(0, e.version() - 1), e.updatedAt(), status(e.state()), networks);
    }

    /** Cancelled and rejected posts will not go out; posts not yet approved may still move. */
    static IcsEvent.Status status(PostState state) {
        return switch (state) {
            case CANCELLED, REJECTED -> IcsEvent.Status.CANCELLED;
            case DRAFT, IN_REVIEW, CHANGES_REQUESTED -> IcsEvent.Status.TENTATIVE;
            default -> IcsEvent.Status.CONFIRMED;
        };
    }

    static String label(PostState state) {
        String words = state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static IcsDay day(KeyDate date, String host) {
        String id = date.teamDateId() > 0 ? "team-" + date.teamDateId()
                : date.kind().slug() + "-" + date.region().toLowerCase(Locale.ROOT) + "-" + Integer.toHexString(date.name().hashCode());
        String title = date.region().isEmpty() ? date.name() : date.name() + " (" + date.region() + ")";
        return new IcsDay("keydate-" + id + "-" + date.date() + "@" + host, title, date.date(), date.date(), date.note(), 0, null);
    }

    private static IcsDay day(Blackout period, String host) {
        LocalDate first = period.localStart().toLocalDate();
        // [start, end): a period ending at midnight does not take the next day.
        LocalDate last = period.localEnd().minusNanos(1).toLocalDate();
        if (last.isBefore(first)) last = first;
        String title = (period.kind() == Blackout.Kind.EMBARGO ? "Embargo: " : "Blackout: ") + period.name();
        String description = period.explain();
        return new IcsDay("blackout-" + period.id() + "@" + host, title, first, last, description, Math.max(0, period.version() - 1), null);
    }

    private static String projectOf(String itemKey) {
        int dash = itemKey.lastIndexOf('-');
        return dash > 0 ? itemKey.substring(0, dash) : itemKey;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
