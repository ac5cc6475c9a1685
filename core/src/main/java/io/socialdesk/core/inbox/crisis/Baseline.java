package io.socialdesk.core.inbox.crisis;

/**
 * One account's crisis-detection state: a small value hosts can store as it is (seven numbers).
 *
 * @param bucket the current window's index (epoch seconds / window length); -1 before the first negative
 * @param count negatives counted in the current window so far
 * @param mean the usual negatives per window (an EWMA over the windows that ended)
 * @param variance their EWMA variance (the daily rhythm makes counts vary more than a Poisson count)
 * @param windows how many windows the level has learned from
 * @param spike the window index where the ongoing spike started, -1 when there is none
 * @param calm windows in a row under the bound since the spike's last busy one
 */
public record Baseline(long bucket, int count, double mean, double variance, long windows, long spike, int calm) {
    public static final Baseline EMPTY = new Baseline(-1, 0, 0, 0, 0, -1, 0);

    public Baseline {
        if (count < 0) throw new IllegalArgumentException("count must not be negative");
        if (!(mean >= 0) || !(variance >= 0)) throw new IllegalArgumentException("mean and variance must be 0 or more");
        if (windows < 0 || calm < 0) throw new IllegalArgumentException("windows and calm must not be negative");
    }

    public boolean inSpike() {
        return spike >= 0;
    }
}
