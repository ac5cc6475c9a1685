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
    STATE_CHANGED,
    RESCHEDULED,
    SEND_ATTEMPT,
    SEND_RESULT
}
