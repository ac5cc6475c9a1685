package io.socialdesk.confluence.jira;

/** Jira could not be asked, or would not answer. The message is for people and carries no secret. */
public final class JiraUnavailableException extends Exception {
    public JiraUnavailableException(String message) {
        super(message);
    }
}
