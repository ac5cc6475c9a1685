package io.socialdesk.web.inbox;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triager;
import java.util.List;

/**
 * Stand-ins for triage and routing until their real implementations (packages {@code core.inbox.triage} and
 * {@code core.inbox.routing}) are wired: each host takes them in one place (the server's {@code SocialDeskApp},
 * Jira's {@code JiraInbox}), marked "TRIAGE AND ROUTING", where the real ones replace them.
 */
public final class InboxPlaceholders {
    private InboxPlaceholders() {}

    /** Neutral, not urgent, not spam, in the language the network gave (else undetermined). */
    public static final Triager TRIAGER = item -> new Triage(item.language(), 0, Triage.Urgency.NORMAL, 0);

    /** Everything to the community queue, by default. */
    public static final Router ROUTER = (accountId, item, triage) -> new Routed(Route.to("COMMUNITY"), null, List.of());
}
