package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Inbound;

/** Picks the route of one triaged item, by the ordered routing rules, else the default route. */
@FunctionalInterface
public interface Router {
    Routed route(long accountId, Inbound item, Triage triage);
}
