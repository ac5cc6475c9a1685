package io.socialdesk.core.problem;

/**
 * Someone else changed the thing first: the caller's copy is stale. Carries the current value so
 * the caller can show what changed instead of losing either version.
 */
public final class ConflictException extends RuntimeException {
    private final String field;
    private final String rule;
    private final transient Object current;

    public ConflictException(String field, String rule, String message, Object current) {
        super(message);
        this.field = field;
        this.rule = rule;
        this.current = current;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** The current value, for the answer to show; a host-neutral domain object. */
    public Object current() {
        return current;
    }
}
