package io.socialdesk.web.inbox;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triager;
import java.util.List;

/**
 * A fixed triage and route, for tests that exercise the inbox's import without the real triage and routing
 * rules (the hosts use {@code TextTriager} and {@code RoutingService.router()}).
 */
public final class InboxPlaceholders {
    private InboxPlaceholders() {}

    /** Neutral, not urgent, not spam, in the language the network gave (else undetermined). */
    public static final Triager TRIAGER = item -> new Triage(item.language(), 0, Triage.Urgency.NORMAL, 0);

    /** Everything to the community queue, by default. */
    public static final Router ROUTER = (accountId, item, triage) -> new Routed(Route.to("COMMUNITY"), null, List.of());
}
