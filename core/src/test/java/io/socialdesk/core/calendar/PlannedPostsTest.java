package io.socialdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Reading a range's posts past the store's page limit: every post once, in order, and a bound that says when it cut. */
class PlannedPostsTest {
    private final MemoryStores stores = new MemoryStores();
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private void post(Instant at) {
        stores.posts.create(new TrackedItem(1, "SD-1", "/"), "p", PostContent.ofText("x"), new PlannedTime(LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                ZoneOffset.UTC), PostState.DRAFT, "alice", T0);
    }

    @Test
    void pagesPastTheLimitGiveEveryPostOnceEvenWhenAPageBoundaryFallsInsideOneInstant() {
        // Two posts per minute: page boundaries fall between posts of one instant.
        for (int i = 0; i < 1203; i++) post(T0.plusSeconds(60L * (i / 2)));
        PlannedPosts read = PlannedPosts.read(stores.posts, T0, T0.plusSeconds(86_400), 5000);
        assertThat(read.truncated()).isFalse();
        assertThat(read.posts()).hasSize(1203).extracting(Post::id).doesNotHaveDuplicates();
        assertThat(read.posts()).isSortedAccordingTo(java.util.Comparator.comparing((Post p) -> p.planned().instant()));
    }

    @Test
    void theBoundAndAPageOfOneInstantBothSayTruncated() {
        for (int i = 0; i < 700; i++) post(T0.plusSeconds(i));
        assertThat(PlannedPosts.read(stores.posts, T0, T0.plusSeconds(86_400), 600)).satisfies(r -> {
            assertThat(r.posts()).hasSize(600);
            assertThat(r.truncated()).isTrue();
        });
        MemoryStores same = new MemoryStores();
        for (int i = 0; i < 501; i++) same.posts.create(new TrackedItem(1, "SD-1", "/"), "p", PostContent.ofText("x"),
                new PlannedTime(LocalDateTime.ofInstant(T0, ZoneOffset.UTC), ZoneOffset.UTC), PostState.DRAFT, "alice", T0);
        assertThat(PlannedPosts.read(same.posts, T0, T0.plusSeconds(60), 5000).truncated()).isTrue();
    }
}
