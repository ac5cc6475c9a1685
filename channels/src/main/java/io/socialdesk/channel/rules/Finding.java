package io.socialdesk.channel.rules;

import java.util.Objects;

/**
 * One rule a text breaks, before it is tied to a network and a field: the rule's stable id, a
 * sentence for a person, and the UTF-16 range [start, end) of the offending part.
 */
public record Finding(String rule, String message, int start, int end) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) throw new IllegalArgumentException("range [" + start + ", " + end + ") is not a range");
    }
}
