package io.socialdesk.core.problem;

/** The caller is known but lacks the role or permission for this action. */
public final class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
