package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.routing.Conditions;
import io.socialdesk.core.inbox.routing.RoutingDefaults;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingRules;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.store.inbox.AoRoutingRuleStore;
import io.socialdesk.store.inbox.RoutingRulesEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.java.ao.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The routing rules saved whole and versioned on the embedded HSQLDB and on PostgreSQL: round trip, stale saves, a race. */
class RoutingRuleStoreOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Route COMMUNITY = new Route("COMMUNITY", null, null, null, null, List.of("social"), null);

    private static AoRoutingRuleStore emptyStore(Database db) {
        db.ao().delete(db.ao().find(RoutingRulesEntity.class, Query.select()));
        return new AoRoutingRuleStore(db.ao());
    }

    private static List<RoutingRule> rules(String project) {
        return List.of(
                new RoutingRule("vip", "VIP <b>fr</b>\tinside", true, new Conditions(List.of(Network.BLUESKY, Network.X), List.of(3L),
                        List.of(Stream.MENTIONS, Stream.DIRECT_MESSAGES), List.of("ne marche pas", "remboursé"), List.of("order\\s*#\\d+"),
                        List.of("fr"), List.of(Triage.Sentiment.NEGATIVE), List.of(Triage.Urgency.HIGH), List.of("@bob"), 10_000L, null),
                        new Route(project, "Bug", "Get IT help", "Mobile", "Highest", List.of("social", "vip"), "sam")),
                new RoutingRule("off", "Switched off", false, Conditions.NONE.withKeywords("x"), Route.to("SALES")));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void nothingSavedMeansVersionZeroThenEachSaveIsTheNextVersionWithEveryFieldKept(Database db) {
        AoRoutingRuleStore store = emptyStore(db);
        assertThat(store.find()).isEmpty();
        assertThat(store.version()).isZero();

        RoutingRules first = store.replace(0, rules("SUPPORT"), COMMUNITY, "admin", AT);
        RoutingRules second = store.replace(1, rules("HELPDESK"), Route.to("FANS"), "eve", AT.plusSeconds(60));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.version()).isEqualTo(2);
        assertThat(store.find()).contains(new RoutingRules(2, rules("HELPDESK"), Route.to("FANS"), "eve", AT.plusSeconds(60)));
        RoutingRules shipped = RoutingDefaults.rules();
        RoutingRules third = store.replace(2, shipped.rules(), shipped.defaultRoute(), "admin", AT);
        assertThat(store.find().orElseThrow().rules()).isEqualTo(shipped.rules());
        assertThat(third.version()).isEqualTo(3);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aSaveOfAnOldVersionIsAConflictThatNamesWhoSavedAndChangesNothing(Database db) {
        AoRoutingRuleStore store = emptyStore(db);
        store.replace(0, rules("SUPPORT"), COMMUNITY, "admin", AT);

        assertThatThrownBy(() -> store.replace(0, rules("OTHER"), COMMUNITY, "eve", AT.plusSeconds(5)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.rule()).isEqualTo("stale-version");
                    assertThat(e.getMessage()).contains("now version 1, saved by admin at 2026-11-22T10:00:00Z; you edited version 0");
                });
        assertThat(store.find().orElseThrow().rules().get(0).route().project()).isEqualTo("SUPPORT");
        assertThat(db.ao().count(RoutingRulesEntity.class, Query.select())).isEqualTo(1);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void ofTwoAdminsSavingTheSameVersionAtOnceExactlyOneWinsAndTheOtherIsToldSo(Database db) throws Exception {
        AoRoutingRuleStore store = emptyStore(db);
        store.replace(0, rules("SUPPORT"), COMMUNITY, "admin", AT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 10; round++) {
                int expected = store.version();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> saves = new ArrayList<>();
                for (String who : List.of("alice-admin", "bob-admin")) {
                    Callable<String> save = () -> {
                        together.await();
                        try {
                            store.replace(expected, rules(who.toUpperCase().replace("-", "_")), COMMUNITY, who, AT);
                            return "saved";
                        } catch (ConflictException e) {
                            return "conflict";
                        }
                    };
                    saves.add(pool.submit(save));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : saves) outcomes.add(f.get(30, TimeUnit.SECONDS));
                assertThat(outcomes).as("round %s", round).containsExactlyInAnyOrder("saved", "conflict");
                RoutingRules now = store.find().orElseThrow();
                assertThat(now.version()).isEqualTo(expected + 1);
                assertThat(now.rules().get(0).route().project()).isEqualTo(now.savedBy().toUpperCase().replace("-", "_"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void onlyTheLastVersionsAreKept(Database db) {
        AoRoutingRuleStore store = emptyStore(db);
        for (int v = 0; v < 25; v++) store.replace(v, rules("SUPPORT"), COMMUNITY, "admin", AT);

        assertThat(store.version()).isEqualTo(25);
        assertThat(db.ao().find(RoutingRulesEntity.class, Query.select().order("RULES_VERSION ASC")))
                .extracting(RoutingRulesEntity::getRulesVersion).as("the last 20").containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(6, 25).boxed().toList());
    }
}
