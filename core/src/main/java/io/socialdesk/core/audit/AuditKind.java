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
    SEND_RESULT,
    /** An account was connected or reconnected; the event is not about a post (post id 0), its detail names the account. */
    ACCOUNT_CONNECTED,
    /** An account was removed, with its credentials; post id 0, as for {@link #ACCOUNT_CONNECTED}. */
    ACCOUNT_REMOVED,
    /** A person put a failed or missed delivery back in the publishing queue; the detail names them and the account. */
    DELIVERY_RETRIED,
    /** A person sent an unconfirmed delivery again. */
    DELIVERY_RESENT,
    /** A person saw an unconfirmed delivery on the network and marked it as published. */
    DELIVERY_CONFIRMED,
    /** A person cancelled a delivery that was due, waiting or retrying. */
    DELIVERY_CANCELLED,
    /** An administrator forgot a person of the social inbox (GDPR); post id 0, the detail counts what was anonymised, never the text. */
    PERSON_FORGOTTEN
}
