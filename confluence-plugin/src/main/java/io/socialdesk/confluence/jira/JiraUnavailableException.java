package io.socialdesk.confluence.jira;

/**
 * Jira could not be asked, would not answer, or refused. {@link #reason()} says which, for the headline the page shows;
 * the message is for people and carries no secret.
 */
public final class JiraUnavailableException extends Exception {
    /** Why the calendar cannot be shown. */
    public enum Reason {
        /** No address set, no answer, or an answer that is not the calendar. */
        UNREACHABLE,
        /** Jira refused the token, or its user may not see the calendar (401, 403). */
        NOT_ALLOWED,
        /** Jira refused the macro's parameters (400: a bad filter, an unknown project key). */
        BAD_PARAMETERS
    }

    private final Reason reason;

    public JiraUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The i18n key of the headline. */
    public String headlineKey() {
        return switch (reason) {
            case UNREACHABLE -> "socialdesk.confluence.macro.calendar.unreachable";
            case NOT_ALLOWED -> "socialdesk.confluence.macro.calendar.notAllowed";
            case BAD_PARAMETERS -> "socialdesk.confluence.macro.calendar.badParameters";
        };
    }
}
