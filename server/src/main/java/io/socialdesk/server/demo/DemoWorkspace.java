package io.socialdesk.server.demo;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.auth.ServerUser;
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

    private static final String[][] MENTIONS = {
        {"@acme my order #4411 never arrived and support does not answer", "@client_furieux"},
        {"Is there a job opening for a community manager in Lyon?", "@julie_dev"},
        {"Votre produit ne marche pas depuis la mise à jour, remboursement ?", "@pierre_l"},
        {"Can I get a quote for 200 seats?", "@procurement_bob"},
        {"Love the new release! <script>alert('x')</script> 🎉", "@happy_user"},
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
        for (Network network : Network.values()) {
            long id = app.accounts().add(network, handleOn(network), "Acme " + network.label()).id();
            if (network == Network.MASTODON || network == Network.BLUESKY || network == Network.LINKEDIN) targets.add(id);
        }
        ServerUser sam = app.users().find("sam").orElseThrow();
        seedPosts(app, targets, app.settings().clock());
        for (String[] mention : MENTIONS) {
            app.tracker().open(ItemKind.MENTION, mention[1] + ": " + mention[0], sam.user());
        }
        return true;
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
