package io.socialdesk.core.approval;

import java.util.Locale;

/** What someone (or the publishing engine) does to a post. {@link PostWorkflow} says from which states, and who may. */
public enum Action {
    SUBMIT("submit for review"),
    WITHDRAW("withdraw from review"),
    EDIT("edit the content"),
    APPROVE("approve"),
    REQUEST_CHANGES("request changes"),
    REJECT("reject"),
    SCHEDULE("schedule"),
    UNSCHEDULE("unschedule"),
    RESCHEDULE("reschedule (time only)"),
    CANCEL("cancel"),
    START_PUBLISHING("start publishing"),
    MARK_PUBLISHED("mark published"),
    MARK_PARTIAL("mark partially published"),
    MARK_FAILED("mark failed"),
    MARK_UNCONFIRMED("mark unconfirmed"),
    MARK_MISSED("mark missed"),
    RETRY("retry publishing"),
    MARK_AS_PUBLISHED("confirm as published"),
    RESUME_PUBLISHING("resume publishing");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    /** Words for people, e.g. "request changes". */
    public String label() {
        return label;
    }

    /** The form used in URLs and scripts, e.g. {@code request-changes}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Action parse(String text) {
        return Action.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
