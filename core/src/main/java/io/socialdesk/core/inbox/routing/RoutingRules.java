package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.inbox.Route;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The ordered routing rules and the default route, as saved together. {@code version} counts the saves (0: nothing
 * saved yet, so these are the shipped defaults); a save names the version it replaces, so of two admins saving at
 * once the second is told someone else saved first. {@code savedBy} and {@code savedAt} are null for the defaults.
 */
public record RoutingRules(int version, List<RoutingRule> rules, Route defaultRoute, String savedBy, Instant savedAt) {
    public RoutingRules {
        if (version < 0) throw new IllegalArgumentException("version must be 0 or more");
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultRoute, "defaultRoute");
    }

    /** True for the shipped defaults, before anyone saved rules. */
    public boolean shipped() {
        return version == 0;
    }

    /** A router over these rules, their patterns compiled once. */
    public RuleRouter router() {
        return new RuleRouter(this);
    }
}
