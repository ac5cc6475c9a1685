package io.socialdesk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.testing.RecordingNetwork;
import io.socialdesk.testing.RecordingNetwork.Idempotency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as shipped, from the calendar to the network: a blackout period that a marketing lead adds for one account
 * after a post to two accounts was approved and scheduled stops that account's delivery when it falls due, with the
 * period's name on the post, while the other account's goes out. The engine reads the calendar's own store.
 */
class BlackoutStopsPublishingTest {
    @TempDir
    Path data;

    @Test
    void aBlackoutAddedAfterSchedulingStopsItsAccountsDeliveryAndSaysWhyWhileTheOtherAccountPublishes() throws Exception {
        try (RecordingNetwork network = RecordingNetwork.start(RecordingNetwork.Behaviour.fast())) {
            network.endpoint("/brand", Idempotency.BY_KEY, PublishingSeed.SECRET).endpoint("/careers", Idempotency.BY_KEY, PublishingSeed.SECRET);
            Post post;
            Account brand;
            Account careers;
            // Written a few minutes ago (the seed's clock is behind): due, by a few minutes, when the engine starts below.
            try (PublishingSeed seed = PublishingSeed.open(data, Duration.ofMinutes(5))) {
                seed.people();
                brand = seed.webhook(network.url("/brand"), "generic");
                careers = seed.webhook(network.url("/careers"), "generic");
                Instant at = seed.app().settings().clock().instant().plus(1, ChronoUnit.MINUTES);
                post = seed.scheduled("Quarterly numbers", "Our quarter in numbers", at, List.of(brand.id(), careers.id()));
                LocalDate day = LocalDate.ofInstant(post.planned().instant(), ZoneOffset.UTC);
                seed.app().calendar().service().saveBlackout(null, new CalendarService.BlackoutRequest("Results quiet period", "blackout",
                        day.toString(), day.toString(), "UTC", List.of(brand.id()), "Nothing on the brand account before the results", "", null),
                        seed.person("marc"));
            }

            try (PublishingSeed now = PublishingSeed.open(data, Duration.ZERO)) {
                SocialDeskApp app = now.app();
                for (int i = 0; i < 20 && app.postStore().find(post.id()).orElseThrow().state() != PostState.PARTIAL; i++) {
                    app.publishing().publisher().tick();
                    Thread.sleep(50);
                }

                assertThat(network.created("/brand")).as("nothing reaches the account in its blackout").isEmpty();
                assertThat(network.created("/careers")).extracting(RecordingNetwork.Created::content).containsExactly("Our quarter in numbers");
                Map<Long, DeliveryRecord> byAccount = app.publishing().deliveries().forPost(post.id()).stream()
                        .collect(Collectors.toMap(DeliveryRecord::accountId, Function.identity()));
                assertThat(byAccount.get(brand.id()).state()).isEqualTo(DeliveryState.FAILED);
                assertThat(byAccount.get(brand.id()).reason()).contains("Results quiet period");
                assertThat(byAccount.get(careers.id()).state()).isEqualTo(DeliveryState.SENT);
                assertThat(app.postStore().find(post.id()).orElseThrow().state()).isEqualTo(PostState.PARTIAL);
                // The server's post page shows the engine's outcomes from the post's history (Jira comments on the issue).
                assertThat(app.engine().trail().list(post.id())).filteredOn(e -> e.kind() == AuditKind.SEND_RESULT)
                        .extracting(e -> e.detail()).anySatisfy(detail -> assertThat((String) detail).startsWith("failed").contains("Results quiet period"));
                // The post's roll-up to Partial carries the record: the careers account's link, the brand account's failure.
                var sent = byAccount.get(careers.id()).remote();
                assertThat(app.engine().trail().list(post.id())).filteredOn(e -> e.toState().equals(java.util.Optional.of(PostState.PARTIAL)))
                        .singleElement().satisfies(e -> assertThat(e.detail()).startsWith("1 of 2 parts sent: ")
                                .contains(sent.url() == null ? sent.id() : sent.url()).contains("failed (blackout)"));
            }
        }
    }
}
