package io.socialdesk.core.approval;

import io.socialdesk.core.post.PostState;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the workflow: from a state, an action leads to a state, and who may take it. A
 * conditional row names the condition and the state it leads to when the condition does not hold
 * (e.g. an approval leads to Approved only when every required department has approved).
 */
public record Transition(PostState from, Action action, PostState to, Optional<PostState> otherwise, String condition,
        Set<Who> who, boolean reasonRequired) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(otherwise, "otherwise");
        Objects.requireNonNull(condition, "condition");
        if (otherwise.isPresent() == condition.isEmpty()) throw new IllegalArgumentException("a conditional transition names its condition");
        who = Set.copyOf(EnumSet.copyOf(who));
    }

    /** The state the post ends in, given whether the row's condition holds (ignored for unconditional rows). */
    public PostState target(boolean conditionHolds) {
        return conditionHolds || otherwise.isEmpty() ? to : otherwise.get();
    }

    public boolean conditional() {
        return otherwise.isPresent();
    }
}
