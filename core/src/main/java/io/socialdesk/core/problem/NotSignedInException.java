package io.socialdesk.core.problem;

/** The request carries no valid session or token. */
public final class NotSignedInException extends RuntimeException {
    public NotSignedInException() {
        super("Sign in to continue");
    }
}
