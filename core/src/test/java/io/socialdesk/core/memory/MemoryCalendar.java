package io.socialdesk.core.memory;

import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.calendar.CalendarBlackouts;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The editorial calendar over {@link MemoryStores}, for the page tests of both hosts: a {@link CalendarService} whose
 * review step respects the calendar's blackouts, opening posts at {@code /posts/{id}/edit}, and a quick way to plan
 * posts on accounts.
 */
public final class MemoryCalendar {
    public final MemoryStores stores = new MemoryStores();
    public final ReviewService reviews;
    public final CalendarService service;
    private final Clock clock;
    private final AtomicLong items = new AtomicLong();

    public MemoryCalendar(Clock clock) {
        this.clock = clock;
        this.reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions, ApproverDirectory.NO_GROUPS,
                (c, n) -> List.of(), stores.accounts, (kind, summary, reporter) -> item(), new ReviewNotices(stores.policies, stores.decisions,
                        n -> {}, clock), clock, new CalendarBlackouts(stores.blackouts));
        this.service = new CalendarService(stores.posts, stores.accounts, stores.policies, stores.keyDates, stores.blackouts, stores.schedules,
                reviews, post -> "/posts/" + post.id() + "/edit", clock);
    }

    private TrackedItem item() {
        long n = items.incrementAndGet();
        return new TrackedItem(n, "SD-" + n, "/browse/SD-" + n);
    }

    /** A post by alice planned at {@code local} in {@code zone} on {@code accountIds}, stored in {@code state}. */
    public Post post(String title, LocalDateTime local, ZoneId zone, PostState state, List<Long> accountIds) {
        PostContent content = new PostContent(title + " text", Map.of(), List.of(), List.of(), Optional.empty(), List.of(), null, "", "en", accountIds);
        return stores.posts.create(item(), title, content, new PlannedTime(local, zone), state, "alice", clock.instant());
    }
}
