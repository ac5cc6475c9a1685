package io.socialdesk.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.db.DatabaseConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {
    @TempDir
    Path data;

    @Test
    void theDemosApprovedAndScheduledPostsWentThroughTheRealWorkflow() {
        try (SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of("127.0.0.1", 0, DatabaseConfig.embedded(data), data))) {
            assertThat(DemoWorkspace.seedIfEmpty(app)).isTrue();
            List<Post> posts = app.posts().list(PostQuery.firstPosts(100));
            assertThat(posts).hasSize(20);
            var marc = app.users().find("marc").orElseThrow().user();
            List<Post> approved = posts.stream().filter(p -> p.state() == PostState.APPROVED || p.state() == PostState.SCHEDULED).toList();
            assertThat(approved).isNotEmpty();
            for (Post p : approved) {
                assertThat(app.engine().reviews().review(p.id(), marc).approvals().complete()).as(p.title()).isTrue();
            }
            assertThat(posts).filteredOn(p -> p.state() == PostState.CHANGES_REQUESTED).allSatisfy(p ->
                    assertThat(app.engine().reviews().trail(p.id())).anySatisfy(e -> assertThat(e.detail()).contains("Shorten")));
            assertThat(DemoWorkspace.seedIfEmpty(app)).as("seeded once").isFalse();
        }
    }

    @Test
    void theDemosCalendarHasSlotsKeyDatesAndABlackoutDayWithoutPosts() {
        try (SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of("127.0.0.1", 0, DatabaseConfig.embedded(data), data))) {
            DemoWorkspace.seedIfEmpty(app);
            var calendar = app.calendar().service();
            java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
            java.time.LocalDate today = java.time.LocalDate.now(app.settings().clock().withZone(paris));
            var data = calendar.calendar(new io.socialdesk.core.calendar.CalendarQuery(io.socialdesk.core.calendar.CalendarQuery.View.LIST,
                    today.minusDays(7), today.plusDays(40), paris, null, java.util.Set.of("FR")));
            assertThat(data.entries()).hasSize(20);
            assertThat(calendar.schedules()).hasSize(3).allSatisfy(s -> assertThat(s.slots()).hasSize(5));
            assertThat(data.keyDates()).extracting(k -> k.name()).contains("Acme 4.2 launch");
            assertThat(data.blackouts()).singleElement().satisfies(b -> {
                java.time.LocalDate day = today.plusDays(8);
                assertThat(data.entries()).noneMatch(e -> e.viewerDate().equals(day));
                assertThat(b.touches(day, paris)).isTrue();
            });
        }
    }

    @Test
    void theDemosMentionsAreTicketsOfTheInboxWithTheReplyAsAComment() {
        try (SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of("127.0.0.1", 0, DatabaseConfig.embedded(data), data))) {
            DemoWorkspace.seedIfEmpty(app);
            var tickets = app.tracker().list(io.socialdesk.core.tracker.ItemKind.MENTION, 100);
            // Routed by the shipped rules: the late order and the French complaint to support, the job question to HR, the quote to sales.
            assertThat(tickets).hasSize(5);
            assertThat(tickets).filteredOn(t -> t.summary().contains("#4411")).extracting(t -> t.queue()).containsExactly("SUPPORT");
            assertThat(tickets).filteredOn(t -> t.summary().contains("ne marche pas")).extracting(t -> t.queue()).containsExactly("SUPPORT");
            assertThat(tickets).filteredOn(t -> t.summary().contains("job opening")).extracting(t -> t.queue()).containsExactly("HR");
            assertThat(tickets).filteredOn(t -> t.summary().contains("quote")).extracting(t -> t.queue()).containsExactly("SALES");
            assertThat(tickets).filteredOn(t -> t.summary().contains("Love the new release")).extracting(t -> t.queue())
                    .containsExactly("COMMUNITY");
            var order = tickets.stream().filter(t -> t.summary().contains("#4411")).findFirst().orElseThrow();
            assertThat(app.inbox().store().onTicket(order.tracked().key(), 10)).extracting(i -> i.inbound().text())
                    .containsExactly("@acme.bsky.social my order #4411 never arrived and support does not answer", "Still nothing three days later.");
            assertThat(app.inbox().store().waiting(10)).isEmpty();
        }
    }
}
