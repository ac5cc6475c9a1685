package io.socialdesk.core.problem;

import java.util.Objects;

/**
 * One thing wrong with one field of a request: which field, which rule it breaks, and a sentence
 * a person can act on. {@code rule} is a stable identifier that scripts may rely on.
 */
public record FieldProblem(String field, String rule, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
