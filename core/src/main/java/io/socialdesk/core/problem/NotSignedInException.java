package io.socialdesk.core.problem;

/** The request carries no valid session or token (a 401 at the edge). */
public final class NotSignedInException extends RuntimeException {
    public NotSignedInException() {
        this("Sign in, or send an API token as 'Authorization: Bearer <token>'");
    }

    /** For a specific reason, such as a session that has ended. */
    public NotSignedInException(String message) {
        super(message);
    }
}
