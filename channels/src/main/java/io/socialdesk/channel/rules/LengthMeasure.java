package io.socialdesk.channel.rules;

import java.util.List;
import java.util.Map;

/**
 * A plain character limit, counted in UTF-16 code units (Java's and JavaScript's
 * {@code length}). LinkedIn, Facebook and Instagram do not publish how they count; UTF-16 never
 * counts fewer than code points or graphemes do, so a text we accept is not refused for length.
 */
public final class LengthMeasure implements TextMeasure {
    private final int limit;
    private final String networkName;

    public LengthMeasure(String networkName, int limit) {
        this.networkName = networkName;
        this.limit = limit;
    }

    @Override
    public TextCheck check(String text, ValidationOptions options) {
        int length = text.length();
        List<Finding> findings = List.of();
        if (length > limit) {
            // Never start the range inside a surrogate pair.
            int start = limit > 0 && Character.isHighSurrogate(text.charAt(limit - 1)) && Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
            findings = List.of(new Finding("max-length", networkName + " allows " + limit + " characters; this text has " + length, start, length));
        }
        return new TextCheck(limit, Map.of("length", length), findings);
    }
}
