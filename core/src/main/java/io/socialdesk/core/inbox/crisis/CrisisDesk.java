package io.socialdesk.core.inbox.crisis;

import io.socialdesk.core.tracker.TrackedItem;
import java.util.List;

/**
 * Port: where crises become work. Jira opens an issue at the highest priority in the account's project and links
 * the mentions' issues to it; the server does the same in its tracker. {@link CrisisWatch} calls {@link #open} once
 * per spike, {@link #grow} as it grows and {@link #calm} when it ended.
 */
public interface CrisisDesk {
    /** Opens the crisis ticket, highest priority, linked to these mentions (the spike's first ones); returns it. */
    TrackedItem open(Crisis crisis, List<Mention> mentions);

    /** Links more mentions to the open crisis ticket (possibly none, beyond the link limit) and updates its count. */
    void grow(TrackedItem ticket, Crisis crisis, List<Mention> mentions);

    /** The spike is over: says so on the ticket. People close it; a later spike opens a new one. */
    void calm(TrackedItem ticket, Crisis crisis);
}
