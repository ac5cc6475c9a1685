package io.socialdesk.core.approval;

import java.util.Optional;

/**
 * The workflow's answer to "may this actor take this action now?": allowed (with the row that
 * applies) or refused, with the rule broken and a sentence a person understands.
 */
public record Verdict(boolean allowed, Optional<Transition> transition, Refusal refusal, String reason) {
    /** Why an action is refused. */
    public enum Refusal {
        NONE,
        /** The action does not exist from the post's current state (rule {@code transition-not-allowed}). */
        NOT_FROM_THIS_STATE,
        /** The actor lacks the role, or is the system where a person is needed, or vice versa. */
        NOT_PERMITTED,
        /** The actor would approve content they wrote. */
        SEPARATION_OF_DUTIES
    }

    static Verdict allow(Transition transition) {
        return new Verdict(true, Optional.of(transition), Refusal.NONE, "allowed");
    }

    static Verdict refuse(Refusal refusal, String reason) {
        return new Verdict(false, Optional.empty(), refusal, reason);
    }
}
