package io.socialdesk.core.problem;

import java.util.List;

/** Input that breaks a rule. Hosts turn it into a 400 answer that names the field and the rule. */
public final class InvalidInputException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
        if (problems.isEmpty()) throw new IllegalArgumentException("an invalid input names at least one problem");
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new FieldProblem(field, rule, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first problem; the one an answer with a single {@code field} reports. */
    public FieldProblem first() {
        return problems.get(0);
    }
}
