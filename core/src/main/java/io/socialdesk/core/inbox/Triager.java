package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Inbound;

/** Reads one imported item: language, sentiment, urgency, spam. */
@FunctionalInterface
public interface Triager {
    Triage triage(Inbound item);
}
