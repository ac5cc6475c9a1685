package io.socialdesk.core.inbox.crisis;

import java.time.Instant;
import java.util.Objects;

/**
 * Finds spikes of negative mentions on one account, against its usual level. Pure and immutable: the state is the
 * {@link Baseline} value passed in and handed back, so hosts keep it where they like.
 *
 * <p>Negatives are counted per window ({@link CrisisSettings#window()}). When a window ends its count teaches the
 * usual level, an exponentially weighted moving average with its variance (empty windows count as zeros). A
 * window is a spike as soon as its count reaches the {@linkplain #bound(Baseline) bound}: at least
 * {@code minimum}, at least {@code ratio} times the usual level, and at least the count a Poisson variable at the
 * usual level (or at the variance, when the counts vary more) reaches with a probability below the normal tail
 * beyond {@code z}. The spike goes on, whatever the counts, until {@code calmWindows} windows in a row stay under
 * the bound; meanwhile its windows teach the level only up to the bound, so a crisis does not become the new
 * normal in an hour, while a slow rise over days still does.
 */
public final class CrisisDetector {
    /** What one negative mention (or the passing of time) meant. */
    public enum Verdict {
        /** Counted, and the window is within the usual level. */
        CALM,
        /** This negative made its window a spike: open the crisis. */
        STARTED,
        /** A negative during a spike: add it to the crisis. */
        GROWING
    }

    /** The next state, the verdict on this negative, and whether a spike ended before it. */
    public record Step(Baseline baseline, Verdict verdict, boolean ended) {}

    /** Beyond this many empty windows in a row, the level decays in one step instead of window by window. */
    private static final int MAX_WINDOW_STEPS = 2_000;

    private final CrisisSettings settings;
    private final long windowSeconds;
    private final double tail;

    public CrisisDetector(CrisisSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.windowSeconds = settings.window().toSeconds();
        this.tail = normalTail(settings.z());
    }

    public CrisisSettings settings() {
        return settings;
    }

    /** The window index of an instant. */
    public long bucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), windowSeconds);
    }

    /**
     * Counts one negative at {@code at}. A negative older than the current window is counted in it (imports arrive a
     * little late); the caller leaves out what is older still (see {@link CrisisWatch}).
     */
    public Step observe(Baseline baseline, Instant at) {
        Step advanced = advance(baseline, at);
        Baseline b = advanced.baseline();
        if (b.bucket() < 0) b = new Baseline(bucket(at), 0, 0, 0, 0, -1, 0);
        int count = b.count() + 1;
        Verdict verdict;
        if (b.inSpike()) {
            verdict = Verdict.GROWING;
        } else if (b.windows() >= settings.warmup() && count >= bound(b)) {
            verdict = Verdict.STARTED;
        } else {
            verdict = Verdict.CALM;
        }
        long spike = verdict == Verdict.STARTED ? b.bucket() : b.spike();
        int calm = verdict == Verdict.CALM ? b.calm() : 0;
        return new Step(new Baseline(b.bucket(), count, b.mean(), b.variance(), b.windows(), spike, calm), verdict, advanced.ended());
    }

    /**
     * Closes the windows that ended by {@code now}: their counts teach the level, and a spike whose last
     * {@code calmWindows} windows stayed under the bound ends ({@link Step#ended()}). The verdict is {@code CALM}.
     */
    public Step advance(Baseline b, Instant now) {
        long target = bucket(now);
        if (b.bucket() < 0 || target <= b.bucket()) return new Step(b, Verdict.CALM, false);
        double mean = b.mean();
        double variance = b.variance();
        long windows = b.windows();
        long spike = b.spike();
        int calm = b.calm();
        boolean ended = false;
        long gap = target - b.bucket();
        long steps = Math.min(gap, MAX_WINDOW_STEPS);
        for (long i = 0; i < steps; i++) {
            int x = i == 0 ? b.count() : 0;
            int bound = bound(mean, variance);
            double learned = x;
            if (spike >= 0) {
                learned = Math.min(x, bound);
                calm = x < bound ? calm + 1 : 0;
                if (calm >= settings.calmWindows()) {
                    spike = -1;
                    calm = 0;
                    ended = true;
                }
            }
            if (windows == 0) {
                mean = learned;
                variance = learned;
            } else {
                double d = learned - mean;
                mean += settings.alpha() * d;
                variance = (1 - settings.alpha()) * (variance + settings.alpha() * d * d);
            }
            windows++;
        }
        if (gap > steps) {
            // A long silence: the rest of the zeros at once.
            double keep = Math.pow(1 - settings.alpha(), gap - steps);
            mean *= keep;
            variance *= keep;
            windows += gap - steps;
            if (spike >= 0) {
                spike = -1;
                calm = 0;
                ended = true;
            }
        }
        return new Step(new Baseline(target, 0, mean, variance, windows, spike, calm), Verdict.CALM, ended);
    }

    /** The count that makes the current window a spike, from the level learned so far. */
    public int bound(Baseline b) {
        return bound(b.mean(), b.variance());
    }

    int bound(double mean, double variance) {
        int poisson = poissonUpper(mean, tail);
        // Counts that vary more than a Poisson count (the daily rhythm): z standard deviations of what was seen.
        int spread = (int) Math.ceil(mean + settings.z() * Math.sqrt(variance));
        int ratio = (int) Math.ceil(settings.ratio() * mean);
        return Math.max(Math.max(settings.minimum(), ratio), Math.max(poisson, spread));
    }

    /** The smallest k with P(X ≥ k) ≤ p for X ~ Poisson(λ); a normal approximation for large λ. */
    static int poissonUpper(double lambda, double p) {
        if (lambda <= 0) return 1;
        if (lambda > 500) return (int) Math.ceil(lambda + inverseTailOf(p) * Math.sqrt(lambda) + 0.5);
        double pmf = Math.exp(-lambda);
        double cdf = pmf;
        int k = 0;
        // P(X ≥ k+1) = 1 - cdf(k)
        while (1 - cdf > p && k < 100_000) {
            k++;
            pmf *= lambda / k;
            cdf += pmf;
        }
        return k + 1;
    }

    /** P(Z > z) for a standard normal Z (erfc, Numerical Recipes' Chebyshev fit, relative error under 1.2e-7). */
    static double normalTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return 0.5 * (x >= 0 ? erfc : 2 - erfc);
    }

    private static double inverseTailOf(double p) {
        double lo = 0, hi = 40;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (normalTail(mid) > p) lo = mid;
            else hi = mid;
        }
        return hi;
    }
}
