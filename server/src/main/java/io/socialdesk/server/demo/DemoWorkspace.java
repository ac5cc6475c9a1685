package io.socialdesk.server.demo;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.auth.ServerUsers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A workspace to look around in: a user of each role, an account on each network (not
 * connected), a month of posts in several states and a few mention tickets. Seeded once, into an
 * empty database only, so a restart with {@code --demo} changes nothing.
 */
public final class DemoWorkspace {
    /** The password of every demo user. For a demo on your own machine only. */
    public static final String PASSWORD = "socialdesk";

    public record DemoUser(String username, String displayName, Role role, String zone, String language) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice Martin", Role.MARKETING_AUTHOR, "Europe/Paris", "fr"),
            new DemoUser("marc", "Marc Dubois", Role.MARKETING_LEAD, "Europe/Paris", "fr"),
            new DemoUser("laura", "Laura Chen", Role.LEGAL, "America/New_York", "en"),
            new DemoUser("hugo", "Hugo Petit", Role.HR, "Europe/Paris", "fr"),
            new DemoUser("sam", "Sam Taylor", Role.SUPPORT_AGENT, "Europe/London", "en"),
            new DemoUser("admin", "Admin", Role.ADMIN, "UTC", "en"));

    private static final String[] TOPICS = {
        "Winter launch teaser", "Customer story: Lyon bakery", "Hiring: backend engineers", "Webinar reminder",
        "Product tip of the week", "Holiday opening hours", "Behind the scenes", "Community Q&A recap",
        "Partner announcement", "Black Friday offer", "Team spotlight", "Release notes 4.2",
        "Sustainability report", "Event: Paris meetup", "Survey results", "Thank you, 10k followers",
        "How-to video", "Security update", "Press mention", "Year in review"
    };

    private static final PostState[] STATES = {
        PostState.DRAFT, PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED, PostState.CHANGES_REQUESTED,
        PostState.SCHEDULED, PostState.PUBLISHED, PostState.DRAFT, PostState.FAILED, PostState.SCHEDULED
    };

    /** Mentions on Bluesky as the inbox imports them: id, parent (a reply), handle, display name, followers, text. */
    private static final String[][] MENTIONS = {
        {"3kd1", null, "client-furieux.bsky.social", "Client furieux", "87", "@acme.bsky.social my order #4411 never arrived and support does not answer"},
        {"3kd2", "3kd1", "client-furieux.bsky.social", "Client furieux", "87", "Still nothing three days later."},
        {"3kd3", null, "julie-dev.bsky.social", "Julie", "1204", "Is there a job opening for a community manager in Lyon?"},
        {"3kd4", null, "pierre-l.bsky.social", "Pierre L.", "312", "Votre produit ne marche pas depuis la mise à jour, remboursement ?"},
        {"3kd5", null, "procurement-bob.bsky.social", "Bob (Procurement)", "45", "Can I get a quote for 200 seats?"},
        {"3kd6", null, "happy-user.bsky.social", "Happy <b>user</b>", "9", "Love the new release! <script>alert('x')</script> 🎉"},
    };

    private DemoWorkspace() {}

    /** Seeds the workspace when the database has no users yet; answers whether it did. */
    public static boolean seedIfEmpty(SocialDeskApp app) {
        if (app.users().count() > 0) return false;
        for (DemoUser demo : USERS) {
            app.users().add(new ServerUsers.NewUser(demo.username(), demo.displayName(), Set.of(demo.role()),
                    demo.zone(), demo.language(), PASSWORD));
        }
        List<Long> targets = new java.util.ArrayList<>();
        long bluesky = 0;
        for (Network network : Network.values()) {
            long id = app.accounts().add(network, handleOn(network), "Acme " + network.label()).id();
            if (network == Network.MASTODON || network == Network.BLUESKY || network == Network.LINKEDIN) targets.add(id);
            if (network == Network.BLUESKY) bluesky = id;
        }
        seedPosts(app, targets, app.settings().clock());
        seedMentions(app, bluesky, app.settings().clock());
        seedCalendar(app, targets, app.settings().clock());
        return true;
    }

    /**
     * The editorial calendar's demo (issue 7), after the posts so that none is refused: posting slots on the three target
     * accounts, the team's key dates, and one whole-day blackout eight days from now, a day without demo posts (they fall on
     * days 0, 1 mod 3 from today), so that moving a post onto it shows the refusal.
     */
    private static void seedCalendar(SocialDeskApp app, List<Long> accounts, Clock clock) {
        io.socialdesk.core.calendar.CalendarService calendar = app.calendar().service();
        User marc = person(app, "marc");
        for (long account : accounts) {
            calendar.saveSchedule(account, new io.socialdesk.core.calendar.CalendarService.ScheduleRequest("Europe/Paris",
                    List.of("MONDAY 09:00", "TUESDAY 12:30", "WEDNESDAY 09:00", "THURSDAY 12:30", "FRIDAY 09:00"), 120, 5, 0), marc);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        calendar.addKeyDate(new io.socialdesk.core.calendar.CalendarService.KeyDateRequest("Monthly newsletter", "last friday of the month",
                "The newsletter goes out at 10:00: no other post before noon.", ""), marc);
        calendar.addKeyDate(new io.socialdesk.core.calendar.CalendarService.KeyDateRequest("Acme 4.2 launch", today.plusDays(12).toString(),
                "Embargo until the keynote at 10:00 Paris time.", ""), marc);
        calendar.addKeyDate(new io.socialdesk.core.calendar.CalendarService.KeyDateRequest("Acme anniversary", "06-15", "Founded in 2011.", ""), marc);
        LocalDate quiet = today.plusDays(8);
        calendar.saveBlackout(null, new io.socialdesk.core.calendar.CalendarService.BlackoutRequest("Quarterly results quiet period", "blackout",
                quiet.toString(), quiet.toString(), "Europe/Paris", List.of(), "No posts until the quarterly results are published.", "", null), marc);
    }

    /** The mentions go through the inbox as if imported: tickets in the queues the shipped routing rules pick, the reply a comment. */
    private static void seedMentions(SocialDeskApp app, long account, Clock clock) {
        List<Inbound> items = new java.util.ArrayList<>();
        java.time.Instant at = clock.instant().minus(java.time.Duration.ofHours(MENTIONS.length));
        for (String[] m : MENTIONS) {
            String uri = "at://did:plc:" + m[2].replace('.', '-') + "/app.bsky.feed.post/" + m[0];
            String parent = m[1] == null ? null : "at://did:plc:" + m[2].replace('.', '-') + "/app.bsky.feed.post/" + m[1];
            String profile = "https://bsky.app/profile/" + m[2];
            items.add(new Inbound(Network.BLUESKY, Stream.MENTIONS, uri, parent == null ? "mention" : "reply", m[5], at,
                    new Inbound.Author("did:plc:" + m[2].replace('.', '-'), m[2], m[3], Long.parseLong(m[4]), profile), profile + "/post/" + m[0],
                    parent, parent, null));
            at = at.plus(java.time.Duration.ofMinutes(50));
        }
        app.inbox().imports().receive(account, items, InboxItem.POLL);
    }

    private static void seedPosts(SocialDeskApp app, List<Long> accounts, Clock clock) {
        User alice = person(app, "alice");
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.now(clock.withZone(paris));
        for (int i = 0; i < TOPICS.length; i++) {
            // Two posts in the past week, the rest spread over the coming month, at 9:00, 12:30 or 17:00 Paris time.
            LocalDate day = today.plusDays(i < 2 ? -(i + 2) : (i * 3L) / 2);
            LocalTime time = List.of(LocalTime.of(9, 0), LocalTime.of(12, 30), LocalTime.of(17, 0)).get(i % 3);
            PostState state = i < 2 ? PostState.PUBLISHED : STATES[i % STATES.length];
            String title = TOPICS[i];
            LocalDateTime at = LocalDateTime.of(day, time);
            if (state == PostState.PUBLISHED || state == PostState.FAILED || !at.atZone(paris).toInstant().isAfter(clock.instant())) {
                // Only the publishing engine reaches these states; the demo shows them as stored history.
                TrackedItem item = app.tracker().open(ItemKind.SOCIAL_POST, title, alice);
                app.postStore().create(item, title, PostContent.ofText(textFor(title)), new PlannedTime(at, paris), state, alice.key(),
                        clock.instant());
                continue;
            }
            Post post = app.posts().create(new NewPost(title, textFor(title), at.toString(), paris.getId(), null, null, null, null, null,
                    null, "en", accounts), alice);
            bringTo(state, post, app);
        }
    }

    /** Walks a fresh draft through the real workflow, as the demo's people would, so its review and audit trail are true. */
    private static void bringTo(PostState target, Post post, SocialDeskApp app) {
        ReviewService reviews = app.engine().reviews();
        if (target == PostState.DRAFT) return;
        post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SUBMIT, post.version()), person(app, "alice"));
        if (target == PostState.IN_REVIEW) return;
        if (target == PostState.CHANGES_REQUESTED) {
            reviews.act(post.id(), ReviewService.ActionRequest.of(Action.REQUEST_CHANGES, post.version())
                    .withReason("Shorten it for Bluesky, please."), person(app, "marc"));
            return;
        }
        for (String reviewer : List.of("marc", "laura", "hugo")) {
            User user = person(app, reviewer);
            if (!reviews.review(post.id(), user).mayDecideFor().isEmpty()) {
                post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.APPROVE, post.version()), user);
            }
        }
        if (target == PostState.SCHEDULED) reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SCHEDULE, post.version()), person(app, "alice"));
    }

    private static User person(SocialDeskApp app, String username) {
        return app.users().find(username).orElseThrow().user();
    }

    private static String textFor(String title) {
        return title + " — more on our blog: https://example.com/blog #acme";
    }

    private static String handleOn(Network network) {
        return switch (network) {
            case MASTODON -> "@acme@mastodon.example";
            case BLUESKY -> "acme.bsky.social";
            case WEBHOOK -> "https://hooks.example.com/acme";
            default -> "@acme";
        };
    }
}
