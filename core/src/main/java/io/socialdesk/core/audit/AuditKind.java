package io.socialdesk.core.audit;

/** What an audit event records. */
public enum AuditKind {
    CREATED,
    EDITED,
    SUBMITTED,
    APPROVED,
    CHANGES_REQUESTED,
    REJECTED,
    COMMENTED,
    /** Departments flagged by hand as required; the detail lists them all after the change (e.g. {@code LEGAL,HR}). */
    FLAGGED,
    STATE_CHANGED,
    RESCHEDULED,
    SEND_ATTEMPT,
    SEND_RESULT
}
