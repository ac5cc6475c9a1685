package io.socialdesk.core.inbox;

import java.util.List;
import java.util.Objects;

/** The route an item took: the rule that matched ({@code null} for the default route) and why, in words. */
public record Routed(Route route, String ruleId, List<String> why) {
    public Routed {
        Objects.requireNonNull(route, "route");
        why = why == null ? List.of() : List.copyOf(why);
    }

    public boolean byDefault() {
        return ruleId == null;
    }
}
