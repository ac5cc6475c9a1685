package io.socialdesk.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.routing.RoutingDefaults;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.problem.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading routing rules from JSON: names loosely written, ids made up, and every bad value named at its place, nulls included. */
class RoutingJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RoutingJson read(String json) throws Exception {
        return JSON.readValue(json, RoutingJson.class);
    }

    @Test
    void theShippedRulesSurviveTheRoundTripThroughJson() throws Exception {
        RoutingJson written = RoutingJson.of(RoutingDefaults.rules());
        RoutingJson.Draft draft = read(JSON.writeValueAsString(written)).toRules();
        assertThat(draft.rules()).isEqualTo(RoutingDefaults.rules().rules());
        assertThat(draft.defaultRoute()).isEqualTo(RoutingDefaults.rules().defaultRoute());
        assertThat(draft.version()).isZero();
    }

    @Test
    void valuesAreReadLooselyAndMissingIdsAreMadeFromNamesWithoutClashing() throws Exception {
        RoutingJson.Draft draft = read("{\"version\":4,\"rules\":["
                + "{\"name\":\"Réclamations clients\",\"networks\":[\"bluesky\",\"BLUESKY\"],\"streams\":[\"direct-messages\"],\"sentiments\":[\"negative\"],"
                + "\"urgencies\":[\"High\"],\"keywords\":[\"  panne \"],\"project\":\" support \",\"labels\":[\" social \"]},"
                + "{\"id\":\"reclamations-clients\",\"name\":\"Other\",\"enabled\":false,\"keywords\":[\"x\"],\"project\":\"SALES\"},"
                + "{\"name\":\"Réclamations clients\",\"keywords\":[\"y\"],\"project\":\"SALES\"}],"
                + "\"defaultRoute\":{\"project\":\"community\",\"issueType\":\" \"}}").toRules();

        RoutingRule first = draft.rules().get(0);
        assertThat(first.id()).isEqualTo("reclamations-clients-2");
        assertThat(first.when().networks()).containsExactly(Network.BLUESKY);
        assertThat(first.when().sentiments()).containsExactly(Triage.Sentiment.NEGATIVE);
        assertThat(first.when().urgencies()).containsExactly(Triage.Urgency.HIGH);
        assertThat(first.when().keywords()).containsExactly("panne");
        assertThat(first.route().project()).isEqualTo("SUPPORT");
        assertThat(first.route().labels()).containsExactly("social");
        assertThat(first.enabled()).as("enabled unless said").isTrue();
        assertThat(draft.rules().get(1).enabled()).isFalse();
        assertThat(draft.rules().get(2).id()).isEqualTo("reclamations-clients-3");
        assertThat(draft.defaultRoute().project()).isEqualTo("COMMUNITY");
        assertThat(draft.defaultRoute().issueType()).isNull();
    }

    @Test
    void nullsAndUnknownNamesAreNamedAtTheirPlaceAndNullRulesKeepTheOthersNumbered() throws Exception {
        RoutingJson json = read("{\"rules\":[null,"
                + "{\"name\":\"A\",\"keywords\":[\"ok\",null],\"accountIds\":[null],\"labels\":[null],\"streams\":[\"stories\"],\"project\":\"SUPPORT\"},"
                + "{\"name\":\"B\",\"regexes\":[\"(\"],\"project\":\"SALES\"}],"
                + "\"defaultRoute\":{\"project\":null}}");

        assertThatThrownBy(json::toRules).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(p -> p.field() + ": " + p.rule()).containsExactly("version: required", "rules[0]: required",
                        "rules[1].accountIds[0]: required", "rules[1].streams[0]: known-stream", "rules[1].keywords[1]: required",
                        "rules[1].labels[0]: required", "rules[2].regexes[0]: invalid-regex", "defaultRoute.project: required"));
        assertThatThrownBy(json::toRules).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(6).message())
                .startsWith("Rule 3 (\u201cB\u201d)"));
    }

    @Test
    void newIdsAreSlugsOfTheName() {
        assertThat(RoutingJson.newId("  Légal & RGPD !! ", new java.util.HashSet<>())).isEqualTo("legal-rgpd");
        assertThat(RoutingJson.newId("<>", new java.util.HashSet<>())).isEqualTo("rule");
        assertThat(RoutingJson.newId("x".repeat(80), new java.util.HashSet<>(List.of()))).hasSize(40);
    }
}
