package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.Utm;
import io.socialdesk.core.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContentRulesTest {
    static final ContentRules RULES = ContentRules.defaults();

    static List<String> rulesMatching(String text) {
        return RULES.matches(PostContent.ofText(text)).stream().map(RuleMatch::ruleId).distinct().toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Only 19,99 € this week                         | legal.prices.amounts
            Now $5 a month                                 | legal.prices.amounts
            -20% sur tout le magasin                       | legal.prices.amounts
            Découvrez nos PRIX d'automne                   | legal.prices
            20% off everything                             | legal.prices
            Livraison GRATUITE                             | legal.prices
            Free shipping all week                         | legal.prices
            Satisfaction garantie ou remboursé             | legal.promises
            Guérit les maux de tête en 5 minutes           | legal.health
            Clinically proven to boost your immune system  | legal.health
            Grand jeu-concours de Noël                     | legal.contests
            Jeu concours : à gagner, un vélo               | legal.contests
            Enter our giveaway and WIN a bike              | legal.contests
            We're hiring: three new developers             | hr.employment
            Notre équipe recrute en CDI                    | hr.employment
            Bienvenue à nos nouveaux SALARIÉS              | hr.employment
            Meet our employees                             | hr.employment
            Rejoignez-nous !                               | hr.employment
            """)
    void shippedRulesInEnglishAndFrench(String text, String rule) {
        assertThat(rulesMatching(text)).contains(rule);
    }

    @ParameterizedTest(name = "nothing in: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Our new window display is up                   | win inside window
            Freedom of expression matters                  | free inside freedom
            The jobsite report                             | job inside jobsite
            Une belle journée d'automne à Lyon             | plain French
            We met twenty people at the meetup             | plain English
            """)
    void wordBoundariesAreRespected(String text, String why) {
        assertThat(rulesMatching(text)).as(why).isEmpty();
    }

    @Test
    void matchesGiveTheirRangeInTheOriginalText() {
        String text = "Bravo à nos salariées 👩🏽‍💻 et au RECRUTEMENT";
        List<RuleMatch> m = RULES.matches(PostContent.ofText(text));
        assertThat(m).extracting(RuleMatch::matched).containsExactly("salariées", "RECRUTEMENT");
        for (RuleMatch r : m) {
            assertThat(text.substring(r.start(), r.end())).isEqualTo(r.matched());
            assertThat(r.department()).isEqualTo(Department.HR);
            assertThat(r.field()).isEqualTo("text");
        }
    }

    @Test
    void decomposedAccentsAreFoundAndMappedBack() {
        String text = "Nous recrutons un salarie\u0301 motivé";
        RuleMatch m = RULES.matches(PostContent.ofText(text)).stream().filter(r -> r.matched().startsWith("salar")).findFirst().orElseThrow();
        assertThat(m.matched()).isEqualTo("salarie\u0301");
        assertThat(m.end()).isEqualTo(text.indexOf(" motivé"));
    }

    @Test
    void everyPartOfTheContentIsRead() {
        PostContent c = new PostContent("Hello", Map.of(Network.MASTODON, "Giveaway time"), List.of(new Media("ab", "image/png", 1, "Prix cassés", "")),
                List.of("part one", "we are hiring"), Optional.of("free coffee"), List.of("#concours"), Utm.NONE, "", "en", List.of());
        assertThat(RULES.matches(c)).extracting(m -> m.field() + ":" + m.matched())
                .containsExactlyInAnyOrder("variant:MASTODON:Giveaway", "media[0].alt:Prix", "thread[1]:hiring", "firstComment:free",
                        "hashtags:concours");
    }

    @Test
    void competitorsAreConfigurable() {
        assertThat(rulesMatching("Better than Acme Corp")).isEmpty();
        ContentRules withCompetitors = ContentRules.defaultsWithCompetitors(List.of("Acme Corp", "Globex"));
        assertThat(withCompetitors.matches(PostContent.ofText("Better than ACME  corp and globex")))
                .extracting(RuleMatch::matched).containsExactly("ACME  corp", "globex");
    }

    @Test
    void aBadRegularExpressionIsRefusedWithItsRule() {
        assertThatThrownBy(() -> RULES.with(new ContentRule("legal.custom", Department.LEGAL, ContentRule.Kind.REGEX, List.of("(unclosed"), "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().rule()).isEqualTo("invalid-regex");
                    assertThat(e.getMessage()).contains("legal.custom", "(unclosed");
                });
    }

    @Test
    void thePolicyTextFormRoundTrips() {
        ContentRules rules = ContentRules.defaultsWithCompetitors(List.of("Acme\tCorp", "back\\slash", "new\nline"))
                .with(new ContentRule("legal.custom", Department.LEGAL, ContentRule.Kind.REGEX, List.of("\\bcode \\d+"), "promo codes"));
        assertThat(PolicyText.rules(PolicyText.rules(rules)).rules()).isEqualTo(rules.rules());
        List<DepartmentRule> departments = List.of(
                new DepartmentRule(Department.LEGAL, io.socialdesk.core.user.Role.LEGAL, Optional.of("legal-team"), ApproverQuorum.atLeast(2)),
                new DepartmentRule(Department.MARKETING, io.socialdesk.core.user.Role.MARKETING_LEAD, Optional.empty(),
                        ApproverQuorum.all(java.util.Set.of("lea", "leo"))),
                DepartmentRule.anyOne(Department.HR));
        assertThat(PolicyText.departments(PolicyText.departments(departments))).isEqualTo(departments);
    }
}
