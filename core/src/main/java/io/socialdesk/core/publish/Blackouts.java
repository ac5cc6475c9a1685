package io.socialdesk.core.publish;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: periods in which a project's posts must not go out (a blackout, an embargo). The publishing engine
 * asks before each first part; the editorial calendar keeps the periods.
 */
@FunctionalInterface
public interface Blackouts {
    /** Why nothing may be published for {@code projectKey} on {@code accountId} at {@code at}, or empty when it may. */
    Optional<String> blocking(String projectKey, long accountId, Instant at);

    /**
     * The same answers for moments in {@code [from, to)} from periods read once (a round of deliveries asks
     * this once, not the store per delivery); moments outside it are asked as {@link #blocking} asks. By
     * default nothing is read ahead.
     */
    default Blackouts during(Instant from, Instant to) {
        return this;
    }

    Blackouts NONE = (project, account, at) -> Optional.empty();
}
