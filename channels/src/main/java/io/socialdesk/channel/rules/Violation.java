package io.socialdesk.channel.rules;

import io.socialdesk.core.account.Network;
import java.util.Objects;

/**
 * A rule that a post breaks on one network: which network, which rule (a stable id scripts may
 * rely on), a sentence for a person, the field at fault ({@code text}, {@code variants.X},
 * {@code media[2]}, {@code thread[1]}, {@code firstComment}) and the UTF-16 range [start, end) of
 * the offending part of that field (0, 0 when the rule is about the whole field or about media).
 */
public record Violation(Network network, String rule, String message, String field, int start, int end) {
    public Violation {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
        if (start < 0 || end < start) throw new IllegalArgumentException("range [" + start + ", " + end + ") is not a range");
    }

    static Violation of(Network network, String field, Finding finding) {
        return new Violation(network, finding.rule(), finding.message(), field, finding.start(), finding.end());
    }
}
