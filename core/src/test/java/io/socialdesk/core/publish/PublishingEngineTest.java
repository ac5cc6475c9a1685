package io.socialdesk.core.publish;

import static io.socialdesk.core.publish.Desk.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scheduled posts going out: once, on time, in order, with their links on the tracker item. */
class PublishingEngineTest {
    static final Instant DUE = Instant.parse("2026-12-01T08:00:00Z"); // 09:00 in Paris

    private final Desk desk = new Desk();

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void aScheduledPostToTwoAccountsGoesOutOnceToEachAtItsTimeAndItsLinksAreOnTheItem() {
        Account shop = desk.connect("@shop");
        Account outlet = desk.connect("@outlet");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop, outlet);

        desk.clock.set(DUE.minusSeconds(1));
        desk.tick();
        assertThat(desk.network.published).as("a tick before its time sends nothing").isEmpty();
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.SCHEDULED);

        desk.clock.set(DUE);
        desk.tick();
        desk.clock.advance(Duration.ofMinutes(5));
        desk.tick();

        assertThat(desk.network.published).extracting(ScriptedChannel.Call::accountId).containsExactlyInAnyOrder(shop.id(), outlet.id());
        assertThat(desk.network.published).extracting(c -> c.delivery().text()).containsOnly("Winter sale starts today");
        assertThat(desk.deliveries(post)).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SENT);
            assertThat(d.sentAt()).isEqualTo(DUE);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
        List<String> urls = desk.network.published.stream().map(c -> ((io.socialdesk.core.channel.Outcome.Sent) c.answer()).remote().url())
                .toList();
        assertThat(desk.deliveries(post)).extracting(d -> d.remote().url()).containsExactlyInAnyOrderElementsOf(urls);
        String shopUrl = desk.delivery(post, shop, 0).remote().url();
        String outletUrl = desk.delivery(post, outlet, 0).remote().url();
        assertThat(desk.commentsOn(post)).as("one comment for the post, a line per account").hasSize(1);
        assertRecorded(post, PostState.PUBLISHED, "2 of 2 parts sent: @shop (Mastodon): " + shopUrl + "; @outlet (Mastodon): " + outletUrl,
                "Published on @shop (Mastodon): " + shopUrl + "\nPublished on @outlet (Mastodon): " + outletUrl);
        assertThat(desk.moves).containsSubsequence("SD-1 SCHEDULED->PUBLISHING", "SD-1 PUBLISHING->PUBLISHED");
        assertThat(desk.stores.trail.list(post.id())).as("the record is the roll-up's, not one event per delivery")
                .filteredOn(e -> e.kind() == AuditKind.SEND_RESULT).isEmpty();
    }

    @Test
    void aNodeThatDiesBetweenStartingAPostAndSendingItLeavesItToAnotherNodeWhoSendsItOnceAfterTheLease() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        desk.clock.set(DUE);

        // node-a starts the post (its first part planned claimed for node-a), then dies before sending it.
        assertThat(desk.sending().startAll(List.of(desk.post(post.id()))).posts()).isEqualTo(1);
        assertThat(desk.delivery(post, shop, 0)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.IN_FLIGHT);
            assertThat(d.owner()).isEqualTo("node-a");
        });
        try (Publisher other = desk.node("node-b", PublishingSettings.DEFAULTS)) {
            other.tick();
            assertThat(desk.network.published).as("not while node-a's lease runs").isEmpty();

            desk.clock.advance(PublishingSettings.DEFAULTS.lease());
            other.tick();
        }

        assertThat(desk.network.published).as("nothing had gone out: sent, not left unconfirmed").hasSize(1);
        assertThat(desk.delivery(post, shop, 0)).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SENT);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
    }

    @Test
    void aNodeFrozenPastItsLeaseSendsNothingOnTheClaimAnotherNodeTookOver() {
        Account shop = desk.connect("@shop");
        desk.network.dropsRepeats = true; // no "sending now" mark is written first: the lease alone guards the request
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        desk.clock.set(DUE);
        DeliverySending.Round claimed = desk.sending().startAll(List.of(desk.post(post.id()))).round();

        // node-a freezes (a long pause) past its lease; node-b takes the delivery over and sends it.
        desk.clock.advance(PublishingSettings.DEFAULTS.lease().plusSeconds(1));
        try (Publisher other = desk.node("node-b", PublishingSettings.DEFAULTS)) {
            other.tick();
        }
        assertThat(desk.network.published).hasSize(1);

        // node-a wakes up and goes on with the round it had: its lease is gone, so it sends nothing.
        DeliverySending.Result late = desk.sending().send(claimed.deliveries().get(0), claimed);

        assertThat(late.claimed()).isFalse();
        assertThat(desk.network.published).as("not even a repeat the network would drop").hasSize(1);
        assertThat(desk.delivery(post, shop, 0).state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aThreadGoesOutInOrderEachPartReplyingToThePartBeforeWithTheMediaOnlyOnTheFirst() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled(new NewPost("Winter sale", "1/ Winter sale", "2026-12-01T09:00", "Europe/Paris", null,
                List.of("2/ Scarves", "3/ Gloves"), null, null, null, null, null, List.of(shop.id()),
                List.of(desk.image("A red scarf"))));

        desk.clock.set(DUE);
        desk.tick();

        List<Delivery> sent = desk.network.published.stream().map(ScriptedChannel.Call::delivery).toList();
        assertThat(sent).extracting(Delivery::text).containsExactly("1/ Winter sale", "2/ Scarves", "3/ Gloves");
        List<RemotePost> remotes = desk.deliveries(post).stream().map(DeliveryRecord::remote).toList();
        assertThat(sent.get(0).replyTo()).isNull();
        assertThat(sent.get(0).media()).singleElement().satisfies(a -> assertThat(a.altText()).isEqualTo("A red scarf"));
        for (int part = 1; part < 3; part++) {
            assertThat(sent.get(part).replyTo()).as("part %d answers part %d", part + 1, part).isEqualTo(remotes.get(part - 1));
            assertThat(sent.get(part).root()).as("the thread's root").isEqualTo(remotes.get(0));
            assertThat(sent.get(part).media()).as("media only on the first part").isEmpty();
        }
        assertThat(sent).extracting(Delivery::key).doesNotHaveDuplicates();
        assertThat(desk.deliveries(post)).extracting(DeliveryRecord::state).containsOnly(DeliveryState.SENT);
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
        assertThat(desk.commentsOn(post)).singleElement().asString().isEqualTo(
                "Published on @shop (Mastodon): " + remotes.get(0).url() + "\nPublished on @shop (Mastodon) (part 2): " + remotes.get(1).url()
                        + "\nPublished on @shop (Mastodon) (part 3): " + remotes.get(2).url());
        assertThat(desk.post(post.id()).authorKey()).isEqualTo(ALICE.key());
    }

    @Test
    void aFirstCommentGoesOutAsAReplyToThePostItFollows() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled(new NewPost("Winter sale", "Winter sale starts today", "2026-12-01T09:00", "Europe/Paris", null, null,
                "Shop now: https://shop.example/sale", null, null, null, null, List.of(shop.id()), List.of(desk.image("A red scarf"))));

        desk.clock.set(DUE);
        desk.tick();

        List<Delivery> sent = desk.network.published.stream().map(ScriptedChannel.Call::delivery).toList();
        assertThat(sent).extracting(Delivery::text).containsExactly("Winter sale starts today", "Shop now: https://shop.example/sale");
        assertThat(sent.get(1).replyTo()).isEqualTo(desk.delivery(post, shop, 0).remote());
        assertThat(sent.get(1).media()).isEmpty();
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
    }

    @Test
    void aBlackoutStopsTheFirstPartAndSaysWhy() {
        Account shop = desk.connect("@shop");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
        desk.blackouts = (project, account, at) -> java.util.Optional.of("The SD blackout runs until 12:00 (results day)");

        desk.clock.set(DUE);
        desk.tick();

        assertThat(desk.network.published).isEmpty();
        assertThat(desk.delivery(post, shop, 0).reason()).isEqualTo("The SD blackout runs until 12:00 (results day)");
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.FAILED);
        assertThat(desk.commentsOn(post)).containsExactly("Not published on @shop (Mastodon): The SD blackout runs until 12:00 (results day)");
    }

    @Test
    void aPostToThreeAccountsGetsOneCommentWithItsThreeLinksAndOneRollUpEventListingThem() {
        Account[] to = {desk.connect("@shop"), desk.connect("@outlet"), desk.connect("@corner")};
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", to);

        desk.clock.set(DUE);
        desk.tick();

        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
        List<String> urls = java.util.Arrays.stream(to).map(a -> desk.delivery(post, a, 0).remote().url()).toList();
        assertThat(urls).doesNotHaveDuplicates().doesNotContainNull();
        assertRecorded(post, PostState.PUBLISHED, "3 of 3 parts sent: @shop (Mastodon): " + urls.get(0) + "; @outlet (Mastodon): " + urls.get(1)
                + "; @corner (Mastodon): " + urls.get(2), "Published on @shop (Mastodon): " + urls.get(0) + "\nPublished on @outlet (Mastodon): "
                + urls.get(1) + "\nPublished on @corner (Mastodon): " + urls.get(2));
        assertThat(desk.stores.trail.list(post.id())).as("the links are in that one event only").filteredOn(e -> e.detail().contains(urls.get(1)))
                .hasSize(1);
    }

    @Test
    void aPartialPostListsItsSentLinksOnceAndTheFailureKeepsItsOwnEventAndComment() {
        Account[] to = {desk.connect("@shop"), desk.connect("@outlet"), desk.connect("@corner")};
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", to);
        desk.network.publishes(to[1].id(), new io.socialdesk.core.channel.Outcome.Failed("unauthorized", "Mastodon refused the token (401)"));

        desk.clock.set(DUE);
        desk.tick();

        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PARTIAL);
        String shopUrl = desk.delivery(post, to[0], 0).remote().url();
        String cornerUrl = desk.delivery(post, to[2], 0).remote().url();
        assertThat(desk.commentsOn(post)).startsWith("Not published on @outlet (Mastodon): Mastodon refused the token (401)").hasSize(2);
        assertThat(desk.stores.trail.list(post.id())).filteredOn(e -> e.kind() == AuditKind.SEND_RESULT).extracting(e -> e.detail())
                .containsExactly("failed (unauthorized): Mastodon refused the token (401)");
        assertRecorded(post, PostState.PARTIAL, "2 of 3 parts sent: @shop (Mastodon): " + shopUrl + "; @outlet (Mastodon): failed (unauthorized); "
                + "@corner (Mastodon): " + cornerUrl, "Published on @shop (Mastodon): " + shopUrl + "\nPublished on @corner (Mastodon): " + cornerUrl);
    }

    @Test
    void aPostRolledUpByAnotherPathGetsTheSameRecordFromItsDeliveryRows() {
        // A node recorded both deliveries sent and died before rolling the post up: the sweep (or any node) finds only the rows.
        Account shop = desk.connect("@shop");
        Account outlet = desk.connect("@outlet");
        Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop, outlet);
        desk.clock.set(DUE);
        assertThat(desk.sending().start(post)).isTrue();
        for (DeliveryRecord d : desk.deliveries(post)) {
            DeliveryRecord claimed = desk.stores.deliveries.replace(d, d.claimedBy("node-gone", DUE.plusSeconds(60), DUE)).orElseThrow();
            desk.stores.deliveries.replace(claimed, claimed.sent(RemotePost.of("id-" + d.accountId(), "https://social.example/" + d.accountId()), DUE));
        }
        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHING);

        desk.sending().rollUp(post.id());
        desk.sending().rollUp(post.id());

        assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
        String shopUrl = "https://social.example/" + shop.id();
        String outletUrl = "https://social.example/" + outlet.id();
        assertThat(desk.commentsOn(post)).as("once, though rolled up twice").hasSize(1);
        assertRecorded(post, PostState.PUBLISHED, "2 of 2 parts sent: @shop (Mastodon): " + shopUrl + "; @outlet (Mastodon): " + outletUrl,
                "Published on @shop (Mastodon): " + shopUrl + "\nPublished on @outlet (Mastodon): " + outletUrl);
    }

    /** The post's publishing record: its one roll-up to {@code to} with this detail, and exactly these "Published on" comments. */
    private void assertRecorded(Post post, PostState to, String detail, String... published) {
        assertThat(desk.stores.trail.list(post.id())).filteredOn(e -> e.toState().equals(Optional.of(to))).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(detail));
        assertThat(desk.commentsOn(post)).filteredOn(c -> c.startsWith("Published on")).containsExactly(published);
    }
}
