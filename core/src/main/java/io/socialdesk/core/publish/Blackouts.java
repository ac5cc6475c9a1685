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

    Blackouts NONE = (project, account, at) -> Optional.empty();
}
