package io.socialdesk.web.calendar;

import io.socialdesk.core.calendar.BlackoutStore;
import io.socialdesk.core.calendar.CalendarBlackouts;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.calendar.KeyDateStore;
import io.socialdesk.core.calendar.PostingScheduleStore;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.publish.Blackouts;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.calendar.AoBlackoutStore;
import io.socialdesk.store.calendar.AoKeyDateStore;
import io.socialdesk.store.calendar.AoPostingScheduleStore;
import io.socialdesk.web.Engine;
import java.time.Clock;
import java.util.function.Function;

/**
 * The editorial calendar assembled the same way in both hosts: its stores, the {@link Blackouts} the publishing
 * engine and the approval step respect, and the {@link CalendarService}. {@code postPath}: where the host opens a
 * post (the server's editor, Jira's issue).
 */
public record EditorialCalendar(KeyDateStore keyDates, BlackoutStore blackoutStore, PostingScheduleStore schedules, Blackouts blackouts,
        CalendarService service) {

    public static EditorialCalendar over(AoAccess ao, Engine engine, Function<Post, String> postPath, Clock clock) {
        return of(engine, new AoKeyDateStore(ao), new AoBlackoutStore(ao), new AoPostingScheduleStore(ao), postPath, clock);
    }

    /** Over any stores: the hosts' Active Objects, or a test's memory. */
    public static EditorialCalendar of(Engine engine, KeyDateStore keyDates, BlackoutStore blackouts, PostingScheduleStore schedules,
            Function<Post, String> postPath, Clock clock) {
        CalendarService service = new CalendarService(engine.postStore(), engine.accounts(), engine.policies(), keyDates, blackouts, schedules,
                engine.reviews(), postPath, clock);
        return new EditorialCalendar(keyDates, blackouts, schedules, new CalendarBlackouts(blackouts), service);
    }

    /** The periods over Active Objects, for the engine's own assembly (its approval step checks them). */
    public static Blackouts blackoutsOver(AoAccess ao) {
        return new CalendarBlackouts(new AoBlackoutStore(ao));
    }
}
