package io.socialdesk.core.inbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Triage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored text gives back exactly the rules written, tabs, line breaks and backslashes included. */
class RoutingTextTest {
    @Test
    void everyFieldSurvivesTheRoundTrip() {
        RoutingRule full = new RoutingRule("vip-fr", "VIP\tfr <b>\\n</b>\nsecond line", false,
                new Conditions(List.of(Network.X, Network.BLUESKY), List.of(4L, 12L), List.of(Stream.DIRECT_MESSAGES),
                        List.of("ne marche pas", "tab\there"), List.of("order\\s*#\\d+", "a\\\\b"), List.of("fr"),
                        List.of(Triage.Sentiment.NEGATIVE), List.of(Triage.Urgency.HIGH, Triage.Urgency.NORMAL), List.of("@bob"), 1000L, null),
                new Route("SUPPORT", "Bug", "Get help", "Mobile app", "High", List.of("social", "vip"), "sam"));
        RoutingRule small = new RoutingRule("small", "Small", true, Conditions.NONE.withFollowers(null, 10L), Route.to("COMMUNITY"));
        Route fallback = new Route("COMMUNITY", null, null, null, null, List.of("social"), null);
        Instant at = Instant.parse("2026-11-22T10:00:00Z");

        RoutingRules read = RoutingText.read(RoutingText.write(List.of(full, small), fallback), 3, "admin", at);

        assertThat(read).isEqualTo(new RoutingRules(3, List.of(full, small), fallback, "admin", at));
    }

    @Test
    void theShippedDefaultsSurviveTheRoundTrip() {
        RoutingRules shipped = RoutingDefaults.rules();
        assertThat(RoutingText.read(RoutingText.write(shipped.rules(), shipped.defaultRoute()), 0, null, null)).isEqualTo(shipped);
    }

    @Test
    void keysFromANewerVersionAreSkipped() {
        String text = "rule\tr\ttrue\tR\nkeywords\tx\nshinyNewCondition\t42\nproject\tSUPPORT\ndefault\nproject\tCOMMUNITY\n";
        RoutingRules read = RoutingText.read(text, 1, "a", Instant.EPOCH);
        assertThat(read.rules()).hasSize(1);
        assertThat(read.rules().get(0).when()).isEqualTo(Conditions.NONE.withKeywords("x"));
    }
}
