package io.socialdesk.channel.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a network's measure says about one text: the limit that applied, the network's own
 * counts in a fixed order (for X {@code weightedLength}; for Bluesky {@code graphemes} and
 * {@code bytes}; elsewhere {@code length}) and the rules it breaks.
 */
public record TextCheck(int limit, Map<String, Integer> measures, List<Finding> findings) {
    public TextCheck {
        // An unmodifiable copy that keeps the order: the JSON answer lists the measures in it.
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        findings = List.copyOf(findings);
    }

    public boolean passes() {
        return findings.isEmpty();
    }
}
