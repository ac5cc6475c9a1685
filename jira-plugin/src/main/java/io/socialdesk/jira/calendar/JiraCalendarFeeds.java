package io.socialdesk.jira.calendar;

import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.web.calendar.ical.IcalFeeds;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Named;

/** The editorial calendar's iCalendar feeds in Jira: tokens and saved filters in Active Objects, the engine's calendar. */
@Named
public final class JiraCalendarFeeds {
    private final IcalFeeds feeds;

    @Inject
    public JiraCalendarFeeds(SocialDeskEngine engine, JiraActiveObjectsAccess ao) {
        this(IcalFeeds.over(ao, engine.calendar().service(), Clock.systemUTC()));
    }

    /** Any assembly: for tests. */
    public JiraCalendarFeeds(IcalFeeds feeds) {
        this.feeds = feeds;
    }

    public IcalFeeds feeds() {
        return feeds;
    }
}
