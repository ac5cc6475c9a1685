package io.socialdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each answer of a network leads to: retries, failures, unknown outcomes settled, lease take-overs, missed posts. */
class DeliveryOutcomesTest {
    static final Instant DUE = Instant.parse("2026-12-01T08:00:00Z"); // 09:00 in Paris

    @Test
    void aRetryableFailureIsRetriedWithBackoffNeverBeforeTheNetworkAllowsThenFailsWithTheReasonAndTellsTheAuthor() {
        try (Desk desk = new Desk(PublishingSettings.DEFAULTS.withRetries(3, Duration.ofSeconds(30), Duration.ofMinutes(15)))) {
            Account shop = desk.connect("@shop");
            Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
            desk.network.publishes(shop.id(), new Outcome.RetryLater(DUE.plus(Duration.ofMinutes(10)), "Too many requests"),
                    new Outcome.RetryLater(DUE, "The server is busy (503)"), new Outcome.RetryLater(DUE, "The server is busy (503)"));

            desk.clock.set(DUE);
            desk.tick();
            DeliveryRecord first = desk.delivery(post, shop, 0);
            assertThat(first.state()).isEqualTo(DeliveryState.RETRYING);
            assertThat(first.nextAt()).as("the network's next allowed time beats the 30 s backoff").isEqualTo(DUE.plus(Duration.ofMinutes(10)));
            assertThat(first.reason()).isEqualTo("Too many requests");

            desk.clock.set(DUE.plus(Duration.ofMinutes(10)).minusSeconds(1));
            desk.tick();
            assertThat(desk.network.published).as("not before the network allows it").hasSize(1);

            Instant second = DUE.plus(Duration.ofMinutes(10));
            desk.clock.set(second);
            desk.tick();
            DeliveryRecord retrying = desk.delivery(post, shop, 0);
            assertThat(desk.network.published).hasSize(2);
            assertThat(retrying.attempts()).isEqualTo(2);
            assertThat(retrying.nextAt()).as("second backoff: 60 s with jitter, between half and all of it")
                    .isBetween(second.plusSeconds(30), second.plusSeconds(60));
            assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHING);
            assertThat(desk.noticesOf(Notice.Kind.PUBLISH_FAILED)).as("no notice while it is retried").isEmpty();

            desk.clock.set(retrying.nextAt());
            desk.tick();
            desk.clock.advance(Duration.ofDays(1));
            desk.tick();

            assertThat(desk.network.published).as("attempts are bounded by maxAttempts").hasSize(3);
            DeliveryRecord failed = desk.delivery(post, shop, 0);
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.reason()).isEqualTo("Gave up after 3 attempts: The server is busy (503)");
            assertThat(desk.post(post.id()).state()).isEqualTo(PostState.FAILED);
            assertThat(desk.noticesOf(Notice.Kind.PUBLISH_FAILED)).singleElement().satisfies(n -> {
                assertThat(n.userKeys()).containsExactly("alice");
                assertThat(n.itemKey()).isEqualTo(post.item().key());
                assertThat(n.detail()).isEqualTo("Not published on @shop (Mastodon): Gave up after 3 attempts: The server is busy (503)");
            });
            assertThat(desk.commentsOn(post)).containsExactly("Not published on @shop (Mastodon): Gave up after 3 attempts: The server is busy (503)");
        }
    }

    @Test
    void retriesOfManyDeliveriesSpreadOutWithJitter() {
        try (Desk desk = new Desk()) {
            Account[] accounts = new Account[6];
            for (int i = 0; i < accounts.length; i++) {
                accounts[i] = desk.connect("@shop" + i);
                desk.network.publishes(accounts[i].id(), new Outcome.RetryLater(DUE, "The server is busy (503)"));
            }
            Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", accounts);
            desk.clock.set(DUE);
            desk.tick();
            List<Instant> next = desk.deliveries(post).stream().map(DeliveryRecord::nextAt).toList();
            assertThat(next).allSatisfy(at -> assertThat(at).isBetween(DUE.plusSeconds(15), DUE.plusSeconds(30)));
            assertThat(next.stream().distinct().count()).as("not all at the same moment").isGreaterThan(1);
            assertThat(desk.deliveries(post)).extracting(DeliveryRecord::state).containsOnly(DeliveryState.RETRYING);
        }
    }

    @Test
    void aPermanentFailureFailsTheDeliveryAndItsLaterPartsWithTheNetworksReasonAndThePostIsPartialOrFailed() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            Post thread = desk.scheduled(new NewPost("Winter sale", "1/ Winter sale", "2026-12-01T09:00", "Europe/Paris", null,
                    List.of("2/ Scarves"), null, null, null, null, null, List.of(shop.id(), outlet.id())));
            Post alone = desk.scheduled("Gloves too", "2026-12-01T10:00", shop);
            desk.network.publishes(shop.id(), new Outcome.Failed("media-rejected", "Mastodon refused the post: the image is too large"),
                    new Outcome.Failed("unauthorized", "Mastodon refused the token (401)"));

            desk.clock.set(DUE);
            desk.tick();
            assertThat(desk.delivery(thread, shop, 0)).satisfies(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
                assertThat(d.cause()).isEqualTo("media-rejected");
                assertThat(d.reason()).isEqualTo("Mastodon refused the post: the image is too large");
            });
            assertThat(desk.delivery(thread, shop, 1)).satisfies(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
                assertThat(d.reason()).isEqualTo("The part before it was not sent.");
            });
            assertThat(desk.network.publishedFor(shop.id())).as("the second part is never sent").hasSize(1);
            assertThat(desk.network.publishedFor(outlet.id())).hasSize(2);
            assertThat(desk.post(thread.id()).state()).as("sent on one account, failed on the other").isEqualTo(PostState.PARTIAL);
            assertThat(desk.commentsOn(thread)).contains("Not published on @shop (Mastodon): Mastodon refused the post: the image is too large");
            assertThat(desk.noticesOf(Notice.Kind.PUBLISH_FAILED)).singleElement()
                    .satisfies(n -> assertThat(n.detail()).contains("the image is too large"));
            assertThat(desk.stores.trail.list(thread.id())).filteredOn(e -> e.kind() == AuditKind.SEND_RESULT)
                    .anySatisfy(e -> assertThat(e.detail()).isEqualTo("failed (media-rejected): Mastodon refused the post: the image is too large"));

            desk.clock.set(DUE.plus(Duration.ofHours(1)));
            desk.tick();
            assertThat(desk.post(alone.id()).state()).as("nothing sent at all").isEqualTo(PostState.FAILED);
            assertThat(desk.delivery(alone, shop, 0).reason()).isEqualTo("Mastodon refused the token (401)");
            assertThat(desk.network.publishedFor(shop.id())).hasSize(2);
        }
    }

    @Test
    void anUnknownOutcomeIsSettledThroughTheNetworkAndNeverSentAgain() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop, outlet);
            RemotePost found = RemotePost.of("remote-found", "https://social.example/@shop/found");
            desk.network.publishes(shop.id(), new Outcome.Unknown("The connection dropped after the request was sent"))
                    .settles(shop.id(), new Outcome.Sent(found));
            desk.network.publishes(outlet.id(), new Outcome.Unknown("The connection dropped after the request was sent"))
                    .settles(outlet.id(), new Outcome.Unknown("The network's recent posts do not say"));

            desk.clock.set(DUE);
            desk.tick();
            for (int hour = 1; hour <= 24; hour++) {
                desk.clock.set(DUE.plus(Duration.ofHours(hour)));
                desk.tick();
            }

            assertThat(desk.network.publishedFor(shop.id())).as("settled, not resent").hasSize(1);
            assertThat(desk.network.publishedFor(outlet.id())).as("unconfirmed, not resent").hasSize(1);
            assertThat(desk.network.settled).hasSize(2)
                    .allSatisfy(c -> assertThat(c.delivery().progress()).containsKey(DeliveryRecord.SENDING));
            assertThat(desk.network.settled).extracting(ScriptedChannel.Call::key)
                    .containsExactlyInAnyOrder(desk.delivery(post, shop, 0).key(), desk.delivery(post, outlet, 0).key());
            assertThat(desk.delivery(post, shop, 0)).satisfies(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.SENT);
                assertThat(d.remote()).isEqualTo(found);
            });
            assertThat(desk.delivery(post, outlet, 0)).satisfies(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.UNCONFIRMED);
                assertThat(d.reason()).isEqualTo("The network's recent posts do not say");
            });
            assertThat(desk.post(post.id()).state()).isEqualTo(PostState.UNCONFIRMED);
            assertThat(desk.commentsOn(post)).as("the settled one's link, once, when the post rolled up Unconfirmed")
                    .filteredOn(c -> c.startsWith("Published on")).containsExactly("Published on @shop (Mastodon): https://social.example/@shop/found");
            assertThat(desk.noticesOf(Notice.Kind.PUBLISH_UNCONFIRMED)).singleElement().satisfies(n -> {
                assertThat(n.userKeys()).containsExactly("alice");
                assertThat(n.detail()).startsWith("Unconfirmed on @outlet (Mastodon): The network's recent posts do not say")
                        .contains("mark it as published or send it again");
            });
        }
    }

    @Test
    void aLeaseLeftBehindByADeadNodeIsSettledWhenItWasSendingAndSimplySentWhenItWasNot() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop, outlet);
            desk.clock.set(DUE);
            assertThat(desk.sending().start(desk.post(post.id()))).isTrue();
            // A node claims both, marks the first as being sent, and dies.
            Instant leaseEnd = DUE.plus(PublishingSettings.DEFAULTS.lease());
            DeliveryRecord a = desk.delivery(post, shop, 0);
            desk.stores.deliveries.replace(a, a.claimedBy("dead-node", leaseEnd, DUE).withProgress(DeliveryRecord.SENDING, "1", DUE));
            DeliveryRecord b = desk.delivery(post, outlet, 0);
            desk.stores.deliveries.replace(b, b.claimedBy("dead-node", leaseEnd, DUE));
            RemotePost found = RemotePost.of("remote-found", "https://social.example/@shop/found");
            desk.network.settles(shop.id(), new Outcome.Sent(found));

            desk.clock.set(leaseEnd.minusSeconds(1));
            desk.tick();
            assertThat(desk.network.published).as("the lease still holds").isEmpty();
            assertThat(desk.network.settled).isEmpty();

            desk.clock.set(leaseEnd);
            desk.tick();
            desk.clock.advance(Duration.ofHours(1));
            desk.tick();

            assertThat(desk.network.publishedFor(shop.id())).as("it may have been sent: settled, never published again").isEmpty();
            assertThat(desk.network.settled).singleElement().satisfies(c -> assertThat(c.accountId()).isEqualTo(shop.id()));
            assertThat(desk.delivery(post, shop, 0).remote()).isEqualTo(found);
            assertThat(desk.network.publishedFor(outlet.id())).as("it never left: simply sent").hasSize(1);
            assertThat(desk.deliveries(post)).extracting(DeliveryRecord::state).containsOnly(DeliveryState.SENT);
            assertThat(desk.deliveries(post)).extracting(DeliveryRecord::owner).containsOnly((String) null);
            assertThat(desk.post(post.id()).state()).isEqualTo(PostState.PUBLISHED);
        }
    }

    @Test
    void aLeaseTakenOverThatTheNetworkCannotSettleIsUnconfirmedAndNotResent() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Post post = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
            desk.clock.set(DUE);
            desk.sending().start(desk.post(post.id()));
            DeliveryRecord a = desk.delivery(post, shop, 0);
            desk.stores.deliveries.replace(a, a.claimedBy("dead-node", DUE.plusSeconds(120), DUE).withProgress(DeliveryRecord.SENDING, "1", DUE));

            desk.clock.set(DUE.plus(Duration.ofMinutes(3)));
            desk.tick();
            desk.clock.advance(Duration.ofDays(1));
            desk.tick();

            assertThat(desk.network.published).isEmpty();
            assertThat(desk.delivery(post, shop, 0).state()).isEqualTo(DeliveryState.UNCONFIRMED);
            assertThat(desk.post(post.id()).state()).isEqualTo(PostState.UNCONFIRMED);
            assertThat(desk.noticesOf(Notice.Kind.PUBLISH_UNCONFIRMED)).singleElement()
                    .satisfies(n -> assertThat(n.userKeys()).containsExactly("alice"));
        }
    }

    @Test
    void aPostWhoseTimePassedByMoreThanThirtyMinutesIsMissedNotSentLateAndItsAuthorIsTold() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Post missed = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
            Post late = desk.scheduled("Gloves too", "2026-12-01T09:05", shop);

            desk.clock.set(DUE.plus(Duration.ofMinutes(31))); // the engine was down until now
            desk.tick();

            assertThat(desk.network.published).extracting(c -> c.delivery().text()).as("26 minutes late is still sent").containsExactly("Gloves too");
            assertThat(desk.post(late.id()).state()).isEqualTo(PostState.PUBLISHED);
            assertThat(desk.delivery(missed, shop, 0).state()).isEqualTo(DeliveryState.MISSED);
            assertThat(desk.post(missed.id()).state()).isEqualTo(PostState.MISSED);
            assertThat(desk.noticesOf(Notice.Kind.PUBLISH_MISSED)).singleElement().satisfies(n -> {
                assertThat(n.userKeys()).containsExactly("alice");
                assertThat(n.postId()).isEqualTo(missed.id());
                assertThat(n.detail()).startsWith("Missed on @shop (Mastodon): It was due at 2026-12-01T08:00:00Z")
                        .contains("not sent late");
            });
            assertThat(desk.commentsOn(missed)).singleElement().asString().startsWith("Missed on @shop (Mastodon)");
        }
    }

    @Test
    void aMissedPostRetriedByALeadGoesOutNowAndIsNotMissedAgain() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Post missed = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop);
            desk.clock.set(DUE.plus(Duration.ofMinutes(45)));
            desk.tick();
            DeliveryRecord delivery = desk.delivery(missed, shop, 0);
            assertThat(delivery.state()).isEqualTo(DeliveryState.MISSED);

            PublishingQueue queue = PublishingQueue.over(desk.stores.deliveries, desk.stores.posts, desk.stores.accounts, desk.reviews,
                    desk.sending(), desk.stores.trail, desk.clock);
            queue.act(delivery.id(), "retry", delivery.version(), null, Desk.MARC);
            desk.tick();

            assertThat(desk.network.published).extracting(c -> c.delivery().text()).containsExactly("Winter sale starts today");
            DeliveryRecord sent = desk.delivery(missed, shop, 0);
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
            assertThat(sent.dueAt()).as("due from the retry, not from the first planned time").isEqualTo(DUE.plus(Duration.ofMinutes(45)));
            assertThat(desk.post(missed.id()).state()).isEqualTo(PostState.PUBLISHED);
        }
    }
}
