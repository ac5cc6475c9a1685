package io.socialdesk.core.memory;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ContentVersions;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.calendar.CalendarBlackouts;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.post.ContentCheck;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The editorial calendar over memory, for tests here and in the hosts' modules: the stores, the post and review
 * services (with the calendar's blackouts), the calendar service, a clock to move, and people of each role.
 * Posts open items {@code SD-1, SD-2...} and their path is {@code /posts/{id}}.
 */
public final class MemoryCalendar {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final User ALICE = person("alice", Role.MARKETING_AUTHOR);
    public static final User MARC = person("marc", Role.MARKETING_LEAD);

    public final MemoryStores stores = new MemoryStores();
    public final TestClock clock;
    public final PostService posts;
    public final ReviewService reviews;
    public final CalendarService calendar;
    public final CalendarBlackouts blackouts = new CalendarBlackouts(stores.blackouts);

    public MemoryCalendar(Instant now) {
        this.clock = new TestClock(now);
        AtomicLong ids = new AtomicLong();
        IssueTracker tracker = (kind, summary, reporter) -> {
            long id = ids.incrementAndGet();
            return new TrackedItem(id, "SD-" + id, "/items/SD-" + id);
        };
        ContentVersions versions = stores.versions;
        ReviewNotices notices = new ReviewNotices(stores.policies, stores.decisions, n -> {}, clock);
        this.posts = new PostService(stores.posts, stores.media, tracker, stores.trail, versions, notices, clock);
        this.reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, versions, ApproverDirectory.NO_GROUPS,
                ContentCheck.NONE, stores.accounts, tracker, notices, clock, blackouts);
        this.calendar = new CalendarService(stores.posts, stores.accounts, stores.policies, stores.keyDates, stores.blackouts, stores.schedules,
                reviews, p -> "/posts/" + p.id(), clock);
    }

    public static User person(String key, Role role) {
        return new User(key, key, Set.of(role), PARIS);
    }

    public Account account(Network network, String handle) {
        return stores.accounts.add(network, handle, handle);
    }

    /** A draft by Alice at {@code local} (e.g. {@code 2026-03-09T09:00}) in {@code zone}, to these accounts. */
    public Post draft(String title, String local, ZoneId zone, Long... accountIds) {
        return posts.create(new NewPost(title, "Text of " + title, local, zone.getId(), null, null, null, null, null, null, null,
                List.of(accountIds)), ALICE);
    }

    /** A draft submitted by Alice, approved by Marc and scheduled by Alice. */
    public Post scheduled(String title, String local, ZoneId zone, Long... accountIds) {
        Post p = draft(title, local, zone, accountIds);
        p = act(p, Action.SUBMIT, ALICE);
        p = act(p, Action.APPROVE, MARC);
        return act(p, Action.SCHEDULE, ALICE);
    }

    public Post act(Post p, Action action, User who) {
        return reviews.act(p.id(), ReviewService.ActionRequest.of(action, p.version()), who);
    }
}
