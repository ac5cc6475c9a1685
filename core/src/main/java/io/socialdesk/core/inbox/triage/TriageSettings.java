package io.socialdesk.core.inbox.triage;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TextTriager} reads.
 *
 * @param maxChars how much of a text is read for sentiment, urgency and spam (the language from its first 2,000
 *     characters): a bound on the time a hostile 1 MB text takes; posts are at most a few thousand characters
 * @param recentItems how many recent items the spam check remembers to see the same text again (0: none)
 * @param recentFor how long back "again" reaches, by the items' own times
 * @param networkLanguage whether the network's language tag breaks ties when the text alone cannot tell
 *     (see {@link LanguageDetector#detect(String, String)})
 */
public record TriageSettings(int maxChars, int recentItems, Duration recentFor, boolean networkLanguage) {
    public static final TriageSettings DEFAULTS = new TriageSettings(10_000, 20_000, Duration.ofHours(24), true);

    public TriageSettings {
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be 1 or more");
        if (recentItems < 0 || recentItems > 1_000_000) throw new IllegalArgumentException("recentItems must be within 0..1000000");
        Objects.requireNonNull(recentFor, "recentFor");
        if (recentFor.isNegative()) throw new IllegalArgumentException("recentFor must not be negative");
    }
}
