package io.socialdesk.channel.rules;

/** How one network counts a text and where a text goes beyond its limit. Implementations are stateless and thread-safe. */
public interface TextMeasure {
    /** Measures {@code text} (never null; possibly malformed Unicode) under {@code options}; never throws for any string. */
    TextCheck check(String text, ValidationOptions options);
}
