package io.socialdesk.core.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ticket texts' numbers are written without String.format (for speed) and must read exactly as it wrote them. */
class ConversationTextFormatsTest {
    @Test
    void followerCountsAreGroupedAsTheFormatterGroupsThem() {
        Random random = new Random(7);
        long[] edges = {0, 1, 12, 999, 1000, 12345, 999_999, 1_000_000, -1, -1000, -987_654_321, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : edges) assertEquals(String.format(Locale.ENGLISH, "%,d", n), ConversationText.grouped(n), "followers " + n);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong() >> random.nextInt(63);
            assertEquals(String.format(Locale.ENGLISH, "%,d", n), ConversationText.grouped(n), "followers " + n);
        }
    }

    @Test
    void scoresHaveTwoDecimalsRoundedAsTheFormatterRoundsThem() {
        Random random = new Random(11);
        double[] edges = {0.0, -0.0, 0.005, -0.005, 0.015, 0.125, -0.125, 1.0, -1.0, 0.994999, 0.995, -0.004, 2.675, 1e-9, -1e-9, 123.456};
        for (double v : edges) assertEquals(String.format(Locale.ROOT, "%.2f", v), ConversationText.twoDecimals(v), "score " + v);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextDouble() * 2 - 1) * (i % 3 == 0 ? 1 : 100);
            if (i % 5 == 0) v = Math.round(v * 1000) / 1000.0; // on a rounding boundary half the time
            assertEquals(String.format(Locale.ROOT, "%.2f", v), ConversationText.twoDecimals(v), "score " + v);
        }
    }
}
