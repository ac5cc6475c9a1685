package io.socialdesk.web.calendar.ical;

import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.calendar.feed.CalendarFeedStore;
import io.socialdesk.core.calendar.feed.FeedTokens;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.calendar.feed.AoCalendarFeedStore;
import java.time.Clock;

/** The iCalendar feeds assembled the same way in both hosts: the tokens and saved filters, and what each feed lists. */
public record IcalFeeds(FeedTokens tokens, CalendarFeeds feeds) {
    public static IcalFeeds over(AoAccess ao, CalendarService calendar, Clock clock) {
        return of(new AoCalendarFeedStore(ao), calendar, clock);
    }

    /** Over any store: the hosts' Active Objects, or a test's memory. */
    public static IcalFeeds of(CalendarFeedStore store, CalendarService calendar, Clock clock) {
        FeedTokens tokens = new FeedTokens(store, clock);
        return new IcalFeeds(tokens, new CalendarFeeds(calendar, tokens));
    }
}
