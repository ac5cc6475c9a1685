package io.socialdesk.core.inbox.crisis;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How crisis detection reads an account's negative mentions.
 *
 * @param window the length of a counting window (15 minutes): negatives are counted per account per window
 * @param alpha how fast the usual level follows the counts (EWMA weight of the window that just ended, 0 … 1)
 * @param z how unusual a count must be, as a normal deviate: the bound is the count a Poisson variable with the
 *     usual level (or the observed variance when larger) reaches with a probability under the normal tail beyond z
 * @param minimum the fewest negatives in a window that can be a crisis, whatever the usual level (so three
 *     negatives on a quiet account are not one)
 * @param ratio and at least this many times the usual level
 * @param warmup windows learned before an account can alert (the level of a new account is not known yet)
 * @param calmWindows windows under the bound, in a row, that end a spike
 * @param maxLinks the most mentions linked to one crisis ticket (beyond, the ticket's count still grows)
 * @param alert the user keys told when a crisis opens
 */
public record CrisisSettings(Duration window, double alpha, double z, int minimum, double ratio, int warmup, int calmWindows, int maxLinks,
        Set<String> alert) {
    public static final CrisisSettings DEFAULTS = new CrisisSettings(Duration.ofMinutes(15), 0.1, 5.0, 10, 2.0, 8, 2, 200, Set.of());

    public CrisisSettings {
        Objects.requireNonNull(window, "window");
        if (window.toSeconds() < 60 || window.toSeconds() > 86_400) throw new IllegalArgumentException("window must be within 1 minute..1 day");
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be within 0 (excluded)..1");
        if (!(z >= 1 && z <= 10)) throw new IllegalArgumentException("z must be within 1..10");
        if (minimum < 1) throw new IllegalArgumentException("minimum must be 1 or more");
        if (!(ratio >= 1 && ratio <= 100)) throw new IllegalArgumentException("ratio must be within 1..100");
        if (warmup < 0) throw new IllegalArgumentException("warmup must not be negative");
        if (calmWindows < 1) throw new IllegalArgumentException("calmWindows must be 1 or more");
        if (maxLinks < 1 || maxLinks > 10_000) throw new IllegalArgumentException("maxLinks must be within 1..10000");
        alert = Set.copyOf(Objects.requireNonNull(alert, "alert"));
    }

    public CrisisSettings withAlert(Set<String> userKeys) {
        return new CrisisSettings(window, alpha, z, minimum, ratio, warmup, calmWindows, maxLinks, userKeys);
    }

    public CrisisSettings withBound(double z, int minimum, double ratio) {
        return new CrisisSettings(window, alpha, z, minimum, ratio, warmup, calmWindows, maxLinks, alert);
    }
}
