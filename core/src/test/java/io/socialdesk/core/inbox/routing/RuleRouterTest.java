package io.socialdesk.core.inbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing one item: each condition, their conjunction, rule order, disabled rules, the default, and how text is read. */
class RuleRouterTest {
    static final Triage NEUTRAL_EN = new Triage("en", 0, Triage.Urgency.NORMAL, 0);
    static final Route COMMUNITY = Route.to("COMMUNITY");

    static Inbound item(String text) {
        return item(Network.BLUESKY, Stream.MENTIONS, text, new Inbound.Author("did:plc:bob", "bob.bsky.social", "Bob", 120L, null));
    }

    static Inbound item(Network network, Stream stream, String text, Inbound.Author author) {
        return new Inbound(network, stream, "at://did:plc:bob/app.bsky.feed.post/1", null, text, Instant.parse("2026-11-22T10:00:00Z"), author,
                null, null, null, null);
    }

    static RoutingRule rule(String id, Conditions when, String project) {
        return new RoutingRule(id, id, true, when, Route.to(project));
    }

    static Routed route(List<RoutingRule> rules, Inbound item, Triage triage) {
        return route(rules, 7, item, triage);
    }

    static Routed route(List<RoutingRule> rules, long account, Inbound item, Triage triage) {
        return new RoutingRules(1, rules, COMMUNITY, "admin", Instant.EPOCH).router().route(account, item, triage);
    }

    @Test
    void aKeywordIsFoundAsAWholeWordIgnoringCaseAndAccentsAndSaysWhichOne() {
        List<RoutingRule> rules = List.of(rule("support", Conditions.NONE.withKeywords("refund", "remboursé"), "SUPPORT"));

        Routed refund = route(rules, item("I want a REFUND now"), NEUTRAL_EN);
        assertThat(refund.route().project()).isEqualTo("SUPPORT");
        assertThat(refund.ruleId()).isEqualTo("support");
        assertThat(refund.why()).containsExactly("keyword \"refund\"");

        assertThat(route(rules, item("Pas encore rembourse !"), NEUTRAL_EN).why()).containsExactly("keyword \"remboursé\"");
        assertThat(route(rules, item("Pas encore REMBOURSÉ"), NEUTRAL_EN).ruleId()).isEqualTo("support");
        assertThat(route(rules, item("refunded yesterday, thanks"), NEUTRAL_EN).byDefault()).as("not a whole word").isTrue();
        assertThat(route(rules, item("nonrefund policy"), NEUTRAL_EN).byDefault()).isTrue();
        assertThat(route(rules, item("(refund)"), NEUTRAL_EN).ruleId()).as("punctuation is a boundary").isEqualTo("support");
    }

    @Test
    void frenchPhrasesMatchWithApostrophesSpacesAndDecomposedAccents() {
        List<RoutingRule> rules = List.of(rule("support", Conditions.NONE.withKeywords("ne marche pas", "offre d'emploi", "problème"), "SUPPORT"));

        assertThat(route(rules, item("Votre appli NE  MARCHE\u00a0PAS depuis hier"), NEUTRAL_EN).why()).containsExactly("keyword \"ne marche pas\"");
        assertThat(route(rules, item("Une offre d\u2019emploi ?"), NEUTRAL_EN).why()).containsExactly("keyword \"offre d'emploi\"");
        assertThat(route(rules, item("gros proble\u0300me"), NEUTRAL_EN).why()).as("e + combining grave").containsExactly("keyword \"problème\"");
        assertThat(route(rules, item("ne marche passablement"), NEUTRAL_EN).byDefault()).isTrue();
    }

    @Test
    void everyMatchingKeywordIsNamedUpToFive() {
        List<RoutingRule> rules = List.of(rule("s", Conditions.NONE.withKeywords("a1", "a2", "a3", "a4", "a5", "a6", "zz"), "SUPPORT"));

        assertThat(route(rules, item("a1 a2 a3 a4 a5 a6"), NEUTRAL_EN).why()).hasSize(5).first().isEqualTo("keyword \"a1\"");
    }

    @Test
    void aRegularExpressionMatchesTheTextAsWrittenOrWithoutAccents() {
        List<RoutingRule> rules = List.of(rule("orders", Conditions.NONE.withRegexes("order\\s*#\\d{3,}", "d[ée]j[àa] pay[ée]"), "SUPPORT"));

        assertThat(route(rules, item("Where is ORDER #4411?"), NEUTRAL_EN).why()).containsExactly("regex \"order\\s*#\\d{3,}\"");
        assertThat(route(rules, item("déjà payé"), NEUTRAL_EN).ruleId()).isEqualTo("orders");
        assertThat(route(rules, item("Order #12"), NEUTRAL_EN).byDefault()).isTrue();
        List<RoutingRule> plain = List.of(rule("paid", Conditions.NONE.withRegexes("deja paye"), "SUPPORT"));
        assertThat(route(plain, item("Déjà PAYÉ"), NEUTRAL_EN).ruleId()).as("a pattern without accents reads the folded text").isEqualTo("paid");
    }

    @Test
    void keywordsAndRegularExpressionsAreOneConditionOnTheText() {
        List<RoutingRule> rules = List.of(rule("s", Conditions.NONE.withKeywords("refund").withRegexes("#\\d{4}"), "SUPPORT"));

        assertThat(route(rules, item("refund please"), NEUTRAL_EN).why()).containsExactly("keyword \"refund\"");
        assertThat(route(rules, item("order #4411"), NEUTRAL_EN).why()).containsExactly("regex \"#\\d{4}\"");
        assertThat(route(rules, item("hello"), NEUTRAL_EN).byDefault()).isTrue();
    }

    @Test
    void aRunawayRegularExpressionGivesUpQuicklyCountsAsNotFoundAndSaysSo() {
        List<RoutingRule> rules = List.of(rule("evil", Conditions.NONE.withRegexes("a*a*a*a*a*b"), "LEGAL"),
                rule("next", Conditions.NONE.withKeywords("aaaa"), "SUPPORT"));
        String text = "a".repeat(3000) + "! aaaa";

        long start = System.nanoTime();
        Routed routed = route(rules, item(text), NEUTRAL_EN);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(routed.ruleId()).isEqualTo("next");
        assertThat(routed.why()).containsExactly("keyword \"aaaa\"",
                "regex \"a*a*a*a*a*b\" of rule \"evil\" gave up (too many steps): treated as not found");
        assertThat(took).as("bounded, not exponential").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aHugeTextIsReadOnlyAsFarAsTheLimit() {
        List<RoutingRule> rules = List.of(rule("s", Conditions.NONE.withKeywords("refund"), "SUPPORT"));
        String late = "x ".repeat(TextMatch.MAX_TEXT) + "refund";

        assertThat(route(rules, item(late), NEUTRAL_EN).byDefault()).isTrue();
        assertThat(route(rules, item("refund " + "x".repeat(1_000_000)), NEUTRAL_EN).ruleId()).isEqualTo("s");
    }

    @Test
    void networkAccountAndStreamConditions() {
        Inbound.Author bob = new Inbound.Author("1", "bob", "Bob", null, null);
        List<RoutingRule> rules = List.of(
                rule("dm", Conditions.NONE.withStreams(Stream.DIRECT_MESSAGES), "SUPPORT"),
                rule("x-brand", Conditions.NONE.withNetworks(Network.X, Network.THREADS).withAccounts(42L), "SALES"));

        Routed dm = route(rules, item(Network.MASTODON, Stream.DIRECT_MESSAGES, "hi", bob), NEUTRAL_EN);
        assertThat(dm.ruleId()).isEqualTo("dm");
        assertThat(dm.why()).containsExactly("stream direct messages");
        Routed x = route(rules, 42, item(Network.X, Stream.MENTIONS, "hi", bob), NEUTRAL_EN);
        assertThat(x.ruleId()).isEqualTo("x-brand");
        assertThat(x.why()).containsExactly("network X", "account 42");
        assertThat(route(rules, 41, item(Network.X, Stream.MENTIONS, "hi", bob), NEUTRAL_EN).byDefault()).as("another account").isTrue();
        assertThat(route(rules, 42, item(Network.BLUESKY, Stream.MENTIONS, "hi", bob), NEUTRAL_EN).byDefault()).as("another network").isTrue();
    }

    @Test
    void languageSentimentAndUrgencyComeFromTheTriage() {
        List<RoutingRule> rules = List.of(
                rule("angry-fr", Conditions.NONE.withLanguages("fr").withSentiments(Triage.Sentiment.NEGATIVE), "SUPPORT"),
                rule("urgent", Conditions.NONE.withUrgencies(Triage.Urgency.HIGH), "LEGAL"));

        Routed angry = route(rules, item("bof"), new Triage("fr", -0.6, Triage.Urgency.NORMAL, 0));
        assertThat(angry.ruleId()).isEqualTo("angry-fr");
        assertThat(angry.why()).containsExactly("language fr", "sentiment negative");
        assertThat(route(rules, item("bof"), new Triage("fr-CA", -0.6, Triage.Urgency.NORMAL, 0)).why()).contains("language fr");
        assertThat(route(rules, item("bof"), new Triage("fr", 0.3, Triage.Urgency.NORMAL, 0)).byDefault()).as("positive").isTrue();
        assertThat(route(rules, item("bof"), new Triage("en", -0.6, Triage.Urgency.NORMAL, 0)).byDefault()).as("English").isTrue();
        Routed urgent = route(rules, item("now"), new Triage("en", 0, Triage.Urgency.HIGH, 0));
        assertThat(urgent.why()).containsExactly("urgency high");
        assertThat(route(rules, item("now"), null).byDefault()).as("no triage meets no triage condition").isTrue();
    }

    @Test
    void anUndeterminedLanguageFallsBackToWhatTheNetworkDeclared() {
        List<RoutingRule> rules = List.of(rule("fr", Conditions.NONE.withLanguages("FR"), "SUPPORT"));
        Inbound declared = new Inbound(Network.BLUESKY, Stream.MENTIONS, "1", null, "ok", Instant.EPOCH,
                new Inbound.Author("1", "bob", null, null, null), null, null, null, "fr");

        assertThat(route(rules, declared, new Triage(Triage.UNDETERMINED, 0, Triage.Urgency.NORMAL, 0)).why()).containsExactly("language fr");
        assertThat(route(rules, declared, new Triage("en", 0, Triage.Urgency.NORMAL, 0)).byDefault()).as("triage wins when sure").isTrue();
    }

    @Test
    void authorsAndFollowerBounds() {
        List<RoutingRule> rules = List.of(
                rule("vip", Conditions.NONE.withFollowers(10_000L, null), "COMMS"),
                rule("bob", Conditions.NONE.withAuthors("@Bob.bsky.social"), "SUPPORT"),
                rule("small", Conditions.NONE.withFollowers(null, 100L), "SMALL"));

        Routed big = route(rules, item(Network.BLUESKY, Stream.MENTIONS, "hi", new Inbound.Author("1", "star", "Star", 25_000L, null)), NEUTRAL_EN);
        assertThat(big.why()).containsExactly("followers 25000 (at least 10000)");
        Routed bob = route(rules, item("hi"), NEUTRAL_EN);
        assertThat(bob.ruleId()).isEqualTo("bob");
        assertThat(bob.why()).containsExactly("author @bob.bsky.social");
        Routed small = route(rules, item(Network.BLUESKY, Stream.MENTIONS, "hi", new Inbound.Author("2", "tiny", null, 100L, null)), NEUTRAL_EN);
        assertThat(small.why()).containsExactly("followers 100 (at most 100)");
        Routed unknown = route(rules, item(Network.BLUESKY, Stream.MENTIONS, "hi", new Inbound.Author("3", "who", null, null, null)), NEUTRAL_EN);
        assertThat(unknown.byDefault()).as("an unknown follower count meets no bound").isTrue();
        assertThat(route(List.of(rule("id", Conditions.NONE.withAuthors("did:plc:bob"), "X")), item("hi"), NEUTRAL_EN).ruleId())
                .as("or the author's id on the network").isEqualTo("id");
    }

    @Test
    void everyConditionMustHold() {
        List<RoutingRule> rules = List.of(rule("fr-refund", Conditions.NONE.withKeywords("remboursement").withLanguages("fr")
                .withNetworks(Network.BLUESKY), "SUPPORT"));

        assertThat(route(rules, item("remboursement svp"), new Triage("fr", 0, Triage.Urgency.NORMAL, 0)).why())
                .containsExactly("network BLUESKY", "language fr", "keyword \"remboursement\"");
        assertThat(route(rules, item("remboursement svp"), NEUTRAL_EN).byDefault()).isTrue();
        assertThat(route(rules, item("merci"), new Triage("fr", 0, Triage.Urgency.NORMAL, 0)).byDefault()).isTrue();
    }

    @Test
    void theFirstEnabledMatchingRuleWinsAndTheRestGoToTheDefault() {
        List<RoutingRule> rules = List.of(
                rule("legal", Conditions.NONE.withKeywords("lawyer"), "LEGAL").withEnabled(false),
                rule("support", Conditions.NONE.withKeywords("refund"), "SUPPORT"),
                rule("legal-2", Conditions.NONE.withKeywords("lawyer", "refund"), "LEGAL"));

        assertThat(route(rules, item("refund or my lawyer calls"), NEUTRAL_EN).ruleId()).isEqualTo("support");
        assertThat(route(rules, item("my lawyer calls"), NEUTRAL_EN).ruleId()).as("the disabled rule is skipped").isEqualTo("legal-2");
        Routed rest = route(rules, item("nice photo"), NEUTRAL_EN);
        assertThat(rest.byDefault()).isTrue();
        assertThat(rest.route()).isEqualTo(COMMUNITY);
        assertThat(rest.why()).containsExactly(RuleRouter.NO_RULE_MATCHED);
    }

    @Test
    void theShippedDefaultsRouteEnglishAndFrenchToTheirDepartments() {
        RuleRouter router = RoutingDefaults.rules().router();
        Triage fr = new Triage("fr", -0.4, Triage.Urgency.NORMAL, 0);

        assertThat(router.route(1, item("Votre produit ne marche pas depuis la mise à jour, remboursement ?"), fr).route().project()).isEqualTo("SUPPORT");
        assertThat(router.route(1, item("My order never arrived and I want a refund"), NEUTRAL_EN).route().project()).isEqualTo("SUPPORT");
        assertThat(router.route(1, item("I will sue you, my lawyer is ready"), NEUTRAL_EN).route().project()).isEqualTo("LEGAL");
        assertThat(router.route(1, item("Je vais porter plainte, c'est contraire au RGPD"), fr).route().project()).isEqualTo("LEGAL");
        assertThat(router.route(1, item("Is there a job opening in Lyon?"), NEUTRAL_EN).route().project()).isEqualTo("HR");
        assertThat(router.route(1, item("Ma candidature pour le poste, et ce harcèlement ?"), fr).route().project()).isEqualTo("HR");
        assertThat(router.route(1, item("Can I get a quote for 200 seats?"), NEUTRAL_EN).route().project()).isEqualTo("SALES");
        assertThat(router.route(1, item("Un devis et vos tarifs svp"), fr).route().project()).isEqualTo("SALES");
        Routed love = router.route(1, item("Love the new release! <script>alert('x')</script>"), NEUTRAL_EN);
        assertThat(love.route().project()).isEqualTo("COMMUNITY");
        assertThat(love.byDefault()).isTrue();
        assertThat(router.route(1, item("Refund or I call my lawyer"), NEUTRAL_EN).route().project()).as("legal comes first").isEqualTo("LEGAL");
    }
}
