package io.socialdesk.core.inbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.problem.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad rules are refused with every problem at once, each naming its field (as the REST API spells it) and a stable rule. */
class RoutingValidationTest {
    static final Route OK = Route.to("SUPPORT");

    static RoutingRule rule(String id, Conditions when, Route route) {
        return new RoutingRule(id, "Rule " + id, true, when, route);
    }

    private static List<String> fieldsAndRules(List<RoutingRule> rules, Route defaultRoute) {
        return RoutingValidation.problems(rules, defaultRoute).stream().map(p -> p.field() + ": " + p.rule()).toList();
    }

    @Test
    void theShippedDefaultsAreValid() {
        RoutingRules shipped = RoutingDefaults.rules();
        assertThat(RoutingValidation.problems(shipped.rules(), shipped.defaultRoute())).isEmpty();
    }

    @Test
    void anInvalidRegularExpressionIsNamedWithItsRuleAndPosition() {
        List<FieldProblem> problems = RoutingValidation.problems(List.of(
                rule("a", Conditions.NONE.withKeywords("x"), OK), rule("b", Conditions.NONE.withKeywords("y"), OK),
                rule("c", Conditions.NONE.withRegexes("ok", "order #(\\d+"), OK)), OK);

        assertThat(problems).hasSize(1);
        FieldProblem p = problems.get(0);
        assertThat(p.field()).isEqualTo("rules[2].regexes[1]");
        assertThat(p.rule()).isEqualTo("invalid-regex");
        assertThat(p.message()).startsWith("Rule 3 (\u201cRule c\u201d): \u201corder #(\\d+\u201d is not a valid regular expression: Unclosed group");
    }

    @Test
    void aRegularExpressionThatBacktracksWithoutEndIsRefusedWhenSaved() {
        assertThat(fieldsAndRules(List.of(rule("a", Conditions.NONE.withRegexes("ok", "a*a*a*a*a*b", "(.*,){8}x", "(a+)+\\1x"), OK)), OK))
                .containsExactly("rules[0].regexes[1]: regex-too-slow", "rules[0].regexes[2]: regex-too-slow", "rules[0].regexes[3]: regex-too-slow");
        // Java 17 remembers where a repeated group failed, so the textbook (a+)+$ and (x|xx)+y stay fast there.
        assertThat(fieldsAndRules(List.of(rule("a", Conditions.NONE.withRegexes("(\\d+,)*\\d+ euros?", "order\\s*#\\d+", "(a+)+$",
                "(x|xx)+y", ".*refund.*"), OK)), OK)).as("ordinary repetition is fine").isEmpty();
    }

    @Test
    void aRouteNeedsAProjectKeyAndLabelsWithoutSpaces() {
        List<String> found = fieldsAndRules(List.of(
                rule("a", Conditions.NONE.withKeywords("x"), new Route(" ", null, null, null, null, List.of("ok", "two words"), null)),
                rule("b", Conditions.NONE.withKeywords("x"), Route.to("support-team"))),
                new Route("", null, null, null, null, List.of(), null));

        assertThat(found).containsExactly("rules[0].project: required", "rules[0].labels[1]: label", "rules[1].project: project-key",
                "defaultRoute.project: required");
    }

    @Test
    void idsNamesAndConditionsAreChecked() {
        List<String> found = fieldsAndRules(List.of(
                new RoutingRule("same", " ", true, Conditions.NONE.withKeywords("x"), OK),
                new RoutingRule("same", "Two", true, Conditions.NONE, OK),
                new RoutingRule("bad id!", "Three", true, Conditions.NONE.withKeywords("  ", "ok").withLanguages("french")
                        .withFollowers(500L, 10L).withAccounts(0L).withAuthors("@"), OK)), OK);

        assertThat(found).containsExactly("rules[0].name: required",
                "rules[1].id: unique", "rules[1]: condition-required",
                "rules[2].id: rule-id", "rules[2].accountIds[0]: positive-integer", "rules[2].keywords[0]: required",
                "rules[2].languages[0]: language-code", "rules[2].authors[0]: required", "rules[2].minFollowers: min-above-max");
        assertThat(RoutingValidation.problems(List.of(new RoutingRule("r", "Big", true, Conditions.NONE.withFollowers(500L, 10L), OK)), OK)
                .get(0).message()).isEqualTo("Rule 1 (\u201cBig\u201d): the minimum followers (500) is above the maximum (10)");
    }

    @Test
    void aRuleNeedsAName() {
        assertThat(RoutingValidation.problems(List.of(new RoutingRule("r", " ", true, Conditions.NONE.withKeywords("x"), OK)), OK))
                .containsExactly(new FieldProblem("rules[0].name", "required", "Rule 1: give it a name"));
    }

    @Test
    void controlCharactersAndTooLongTextsAreRefused() {
        assertThat(fieldsAndRules(List.of(rule("a", Conditions.NONE.withKeywords("bad\u0000word", "x".repeat(101)), OK)), OK))
                .containsExactly("rules[0].keywords[0]: malformed-unicode", "rules[0].keywords[1]: max-length");
    }
}
