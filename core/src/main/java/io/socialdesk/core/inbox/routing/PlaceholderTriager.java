package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triager;

/**
 * A stand-in {@link Triager} for the rule tester until the real one (language detection, sentiment, urgency,
 * spam; issue 6's triage work) is wired: the language the network declared, else undetermined; neutral; normal
 * urgency; no spam. The hosts pass it to {@code RoutingResource}; replace it there.
 */
public final class PlaceholderTriager implements Triager {
    public static final PlaceholderTriager INSTANCE = new PlaceholderTriager();

    private PlaceholderTriager() {}

    @Override
    public Triage triage(Inbound item) {
        return new Triage(item.language(), 0, Triage.Urgency.NORMAL, 0);
    }
}
