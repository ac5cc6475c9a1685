package io.socialdesk.core.inbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reason the router writes is read back as an i18n key and its arguments, so pages can say it in French. */
class RoutingWhyTest {
    @Test
    void everyReasonTheRouterWritesHasAKeyAndItsArguments() {
        assertThat(RoutingWhy.reason(RoutingWhy.network(Network.BLUESKY))).hasValue(reason("network", "Bluesky"));
        assertThat(RoutingWhy.reason(RoutingWhy.account(42))).hasValue(reason("account", "42"));
        assertThat(RoutingWhy.reason(RoutingWhy.stream(Stream.DIRECT_MESSAGES))).hasValue(reason("stream.direct_messages"));
        assertThat(RoutingWhy.reason(RoutingWhy.language("fr"))).hasValue(reason("language", "fr"));
        assertThat(RoutingWhy.reason(RoutingWhy.sentiment(Triage.Sentiment.NEGATIVE))).hasValue(reason("sentiment.negative"));
        assertThat(RoutingWhy.reason(RoutingWhy.urgency(Triage.Urgency.HIGH))).hasValue(reason("urgency.high"));
        assertThat(RoutingWhy.reason(RoutingWhy.author("pat.example"))).hasValue(reason("author", "pat.example"));
        assertThat(RoutingWhy.reason(RoutingWhy.followers(25000, 10000L, null))).hasValue(reason("followers.atLeast", "25000", "10000"));
        assertThat(RoutingWhy.reason(RoutingWhy.followers(5, null, 10L))).hasValue(reason("followers.atMost", "5", "10"));
        assertThat(RoutingWhy.reason(RoutingWhy.followers(5, 1L, 10L))).hasValue(reason("followers.between", "5", "1", "10"));
        assertThat(RoutingWhy.reason(RoutingWhy.keyword("ne \"marche\" pas"))).hasValue(reason("keyword", "ne \"marche\" pas"));
        assertThat(RoutingWhy.reason(RoutingWhy.regex("order\\s*#\\d+"))).hasValue(reason("regex", "order\\s*#\\d+"));
        assertThat(RoutingWhy.reason(RoutingWhy.gaveUp("(a*)*b", "Slow"))).hasValue(reason("gaveUp", "(a*)*b", "Slow"));
        assertThat(RoutingWhy.reason(RoutingWhy.EVERY_ITEM)).hasValue(reason("everyItem"));
        assertThat(RoutingWhy.reason(RuleRouter.NO_RULE_MATCHED)).hasValue(reason("default"));
        assertThat(RoutingWhy.reason("something else")).isEmpty();
    }

    private static RoutingWhy.Reason reason(String key, String... args) {
        return new RoutingWhy.Reason(RoutingWhy.KEY + key, List.of(args));
    }
}
