package io.socialdesk.core.notification;

/**
 * Port: tells people about a {@link Notice}. Jira adds the reviewers as watchers and sends Jira's
 * own notification; the server keeps an in-app list per person (and e-mails when SMTP is set).
 * A notice that cannot be delivered never undoes the action that caused it.
 */
@FunctionalInterface
public interface Notifier {
    void send(Notice notice);

    Notifier NONE = notice -> {};
}
