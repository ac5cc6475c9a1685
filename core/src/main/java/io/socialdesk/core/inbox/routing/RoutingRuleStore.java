package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.inbox.Route;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the ordered routing rules and the default route, saved whole, one version after another. */
public interface RoutingRuleStore {
    /** The rules saved last, or empty when nobody saved any (then the shipped defaults apply). */
    Optional<RoutingRules> find();

    /** The version saved last, 0 when none: a cheap read, to tell whether a cached router is still current. */
    int version();

    /**
     * Saves {@code rules} and {@code defaultRoute} as version {@code expectedVersion + 1}, all or nothing, if
     * {@code expectedVersion} is still the latest (0: nothing saved yet). Otherwise, including when another save
     * of the same version wins at the same moment, throws {@link io.socialdesk.core.problem.ConflictException}
     * (field {@code version}, rule {@code stale-version}) saying who saved first.
     */
    RoutingRules replace(int expectedVersion, List<RoutingRule> rules, Route defaultRoute, String savedBy, Instant at);

    /** The conflict a store reports when {@code expectedVersion} is no longer the latest. */
    static io.socialdesk.core.problem.ConflictException stale(int expectedVersion, Optional<RoutingRules> current) {
        String now = current.map(c -> "version " + c.version() + (c.savedBy() == null ? "" : ", saved by " + c.savedBy())
                + (c.savedAt() == null ? "" : " at " + c.savedAt())).orElse("version 0");
        return new io.socialdesk.core.problem.ConflictException("version", "stale-version",
                "Someone else saved the routing rules first (now " + now + "; you edited version " + expectedVersion
                        + "). Reload the page to see their rules, then make your change again.", null);
    }
}
