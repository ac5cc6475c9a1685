package io.socialdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's pace: a network's rate limit holds an account, and one request at a time per account while accounts run in parallel. */
class PublishingPaceTest {
    static final Instant DUE = Instant.parse("2026-12-01T08:00:00Z"); // 09:00 in Paris

    @Test
    void anAccountsDeliveriesWaitForTheNetworksNextAllowedTimeWithoutCountingAsAttempts() {
        try (Desk desk = new Desk()) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            Post both = desk.scheduled("Winter sale starts today", "2026-12-01T09:00", shop, outlet);
            Post shopOnly = desk.scheduled("Gloves too", "2026-12-01T09:00", shop);
            Instant allowed = DUE.plus(Duration.ofMinutes(5));
            desk.network.allowNextAt(shop.id(), allowed);

            desk.clock.set(DUE);
            desk.tick();
            assertThat(desk.network.published).extracting(ScriptedChannel.Call::accountId).as("the other account is not held")
                    .containsExactly(outlet.id());
            assertThat(List.of(desk.delivery(both, shop, 0), desk.delivery(shopOnly, shop, 0))).allSatisfy(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.DUE);
                assertThat(d.nextAt()).isEqualTo(allowed);
                assertThat(d.attempts()).isZero();
                assertThat(d.cause()).isEqualTo("rate-limited");
            });

            desk.clock.set(allowed.minusSeconds(1));
            desk.tick();
            assertThat(desk.network.publishedFor(shop.id())).isEmpty();

            desk.clock.set(allowed);
            desk.tick();
            assertThat(desk.network.publishedFor(shop.id())).extracting(c -> c.delivery().text())
                    .containsExactlyInAnyOrder("Winter sale starts today", "Gloves too");
            assertThat(List.of(desk.delivery(both, shop, 0), desk.delivery(shopOnly, shop, 0))).allSatisfy(d -> {
                assertThat(d.state()).isEqualTo(DeliveryState.SENT);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lateness()).isEqualTo(Duration.ofMinutes(5));
            });
            assertThat(desk.post(both.id()).state()).isEqualTo(PostState.PUBLISHED);
            assertThat(desk.post(shopOnly.id()).state()).isEqualTo(PostState.PUBLISHED);
        }
    }

    @Test
    void oneRequestAtATimePerAccountWhileTwoAccountsGoInParallel() {
        try (Desk desk = new Desk(PublishingSettings.DEFAULTS.withWorkers(4, 1))) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            for (int i = 0; i < 5; i++) desk.scheduled("Post " + i, "2026-12-01T09:00", shop, outlet);
            CountDownLatch bothStarted = new CountDownLatch(2);
            Map<Long, Boolean> metTheOther = new ConcurrentHashMap<>();
            desk.network.during = call -> {
                try {
                    if (metTheOther.putIfAbsent(call.accountId(), false) == null) {
                        bothStarted.countDown();
                        // Sequential lanes would wait here in vain: the other account's first call never starts meanwhile.
                        metTheOther.put(call.accountId(), bothStarted.await(5, TimeUnit.SECONDS));
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };

            desk.clock.set(DUE);
            desk.tick();

            assertThat(desk.network.published).hasSize(10);
            assertThat(desk.network.maxInFlight(shop.id())).isEqualTo(1);
            assertThat(desk.network.maxInFlight(outlet.id())).isEqualTo(1);
            assertThat(metTheOther).containsOnly(Map.entry(shop.id(), true), Map.entry(outlet.id(), true));
            assertThat(desk.network.maxInFlightAll()).isEqualTo(2);
        }
    }

    @Test
    void twoRequestsAtATimePerAccountWhenTheSettingsAllowIt() {
        try (Desk desk = new Desk(PublishingSettings.DEFAULTS.withWorkers(4, 2))) {
            Account shop = desk.connect("@shop");
            for (int i = 0; i < 6; i++) desk.scheduled("Post " + i, "2026-12-01T09:00", shop);
            CountDownLatch two = new CountDownLatch(2);
            desk.network.during = call -> {
                two.countDown();
                try {
                    two.await(5, TimeUnit.SECONDS);
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };

            desk.clock.set(DUE);
            desk.tick();

            assertThat(desk.network.published).hasSize(6);
            assertThat(desk.network.maxInFlight(shop.id())).isEqualTo(2);
        }
    }

    @Test
    void twoNodesTickingTogetherSendEachDeliveryOnce() throws Exception {
        PublishingSettings settings = PublishingSettings.DEFAULTS.withWorkers(4, 1);
        try (Desk desk = new Desk(settings); Publisher other = desk.node("node-b", settings)) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            List<Post> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) posts.add(desk.scheduled("Post " + i, "2026-12-01T09:00", shop, outlet));
            desk.network.during = call -> { try { Thread.sleep(2); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } };

            desk.clock.set(DUE);
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                var a = nodes.submit(() -> {
                    go.await();
                    return desk.tick();
                });
                var b = nodes.submit(() -> {
                    go.await();
                    return other.tick();
                });
                go.countDown();
                assertThat(a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(40);
            } finally {
                nodes.shutdownNow();
            }

            assertThat(desk.network.published).hasSize(40);
            assertThat(desk.network.published).extracting(ScriptedChannel.Call::key).doesNotHaveDuplicates();
            assertThat(posts).allSatisfy(p -> assertThat(desk.post(p.id()).state()).isEqualTo(PostState.PUBLISHED));
            // One comment a post, by the node whose roll-up won, with both accounts' links.
            assertThat(desk.comments).filteredOn(c -> c.text().startsWith("Published on")).hasSize(20)
                    .allSatisfy(c -> assertThat(c.text().lines()).hasSize(2));
            assertThat(posts).allSatisfy(p -> assertThat(String.join("\n", desk.commentsOn(p)))
                    .contains(desk.delivery(p, shop, 0).remote().url(), desk.delivery(p, outlet, 0).remote().url()));
        }
    }
}
