package io.socialdesk.core.inbox;

import java.util.Objects;

/**
 * What triage found in one imported item: its language (ISO 639-1, "und" when unsure), its
 * sentiment (-1 very negative … +1 very positive), how urgent it reads and how likely it is spam (0 … 1).
 */
public record Triage(String language, double sentiment, Urgency urgency, double spam) {
    /** Undetermined language, as BCP 47 writes it. */
    public static final String UNDETERMINED = "und";
    /** VADER's usual cut: a compound score within ±0.05 is neutral. */
    public static final double NEUTRAL_BAND = 0.05;

    public Triage {
        language = language == null || language.isBlank() ? UNDETERMINED : language;
        Objects.requireNonNull(urgency, "urgency");
        if (!(sentiment >= -1 && sentiment <= 1)) throw new IllegalArgumentException("sentiment must be within -1..1");
        if (!(spam >= 0 && spam <= 1)) throw new IllegalArgumentException("spam must be within 0..1");
    }

    public Sentiment mood() {
        if (sentiment <= -NEUTRAL_BAND) return Sentiment.NEGATIVE;
        if (sentiment >= NEUTRAL_BAND) return Sentiment.POSITIVE;
        return Sentiment.NEUTRAL;
    }

    public enum Sentiment { NEGATIVE, NEUTRAL, POSITIVE }

    public enum Urgency { LOW, NORMAL, HIGH }
}
