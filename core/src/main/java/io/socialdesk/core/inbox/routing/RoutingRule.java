package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.inbox.Route;
import java.util.Objects;

/**
 * One routing rule: when an item meets every condition of {@code when}, it takes {@code route}. A disabled rule
 * is kept in its place but never matches. {@code id} is stable (it is {@code Routed.ruleId}); {@code name} is
 * what people read (required when saved; see {@link RoutingValidation}).
 */
public record RoutingRule(String id, String name, boolean enabled, Conditions when, Route route) {
    public RoutingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(route, "route");
        name = name == null ? "" : name;
        when = when == null ? Conditions.NONE : when;
    }

    public RoutingRule withEnabled(boolean on) {
        return new RoutingRule(id, name, on, when, route);
    }

    public RoutingRule withName(String newName) {
        return new RoutingRule(id, newName, enabled, when, route);
    }

    public RoutingRule withWhen(Conditions conditions) {
        return new RoutingRule(id, name, enabled, conditions, route);
    }

    public RoutingRule withRoute(Route newRoute) {
        return new RoutingRule(id, name, enabled, when, newRoute);
    }
}
