package io.socialdesk.core.inbox.answer;

/** Where a reply written from a ticket stands. */
public enum ReplyState {
    /** Waiting for the approval its ticket's route asks for; nothing is planned. */
    HELD,
    /** Refused by the approving department; never sent. */
    REJECTED,
    /** In the publishing engine's outbox: its delivery is planned, due or being sent. */
    QUEUED,
    /** On the network ({@code remote}). */
    SENT,
    /** The network refused it, or the engine gave up; it may be sent again. */
    FAILED,
    /** The network's answer was lost and checking did not tell: a person looks and confirms it or sends it again. */
    UNCONFIRMED,
    /** Withdrawn before it went (its recipient was forgotten, or the engine cancelled its delivery). */
    CANCELLED;

    public boolean settled() {
        return this != HELD && this != QUEUED;
    }
}
