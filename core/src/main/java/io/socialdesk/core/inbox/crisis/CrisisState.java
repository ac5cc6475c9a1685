package io.socialdesk.core.inbox.crisis;

import io.socialdesk.core.tracker.TrackedItem;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CrisisWatch} keeps per account: the detector's {@link Baseline}, the open crisis ticket (null when
 * none), how many negatives and links the spike has, and the current window's negatives not yet on a ticket
 * (so the ticket of a spike links the mentions that made it; at most {@link CrisisSettings#maxLinks()}).
 */
public record CrisisState(Baseline baseline, TrackedItem ticket, int negatives, int linked, List<Mention> pending) {
    public static final CrisisState NEW = new CrisisState(Baseline.EMPTY, null, 0, 0, List.of());

    public CrisisState {
        Objects.requireNonNull(baseline, "baseline");
        pending = List.copyOf(pending);
    }
}
