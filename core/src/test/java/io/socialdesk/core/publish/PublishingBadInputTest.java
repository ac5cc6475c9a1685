package io.socialdesk.core.publish;

import static io.socialdesk.core.publish.Desk.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostEdit;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bad input: edits racing the engine, accounts gone, times the clocks skip, clocks that jump. */
class PublishingBadInputTest {
    static final Instant DUE = Instant.parse("2026-12-01T08:00:00Z"); // 09:00 in Paris

    private final Desk desk = new Desk();

    @AfterEach
    void close() {
        desk.close();
    }

    private Post edit(Post read, String text) {
        return desk.posts.edit(read.id(), new PostEdit(read.version(), read.title(), text, "2026-12-01T09:00", "Europe/Paris", null, null, null,
                null, null, null, null, read.content().accountIds(), null), ALICE);
    }

    @Test
    void anEditJustBeforeItIsDueWinsAndNothingIsSent() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        desk.clock.set(DUE.minusSeconds(1));
        Post edited = edit(post, "Winter sale starts tomorrow");

        desk.clock.set(DUE);
        desk.tick();

        assertThat(edited.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(desk.network.published).isEmpty();
        assertThat(desk.deliveries(post)).isEmpty();
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.IN_REVIEW);
    }

    @Test
    void anEditThatWinsAfterAnotherNodePlannedThePostCancelsThePlanInsteadOfSendingIt() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        desk.clock.set(DUE);
        desk.stores.deliveries.plan(DeliveryPlan.of(post), DUE); // a node planned it, then lost the move to the edit
        edit(post, "Winter sale starts tomorrow");

        desk.tick();

        assertThat(desk.network.published).isEmpty();
        assertThat(desk.delivery(post, shop, 0)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.CANCELLED);
            assertThat(d.reason()).isEqualTo("The post is In review now; this part was not sent.");
        });
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.IN_REVIEW);
    }

    @Test
    void whenTheEngineMovedFirstTheEditorGetsAStaleVersionConflictAndTheSentPostIsUnchanged() {
        Account shop = desk.connect("@shop");
        Post read = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        desk.clock.set(DUE);
        desk.tick();

        assertThatThrownBy(() -> edit(read, "Winter sale starts tomorrow")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("stale-version"));
        assertThat(desk.post(read.id())).satisfies(p -> {
            assertThat(p.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(p.content().text()).isEqualTo("Winter sale starts today");
        });
        assertThat(desk.network.published).hasSize(1);
    }

    @Test
    void aPostChangedWhileItsThreadIsBeingSentStopsBeforeTheNextPart() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled(new NewPost("Winter sale", "1/ Winter sale", "2026-12-01T09:00", "Europe/Paris", null,
                List.of("2/ Scarves", "3/ Gloves"), null, null, null, null, null, List.of(shop.id())));
        Throwable[] refused = new Throwable[1];
        desk.network.during = call -> {
            if (!call.delivery().text().startsWith("1/")) return;
            Post now = desk.post(post.id());
            refused[0] = catchThrowable(() -> edit(now, "1/ Winter sale (edited)"));
            // What only a store-level change can do while Publishing: the content moves under the engine.
            desk.stores.posts.update(now.id(), now.version(), now.title(), changedText(now.content(), "1/ Winter sale (changed)"), now.planned(),
                    PostState.PUBLISHING, "admin", desk.clock.instant());
        };

        desk.clock.set(DUE);
        desk.tick();

        assertThat(refused[0]).as("the workflow refuses an edit while publishing").isNotNull();
        assertThat(desk.network.published).extracting(c -> c.delivery().text()).containsExactly("1/ Winter sale");
        assertThat(desk.delivery(post, shop, 1)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.CANCELLED);
            assertThat(d.cause()).isEqualTo("content-changed");
        });
        assertThat(desk.delivery(post, shop, 2).state()).isEqualTo(DeliveryState.CANCELLED);
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PARTIAL);
    }

    private static io.socialdesk.core.post.PostContent changedText(io.socialdesk.core.post.PostContent c, String text) {
        return new io.socialdesk.core.post.PostContent(text, c.variants(), c.media(), c.thread(), c.firstComment(), c.hashtags(), c.utm(),
                c.campaign(), c.language(), c.accountIds());
    }

    @Test
    void anAccountRemovedOrDisconnectedWhileItsDeliveriesAreDueFailsThemWithASentenceNamingIt() {
        Account shop = desk.connect("@shop");
        Account outlet = desk.connect("@outlet");
        Account gone = desk.connect("@gone");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop, outlet, gone);
        desk.clock.set(DUE.minusSeconds(30));
        desk.stores.accounts.recordHealth(outlet.id(), new AccountHealth(desk.clock.instant(), "revoked", "The token was revoked", null, null,
                Set.of(), null));
        desk.stores.accounts.remove(gone.id());

        desk.clock.set(DUE);
        desk.tick();

        assertThat(desk.network.published).extracting(ScriptedChannel.Call::accountId).containsExactly(shop.id());
        assertThat(desk.delivery(post, outlet, 0)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.cause()).isEqualTo("account-disconnected");
            assertThat(d.reason()).isEqualTo("@outlet (Mastodon) is not connected; connect it again.");
        });
        assertThat(desk.delivery(post, gone, 0)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.cause()).isEqualTo("account-removed");
        });
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PARTIAL);
        assertThat(desk.commentsOn(post)).contains("Not published on @outlet (Mastodon): @outlet (Mastodon) is not connected; connect it again.",
                "Not published on account " + gone.id() + ": The account was removed; nothing was sent.");
        assertThat(desk.noticesOf(Notice.Kind.PUBLISH_FAILED)).hasSize(2).allSatisfy(n -> assertThat(n.userKeys()).containsExactly("alice"));
    }

    @Test
    void aPlannedTimeInTheSpringForwardGapGoesOutAtTheFirstTimeAfterItAndTheItemSaysSo() {
        desk.clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled("Spring sale", "2026-03-29T09:00", shop);
        // The form refuses 02:30 that night; a post can still get there (an import, an older version): written through the store.
        desk.stores.posts.move(post.id(), post.version(), PostState.SCHEDULED, new PlannedTime(LocalDateTime.parse("2026-03-29T02:30"),
                Desk.PARIS), "alice", desk.clock.instant());
        Instant threeThirtyInParis = Instant.parse("2026-03-29T01:30:00Z");

        desk.clock.set(threeThirtyInParis.minusSeconds(1));
        desk.tick();
        assertThat(desk.network.published).isEmpty();
        desk.clock.set(threeThirtyInParis);
        desk.tick();

        assertThat(desk.delivery(post, shop, 0)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SENT);
            assertThat(d.sentAt().atZone(Desk.PARIS).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T03:30"));
        });
        assertThat(desk.commentsOn(post)).first().isEqualTo("Planned time resolved: 2026-03-29T02:30 does not exist in Europe/Paris"
                + " (the clocks skip it); it goes out at 2026-03-29T03:30.");
        assertThat(desk.stores.trail.list(post.id())).filteredOn(e -> e.kind() == AuditKind.STATE_CHANGED)
                .anySatisfy(e -> assertThat(e.detail()).contains("does not exist in Europe/Paris"));
    }

    @Test
    void aClockJumpingBackWhileInFlightSendsNothingTwiceAndAJumpForwardPastTheWindowMissesWhatCameDue() {
        Account shop = desk.connect("@shop");
        Post first = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        Post second = desk.scheduled("Gloves too", "2026-12-01T09:10", shop);
        desk.network.during = call -> desk.clock.set(DUE.minus(Duration.ofHours(1))); // the host's clock is corrected back an hour

        desk.clock.set(DUE);
        desk.tick();
        desk.network.during = call -> { };
        for (Instant at = DUE.minus(Duration.ofHours(1)); at.isBefore(DUE.plusSeconds(300)); at = at.plusSeconds(60)) {
            desk.clock.set(at);
            desk.tick();
        }
        assertThat(desk.network.published).extracting(c -> c.delivery().text()).as("sent once, whatever the clock said after")
                .containsExactly("Winter sale starts today");
        assertThat(desk.post(first.id()).state()).isEqualTo(PostState.PUBLISHED);

        desk.clock.set(DUE.plus(Duration.ofHours(2))); // and forward, past the second post's window
        desk.tick();
        desk.clock.advance(Duration.ofMinutes(1));
        desk.tick();

        assertThat(desk.network.published).hasSize(1);
        assertThat(desk.delivery(second, shop, 0).state()).isEqualTo(DeliveryState.MISSED);
        assertThat(desk.post(second.id()).state()).isEqualTo(PostState.MISSED);
        assertThat(desk.noticesOf(Notice.Kind.PUBLISH_MISSED)).singleElement().satisfies(n -> assertThat(n.postId()).isEqualTo(second.id()));
    }
}
