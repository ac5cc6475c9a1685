package io.socialdesk.channel.rules;

import io.socialdesk.core.account.Network;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a post can go to one network: valid when nothing is violated; the text limit and the
 * network's own measures of the main text (for X {@code weightedLength}, for Bluesky
 * {@code graphemes} and {@code bytes}, elsewhere {@code length}); every violation; and the date
 * from which the rules applied were in force.
 */
public record Verdict(Network network, boolean valid, int limit, Map<String, Integer> measures, List<Violation> violations, LocalDate rulesFrom) {
    public Verdict {
        Objects.requireNonNull(network, "network");
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        violations = List.copyOf(violations);
        if (valid != violations.isEmpty()) throw new IllegalArgumentException("a verdict is valid exactly when it has no violation");
    }

    static Verdict of(Network network, int limit, Map<String, Integer> measures, List<Violation> violations, LocalDate rulesFrom) {
        return new Verdict(network, violations.isEmpty(), limit, measures, violations, rulesFrom);
    }
}
