package io.socialdesk.core.inbox.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures docs/inbox.md quotes: false alarms on ordinary days, and how big a spike must be to alert. */
class CrisisFalseAlarmTest {
    final CrisisDetector detector = new CrisisDetector(CrisisSettings.DEFAULTS);

    @Test
    void lessThanOneFalseAlarmInAHundredOrdinaryDays() {
        int days = 365;
        StringBuilder report = new StringBuilder("Crisis detection, defaults, " + days + " simulated days with a daily rhythm:");
        int worst = 0;
        for (double mean : new double[] {0.5, 2, 4, 10, 30}) {
            CrisisDetectorTest.Run run = new CrisisDetectorTest().run(Baseline.EMPTY,
                    CrisisDetectorTest.poisson((long) (mean * 1000), days * CrisisDetectorTest.WINDOWS_A_DAY, CrisisDetectorTest.daily(mean)));
            int spikeFor = spikeSizeThatAlerts(run.baseline());
            report.append(String.format("%n  mean %.1f negatives / 15 min: %d false alarms; usual level learned %.1f, bound %d", mean,
                    run.started().size(), run.baseline().mean(), spikeFor));
            worst = Math.max(worst, run.started().size());
        }
        System.out.println(report);
        assertThat(worst).as(report.toString()).isLessThanOrEqualTo(days / 100);
    }

    private int spikeSizeThatAlerts(Baseline b) {
        return detector.bound(b);
    }

    @Test
    void theSpikeIsSeenWithinMinutes() {
        CrisisDetectorTest.Run usual = new CrisisDetectorTest().run(Baseline.EMPTY,
                CrisisDetectorTest.poisson(5, 3 * CrisisDetectorTest.WINDOWS_A_DAY, w -> 2));
        Instant start = CrisisDetectorTest.MONDAY.plus(Duration.ofDays(3)).plus(Duration.ofHours(11));
        Baseline b = usual.baseline();
        int n = 0;
        CrisisDetector.Step step;
        do {
            step = detector.observe(b, start.plus(Duration.ofSeconds(30L * n++)));
            b = step.baseline();
        } while (step.verdict() != CrisisDetector.Verdict.STARTED && n < 1000);
        System.out.println("Crisis detection: usual 2 negatives / 15 min, one a 30 s: alert at the " + n + "th, after " + (n - 1) * 30 / 60.0 + " min");
        assertThat(n).isLessThanOrEqualTo(List.of(20).get(0));
    }
}
