package io.socialdesk.core.inbox.crisis;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A spike of negative mentions on one account, as the crisis ticket shows it.
 *
 * @param accountId the account mentioned
 * @param since when the spike's first window began
 * @param negatives negative mentions counted since then
 * @param bound the count per window that made it a spike
 * @param usual the usual negatives per window before it
 * @param window the counting window
 */
public record Crisis(String accountId, Instant since, int negatives, int bound, double usual, Duration window) {
    public Crisis {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(window, "window");
    }

    /** The ticket's summary: "Crisis: 34 negative mentions since 10:00 UTC (usually 2.1 per 15 min)". */
    public String summary() {
        return String.format(Locale.ROOT, "Crisis on account %s: %d negative mentions since %s (usually %.1f per %d min)", accountId, negatives,
                since, usual, window.toMinutes());
    }
}
