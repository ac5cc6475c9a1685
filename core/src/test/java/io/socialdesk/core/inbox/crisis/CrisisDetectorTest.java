package io.socialdesk.core.inbox.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.inbox.crisis.CrisisDetector.Step;
import io.socialdesk.core.inbox.crisis.CrisisDetector.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisDetectorTest {
    static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int WINDOWS_A_DAY = 96;

    final CrisisDetector detector = new CrisisDetector(CrisisSettings.DEFAULTS);

    /** Negative mentions at the times a Poisson process with this rate per window (by window index) gives. */
    static List<Instant> poisson(long seed, int windows, DoubleUnaryOperator ratePerWindow) {
        Random random = new Random(seed);
        List<Instant> out = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            int n = poissonSample(random, ratePerWindow.applyAsDouble(w));
            List<Instant> inWindow = new ArrayList<>();
            for (int i = 0; i < n; i++) inWindow.add(MONDAY.plus(WINDOW.multipliedBy(w)).plusMillis((long) (random.nextDouble() * WINDOW.toMillis())));
            inWindow.sort(null);
            out.addAll(inWindow);
        }
        return out;
    }

    static int poissonSample(Random random, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Usual negatives per window through a day: a few at night, most around 14:00 (a sine, 0.2 … 1.8 × the mean). */
    static DoubleUnaryOperator daily(double mean) {
        return w -> mean * (1 - 0.8 * Math.cos(2 * Math.PI * ((w % WINDOWS_A_DAY) - 14 * 4 + 48) / WINDOWS_A_DAY));
    }

    record Run(Baseline baseline, List<Instant> started, int growing, int ended) {}

    Run run(Baseline from, List<Instant> negatives) {
        Baseline b = from;
        List<Instant> started = new ArrayList<>();
        int growing = 0, ended = 0;
        for (Instant at : negatives) {
            Step s = detector.observe(b, at);
            b = s.baseline();
            if (s.ended()) ended++;
            if (s.verdict() == Verdict.STARTED) started.add(at);
            if (s.verdict() == Verdict.GROWING) growing++;
        }
        return new Run(b, started, growing, ended);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aWeekOfOrdinaryDaysNeverAlerts(long seed) {
        // A busy account: 4 negatives a window on average (about 380 a day), up to 7 at the afternoon peak.
        Run week = run(Baseline.EMPTY, poisson(seed, 7 * WINDOWS_A_DAY, daily(4)));
        assertThat(week.started()).as("alerts on an ordinary week").isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aQuietAccountNeverAlertsEvenWithAFewNegativesAtOnce(long seed) {
        List<Instant> negatives = new ArrayList<>(poisson(seed, 3 * WINDOWS_A_DAY, daily(0.1)));
        Instant burst = MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
        for (int i = 0; i < 3; i++) negatives.add(burst.plusSeconds(60 * i));
        negatives.sort(null);
        assertThat(run(Baseline.EMPTY, negatives).started()).isEmpty();
    }

    @Test
    void aSpikeAlertsOnceThenGrowsThenEnds() {
        List<Instant> negatives = new ArrayList<>(poisson(42, 3 * WINDOWS_A_DAY, daily(2)));
        // Wednesday 10:00: 60 angry mentions within 20 minutes.
        Instant spike = MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
        negatives.removeIf(t -> !t.isBefore(spike.minus(WINDOW)) && t.isBefore(spike.plus(Duration.ofHours(3))));
        for (int i = 0; i < 60; i++) negatives.add(spike.plusSeconds(20 * i));
        negatives.sort(null);
        negatives.removeIf(t -> t.isAfter(spike.plus(Duration.ofHours(3)))); // then nothing for the rest of the test

        Run run = run(Baseline.EMPTY, negatives);
        assertThat(run.started()).as("one alert").hasSize(1);
        assertThat(run.started().get(0)).isBetween(spike, spike.plus(Duration.ofMinutes(10)));
        assertThat(run.growing()).as("the rest of the spike grows the same crisis").isGreaterThan(30);
        Step later = detector.advance(run.baseline(), spike.plus(Duration.ofHours(2)));
        assertThat(later.ended()).as("calm windows end the spike").isTrue();
        assertThat(later.baseline().inSpike()).isFalse();
        assertThat(later.baseline().mean()).as("the spike did not become the new normal").isLessThan(5);
    }

    @Test
    void aSecondSpikeAfterTheFirstEndedAlertsAgain() {
        List<Instant> negatives = new ArrayList<>(poisson(7, 2 * WINDOWS_A_DAY, w -> 1));
        Instant first = MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(9));
        Instant second = first.plus(Duration.ofHours(4));
        for (int i = 0; i < 30; i++) {
            negatives.add(first.plusSeconds(10 * i));
            negatives.add(second.plusSeconds(10 * i));
        }
        negatives.sort(null);
        List<Instant> started = run(Baseline.EMPTY, negatives).started();
        assertThat(started).hasSize(2);
        assertThat(started.get(0)).isBetween(first, first.plusSeconds(300));
        assertThat(started.get(1)).isBetween(second, second.plusSeconds(300));
    }

    @Test
    void aSlowRiseOverDaysBecomesTheUsualLevel() {
        // From 1 to 12 negatives a window over five days, daily rhythm on top: the brand got bigger, nothing broke.
        DoubleUnaryOperator trend = w -> (1 + 11.0 * w / (5 * WINDOWS_A_DAY)) * (1 - 0.5 * Math.cos(2 * Math.PI * (w % WINDOWS_A_DAY) / WINDOWS_A_DAY));
        for (long seed = 1; seed <= 5; seed++) {
            Run run = run(Baseline.EMPTY, poisson(seed, 5 * WINDOWS_A_DAY, trend));
            assertThat(run.started()).as("seed %d", seed).isEmpty();
            assertThat(run.baseline().mean()).isGreaterThan(4);
        }
    }

    @Test
    void theBoundFollowsTheUsualLevel() {
        Baseline quiet = new Baseline(0, 0, 0.2, 0.2, 100, -1, 0);
        Baseline busy = new Baseline(0, 0, 40, 40, 100, -1, 0);
        assertThat(detector.bound(quiet)).as("the minimum").isEqualTo(10);
        assertThat(detector.bound(busy)).as("twice the level").isEqualTo(80);
        Baseline middling = new Baseline(0, 0, 6, 6, 100, -1, 0);
        assertThat(detector.bound(middling)).as("Poisson(6) beyond z = 5").isBetween(20, 26);
    }

    @Test
    void noAlertWhileTheLevelIsStillUnknown() {
        List<Instant> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) burst.add(MONDAY.plusSeconds(i));
        assertThat(run(Baseline.EMPTY, burst).started()).as("first window of a new account").isEmpty();
    }

    @Test
    void theSameNegativesGiveTheSameVerdicts() {
        List<Instant> negatives = poisson(3, 2 * WINDOWS_A_DAY, daily(3));
        assertThat(run(Baseline.EMPTY, negatives)).isEqualTo(run(Baseline.EMPTY, negatives));
    }

    @Test
    void aLongSilenceDecaysTheLevelInOneStep() {
        Baseline busy = new Baseline(0, 5, 20, 20, 500, -1, 0);
        Step year = detector.advance(busy, Instant.ofEpochSecond(0).plus(Duration.ofDays(365)));
        assertThat(year.baseline().mean()).isLessThan(0.001);
        assertThat(year.baseline().windows()).isEqualTo(500 + 365 * WINDOWS_A_DAY);
    }

    @Test
    void poissonBoundAndNormalTail() {
        assertThat(CrisisDetector.normalTail(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(CrisisDetector.normalTail(4)).isCloseTo(3.167e-5, org.assertj.core.data.Offset.offset(1e-8));
        // P(Poisson(1) ≥ 6) ≈ 5.9e-4, P(≥ 7) ≈ 8.3e-5: the bound at p = 1e-4 is 7.
        assertThat(CrisisDetector.poissonUpper(1, 1e-4)).isEqualTo(7);
    }
}
