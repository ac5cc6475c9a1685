package io.socialdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever a network answers, each delivery ends settled once and nothing is sent again after it was sent. */
class DeliveryOutcomePropertiesTest {
    static final Instant DUE = Instant.parse("2026-12-01T08:00:00Z");

    enum Answer { SENT, RETRY, FAILED, UNKNOWN }

    @Property(tries = 60)
    void everyDeliveryEndsInOneSettledStateAndNoKeyIsSentAgainAfterItWasSent(
            @ForAll @Size(max = 12) List<Answer> shopPublishes, @ForAll @Size(max = 6) List<Answer> shopSettles,
            @ForAll @Size(max = 12) List<Answer> outletPublishes, @ForAll @Size(max = 6) List<Answer> outletSettles,
            @ForAll @IntRange(min = 0, max = 2) int threadParts) {
        try (Desk desk = new Desk(PublishingSettings.DEFAULTS.withRetries(3, Duration.ofSeconds(1), Duration.ofSeconds(4)).withWorkers(2, 1))) {
            Account shop = desk.connect("@shop");
            Account outlet = desk.connect("@outlet");
            List<String> thread = new ArrayList<>();
            for (int i = 0; i < threadParts; i++) thread.add("part " + (i + 2));
            Post post = desk.scheduled(new NewPost("Sale", "part 1", "2026-12-01T09:00", "Europe/Paris", null, thread, null, null, null, null,
                    null, List.of(shop.id(), outlet.id())));
            script(desk, shop, shopPublishes, shopSettles);
            script(desk, outlet, outletPublishes, outletSettles);

            desk.clock.set(DUE);
            desk.tick();
            for (int round = 0; round < 60 && desk.deliveries(post).stream().anyMatch(d -> d.state().isPending()); round++) {
                desk.tick();
                desk.clock.advance(Duration.ofSeconds(5));
            }

            List<DeliveryRecord> all = desk.deliveries(post);
            assertThat(all).hasSize(2 * (1 + threadParts));
            assertThat(all).extracting(DeliveryRecord::state).allSatisfy(s -> assertThat(s).isIn(EnumSet.of(DeliveryState.SENT,
                    DeliveryState.FAILED, DeliveryState.UNCONFIRMED, DeliveryState.MISSED, DeliveryState.CANCELLED)));
            assertThat(desk.post(post.id()).state()).isEqualTo(PostRollup.of(all));
            Map<String, List<ScriptedChannel.Call>> byKey = desk.network.calls.stream()
                    .collect(Collectors.groupingBy(ScriptedChannel.Call::key));
            for (DeliveryRecord d : all) {
                List<ScriptedChannel.Call> calls = byKey.getOrDefault(d.key(), List.of());
                long sentAnswers = calls.stream().filter(c -> c.answer() instanceof Outcome.Sent).count();
                assertThat(sentAnswers).as("sent at most once: %s", calls).isLessThanOrEqualTo(1);
                assertThat(d.state() == DeliveryState.SENT).as("SENT exactly when the network said so").isEqualTo(sentAnswers == 1);
                boolean sent = false;
                boolean unsettled = false;
                for (ScriptedChannel.Call c : calls) {
                    if (!c.settle()) {
                        assertThat(sent).as("published after it was sent: %s", calls).isFalse();
                        assertThat(unsettled).as("published again after an unknown outcome nobody settled: %s", calls).isFalse();
                    }
                    if (c.answer() instanceof Outcome.Sent) sent = true;
                    if (c.answer() instanceof Outcome.Unknown) unsettled = true;
                    if (c.settle() && c.answer() instanceof Outcome.RetryLater) unsettled = false;
                }
            }
        }
    }

    private static void script(Desk desk, Account account, List<Answer> publishes, List<Answer> settles) {
        for (Answer a : publishes) desk.network.publishes(account.id(), outcome(desk, a));
        for (Answer a : settles) desk.network.settles(account.id(), outcome(desk, a));
    }

    private static Outcome outcome(Desk desk, Answer a) {
        return switch (a) {
            case SENT -> new Outcome.Sent(desk.network.fresh());
            case RETRY -> new Outcome.RetryLater(DUE, "The server is busy (503)");
            case FAILED -> new Outcome.Failed("rejected", "The network refused it");
            case UNKNOWN -> new Outcome.Unknown("The connection dropped");
        };
    }
}
