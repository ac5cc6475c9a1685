package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.memory.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.memory.MemoryRoutingRuleStore;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may read, test and change the rules; a stale save; and how the pipeline's router follows saves. */
class RoutingServiceTest {
    static final User ADMIN = new User("admin", "Admin", Set.of(Role.ADMIN), ZoneOffset.UTC);
    static final User LEAD = new User("marc", "Marc", Set.of(Role.MARKETING_LEAD), ZoneId.of("Europe/Paris"));
    static final User AGENT = new User("sam", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneOffset.UTC);
    static final Route COMMUNITY = Route.to("COMMUNITY");

    final MemoryRoutingRuleStore store = new MemoryRoutingRuleStore();
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    final RoutingService service = new RoutingService(store, clock);

    static List<RoutingRule> refundsTo(String project) {
        return List.of(new RoutingRule("refunds", "Refunds", true, Conditions.NONE.withKeywords("refund"), Route.to(project)));
    }

    @Test
    void beforeAnySaveTheShippedDefaultsApply() {
        RoutingRules rules = service.rules(LEAD);
        assertThat(rules.version()).isZero();
        assertThat(rules.shipped()).isTrue();
        assertThat(rules).isEqualTo(RoutingDefaults.rules());
    }

    @Test
    void onlyAdminsChangeAndOnlyAdminsAndLeadsReadOrTest() {
        assertThatThrownBy(() -> service.save(LEAD, 0, refundsTo("SUPPORT"), COMMUNITY)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only an administrator may change the routing rules.");
        assertThatThrownBy(() -> service.rules(AGENT)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only admins and marketing leads may see the routing rules.");
        assertThatThrownBy(() -> service.test(AGENT, 1, RuleRouterTest.item("refund"), null, PlaceholderTriager.INSTANCE))
                .isInstanceOf(NotAllowedException.class);

        RoutingRules saved = service.save(ADMIN, 0, refundsTo("SUPPORT"), COMMUNITY);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.savedBy()).isEqualTo("admin");
        assertThat(saved.savedAt()).isEqualTo(clock.instant());
        assertThat(service.rules(LEAD)).isEqualTo(saved);
    }

    @Test
    void theSecondOfTwoAdminsEditingTheSameVersionIsToldWhoSavedFirst() {
        service.save(ADMIN, 0, refundsTo("SUPPORT"), COMMUNITY);
        User other = new User("eve", "Eve", Set.of(Role.ADMIN), ZoneOffset.UTC);

        assertThatThrownBy(() -> service.save(other, 0, refundsTo("SALES"), COMMUNITY))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.rule()).isEqualTo("stale-version");
                    assertThat(e.getMessage()).isEqualTo("Someone else saved the routing rules first (now version 1, saved by admin at"
                            + " 2026-11-22T10:00:00Z; you edited version 0). Reload the page to see their rules, then make your change again.");
                });
        assertThat(service.current().rules().get(0).route().project()).isEqualTo("SUPPORT");
    }

    @Test
    void invalidRulesAreRefusedWithEveryProblem() {
        List<RoutingRule> bad = List.of(new RoutingRule("r", "R", true, Conditions.NONE.withRegexes("(unclosed"), Route.to("support")));

        assertThatThrownBy(() -> service.save(ADMIN, 0, bad, COMMUNITY)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field() + ": " + p.rule())
                        .containsExactly("rules[0].regexes[0]: invalid-regex", "rules[0].project: project-key"));
        assertThat(store.find()).isEmpty();
    }

    @Test
    void theTesterUsesTheGivenTriageOrAsksTheTriager() {
        service.save(ADMIN, 0, List.of(new RoutingRule("fr", "French", true, Conditions.NONE.withLanguages("fr"), Route.to("FR"))), COMMUNITY);

        RoutingService.Tested given = service.test(LEAD, 1, RuleRouterTest.item("bonjour"), new Triage("fr", 0, Triage.Urgency.NORMAL, 0),
                item -> { throw new AssertionError("not asked when a triage is given"); });
        assertThat(given.triageGiven()).isTrue();
        assertThat(given.routed().route().project()).isEqualTo("FR");
        assertThat(given.rule().name()).isEqualTo("French");
        assertThat(given.version()).isEqualTo(1);

        RoutingService.Tested triaged = service.test(LEAD, 1, RuleRouterTest.item("bonjour"), null,
                item -> new Triage("en", 0, Triage.Urgency.NORMAL, 0));
        assertThat(triaged.triageGiven()).isFalse();
        assertThat(triaged.triage().language()).isEqualTo("en");
        assertThat(triaged.routed().byDefault()).isTrue();
        assertThat(triaged.rule()).isNull();
    }

    @Test
    void thePipelinesRouterFollowsSavesHereAtOnceAndElsewhereWithinTheRecheckTime() {
        Router router = service.router();
        assertThat(router.route(1, RuleRouterTest.item("refund"), RuleRouterTest.NEUTRAL_EN).route().project()).isEqualTo("SUPPORT");

        service.save(ADMIN, 0, refundsTo("BILLING"), COMMUNITY);
        assertThat(router.route(1, RuleRouterTest.item("refund"), RuleRouterTest.NEUTRAL_EN).route().project()).as("saved here").isEqualTo("BILLING");

        // Another node saves straight into the shared store.
        store.replace(1, refundsTo("REFUNDS"), COMMUNITY, "eve", clock.instant());
        int reads = store.versionReads.get();
        for (int i = 0; i < 1000; i++) router.route(1, RuleRouterTest.item("refund"), RuleRouterTest.NEUTRAL_EN);
        assertThat(store.versionReads.get()).as("no read per item within the recheck time").isEqualTo(reads);
        assertThat(router.route(1, RuleRouterTest.item("refund"), RuleRouterTest.NEUTRAL_EN).route().project()).isEqualTo("BILLING");

        clock.advance(RoutingService.DEFAULT_RECHECK);
        assertThat(router.route(1, RuleRouterTest.item("refund"), RuleRouterTest.NEUTRAL_EN).route().project()).isEqualTo("REFUNDS");
    }

}
