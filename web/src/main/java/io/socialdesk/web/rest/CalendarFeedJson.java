package io.socialdesk.web.rest;

import io.socialdesk.core.calendar.feed.FeedToken;
import io.socialdesk.core.calendar.feed.FeedTokens;
import io.socialdesk.core.calendar.feed.SavedFilter;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The JSON of the calendar feeds' REST API ({@code /calendar-feeds}). A feed's URL appears only in {@link Issued}. */
public final class CalendarFeedJson {
    private CalendarFeedJson() {}

    /** What a user sends to add a feed: {@code kind} user, project, filter or key-dates; {@code target} as the kind needs. */
    public record NewFeed(String kind, String target, String label) {}

    /** A feed as listed: never its secret or URL (shown once, when issued or rotated). */
    public record Feed(long id, String kind, String target, String label, String createdAt, String issuedAt) {
        static Feed of(FeedToken t) {
            return new Feed(t.id(), t.kind().slug(), t.target(), t.label(), t.createdAt().toString(), t.issuedAt().toString());
        }
    }

    /** A feed with its secret URL, the one time it is shown; {@code webcalUrl} opens it in a desktop calendar. */
    public record Issued(long id, String kind, String target, String label, String createdAt, String issuedAt, String url, String webcalUrl) {
        static Issued of(FeedTokens.Issued issued, URI restBase) {
            FeedToken t = issued.token();
            String base = restBase.toString().endsWith("/") ? restBase.toString() : restBase + "/";
            String url = base + "ical/" + issued.secret() + ".ics";
            String webcal = url.replaceFirst("^https?://", "webcal://");
            return new Issued(t.id(), t.kind().slug(), t.target(), t.label(), t.createdAt().toString(), t.issuedAt().toString(), url, webcal);
        }

        @Override
        public String toString() {
            return "Issued[id=" + id + ", kind=" + kind + ", url=(hidden)]";
        }
    }

    /** A saved calendar filter, as sent and as listed. */
    public record Filter(Long id, String name, Map<String, List<String>> filters, String createdAt) {
        static Filter of(SavedFilter f) {
            return new Filter(f.id(), f.name(), f.filters(), f.createdAt().toString());
        }
    }

    public record Feeds(List<Feed> feeds, List<Filter> filters, int daysBack, int days, int maxPosts) {}
}
