package io.socialdesk.core.inbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the rules (valid or not), the item and the triage, routing answers a route and never throws. */
class RoutingPropertiesTest {
    @Property(tries = 400)
    void routingNeverThrowsAndAlwaysAnswersARouteFromTheRulesOrTheDefault(@ForAll("rules") List<RoutingRule> rules, @ForAll("items") Inbound item,
            @ForAll("triages") Triage triage, @ForAll long accountId) {
        Route fallback = Route.to("COMMUNITY");
        RoutingRules set = new RoutingRules(1, rules, fallback, "admin", Instant.EPOCH);

        Routed routed = set.router().route(accountId, item, triage);

        assertThat(routed).isNotNull();
        assertThat(routed.route()).isNotNull();
        assertThat(routed.why()).isNotEmpty();
        if (routed.byDefault()) {
            assertThat(routed.route()).isEqualTo(fallback);
        } else {
            Set<String> enabled = rules.stream().filter(RoutingRule::enabled).map(RoutingRule::id).collect(Collectors.toSet());
            assertThat(enabled).contains(routed.ruleId());
            RoutingRule first = rules.stream().filter(r -> r.id().equals(routed.ruleId())).findFirst().orElseThrow();
            assertThat(routed.route()).isEqualTo(first.route());
        }
    }

    @Provide
    Arbitrary<Inbound> items() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("aéE! \u00a0'\u2019#0123456789refundREMBOURSÉ").ofMaxLength(200),
                Arbitraries.of("refund", "ne marche pas", "lawyer", "a".repeat(3000) + "!", "", "\ud800 lone", "<script>alert(1)</script>"));
        Arbitrary<Long> followers = Arbitraries.longs().between(-5, 1_000_000).injectNull(0.3);
        Arbitrary<Inbound.Author> authors = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().all().ofMaxLength(20).injectNull(0.2), followers)
                .as((id, handle, n) -> new Inbound.Author(id, handle, null, n, null));
        return Combinators.combine(Arbitraries.of(Network.class), Arbitraries.of(Stream.class), text, authors,
                Arbitraries.of("fr", "en", "de", "und", "", "FR-ca").injectNull(0.3))
                .as((network, stream, t, author, lang) -> new Inbound(network, stream, "id", null, t, Instant.EPOCH, author, null, null, null, lang));
    }

    @Provide
    Arbitrary<Triage> triages() {
        return Combinators.combine(Arbitraries.of("fr", "en", "und", "fr-CA", "x"), Arbitraries.doubles().between(-1, 1),
                Arbitraries.of(Triage.Urgency.class), Arbitraries.doubles().between(0, 1))
                .as(Triage::new).injectNull(0.1);
    }

    @Provide
    Arbitrary<List<RoutingRule>> rules() {
        Arbitrary<String> words = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(15),
                Arbitraries.of("refund", "ne marche pas", "Remboursé", "", " ", "-", "'", "a"));
        Arbitrary<String> regexes = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("(a+)+$", "(x|xx)+y", "order\\s*#\\d+", "[", "(?<name>a)\\k<name>", "(a|aa)*b", "^$", ".*", "\\"));
        Arbitrary<Conditions> conditions = Combinators.combine(
                Arbitraries.of(Network.class).list().ofMaxSize(2),
                Arbitraries.longs().between(-1, 5).list().ofMaxSize(2),
                Arbitraries.of(Stream.class).list().ofMaxSize(2),
                words.list().ofMaxSize(4),
                regexes.list().ofMaxSize(2),
                Arbitraries.of("fr", "en", "FR", "xx", " ").list().ofMaxSize(2),
                Arbitraries.of(Triage.Sentiment.class).list().ofMaxSize(2),
                Arbitraries.of(Triage.Urgency.class).list().ofMaxSize(2))
                .as((n, a, s, k, r, l, se, u) -> new Conditions(n, a, s, k, r, l, se, u, List.of(), null, null));
        Arbitrary<Conditions> withPeople = Combinators.combine(conditions, Arbitraries.of("@bob", "BOB", "", "@").list().ofMaxSize(2),
                Arbitraries.longs().between(-3, 2000).injectNull(0.6), Arbitraries.longs().between(-3, 2000).injectNull(0.6))
                .as((c, authors, min, max) -> new Conditions(c.networks(), c.accountIds(), c.streams(), c.keywords(), c.regexes(), c.languages(),
                        c.sentiments(), c.urgencies(), authors, min, max));
        Arbitrary<RoutingRule> rule = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), Arbitraries.of(true, true, false),
                withPeople, Arbitraries.of("SUPPORT", "LEGAL", "HR", "SALES"))
                .as((id, on, when, project) -> new RoutingRule(id, id, on, when, Route.to(project)));
        return rule.list().ofMaxSize(6).map(ArrayList::new);
    }
}
