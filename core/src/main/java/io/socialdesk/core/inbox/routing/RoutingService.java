package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triager;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The routing rules as people use them: admins change them, admins and marketing leads read and test them, and
 * the import pipeline routes every item with {@link #router()}.
 */
public final class RoutingService {
    /** How long a router trusts the rules it read before it asks the store for the version again. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);
    /** Why someone who is not an admin may not change the rules. */
    public static final String ADMINS_ONLY = "Only an administrator may change the routing rules.";
    /** Why someone who is neither an admin nor a marketing lead may not see them. */
    public static final String READERS_ONLY = "Only admins and marketing leads may see the routing rules.";

    private final RoutingRuleStore store;
    private final Clock clock;
    private final long recheckMillis;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(int version, RuleRouter router, long checkedAt) {}

    public RoutingService(RoutingRuleStore store, Clock clock) {
        this(store, clock, DEFAULT_RECHECK);
    }

    /** {@code recheck}: how stale the pipeline's router may be after another node saved (this node's saves apply at once). */
    public RoutingService(RoutingRuleStore store, Clock clock, Duration recheck) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheckMillis = recheck.toMillis();
    }

    /** Admins change the rules. */
    public static boolean mayEdit(User user) {
        return user.has(Role.ADMIN);
    }

    /** Admins and marketing leads read and test them. */
    public static boolean mayRead(User user) {
        return user.has(Role.ADMIN) || user.has(Role.MARKETING_LEAD);
    }

    /** The saved rules, or the shipped defaults (version 0) when nobody saved any. */
    public RoutingRules current() {
        return store.find().orElseGet(RoutingDefaults::rules);
    }

    /** The rules, for someone who may read them. */
    public RoutingRules rules(User viewer) {
        requireReader(viewer);
        return current();
    }

    /**
     * Replaces every rule and the default route, as version {@code expectedVersion + 1}: {@link NotAllowedException}
     * unless an admin, {@link InvalidInputException} naming every bad field, {@link io.socialdesk.core.problem.ConflictException}
     * when someone saved since {@code expectedVersion}.
     */
    public RoutingRules save(User editor, int expectedVersion, List<RoutingRule> rules, Route defaultRoute) {
        if (!mayEdit(editor)) throw new NotAllowedException(ADMINS_ONLY);
        List<FieldProblem> problems = RoutingValidation.problems(rules, defaultRoute);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        if (expectedVersion < 0) throw new InvalidInputException("version", "required", "Send the version of the rules you edited (0 before the first save)");
        RoutingRules saved = store.replace(expectedVersion, rules, defaultRoute, editor.key(), clock.instant());
        cache.set(new Cached(saved.version(), saved.router(), clock.millis()));
        return saved;
    }

    /** What the tester shows: the route taken, the triage it was decided on, and whether triage was given or worked out. */
    public record Tested(Routed routed, RoutingRule rule, Triage triage, boolean triageGiven, int version) {}

    /**
     * Routes one made-up item with the saved rules, for the rule tester. {@code triage}: as given, or null to ask
     * {@code triager}.
     */
    public Tested test(User viewer, long accountId, Inbound item, Triage triage, Triager triager) {
        requireReader(viewer);
        Triage used = triage != null ? triage : triager.triage(item);
        RuleRouter router = currentRouter();
        Routed routed = router.route(accountId, item, used);
        RoutingRule rule = routed.ruleId() == null ? null
                : router.rules().rules().stream().filter(r -> r.id().equals(routed.ruleId())).findFirst().orElse(null);
        return new Tested(routed, rule, used, triage != null, router.rules().version());
    }

    /**
     * The router the import pipeline calls for every item: the current rules, compiled once per version. It asks the
     * store for the version at most once per {@code recheck} (a single small read) and recompiles only when it
     * changed, so a save on another node applies within that time and one on this node at once.
     */
    public Router router() {
        return (accountId, item, triage) -> currentRouter().route(accountId, item, triage);
    }

    RuleRouter currentRouter() {
        Cached c = cache.get();
        long now = clock.millis();
        if (c != null && now - c.checkedAt() < recheckMillis) return c.router();
        int stored = store.version();
        if (c != null && c.version() == stored) {
            cache.compareAndSet(c, new Cached(c.version(), c.router(), now));
            return c.router();
        }
        RoutingRules rules = current();
        Cached next = new Cached(rules.version(), rules.router(), now);
        cache.set(next);
        return next.router();
    }

    private static void requireReader(User viewer) {
        if (!mayRead(viewer)) throw new NotAllowedException(READERS_ONLY);
    }
}
