package io.socialdesk.core.approval;

import java.util.Objects;
import java.util.Set;

/**
 * How many approvals a department needs: any one eligible approver, every person of a named set,
 * or at least N distinct eligible approvers.
 */
public record ApproverQuorum(Kind kind, int n, Set<String> named) {
    public enum Kind { ANY_ONE, ALL, AT_LEAST }

    public static final ApproverQuorum ANY_ONE = new ApproverQuorum(Kind.ANY_ONE, 1, Set.of());

    public ApproverQuorum {
        Objects.requireNonNull(kind, "kind");
        named = Set.copyOf(named);
        if (kind == Kind.AT_LEAST && n < 1) throw new IllegalArgumentException("a quorum of N needs N >= 1");
        if (kind == Kind.ALL && named.isEmpty()) throw new IllegalArgumentException("a quorum of all names its approvers");
        if (kind == Kind.ANY_ONE) n = 1;
        if (kind == Kind.ALL) n = named.size();
    }

    public static ApproverQuorum all(Set<String> userKeys) {
        return new ApproverQuorum(Kind.ALL, userKeys.size(), userKeys);
    }

    public static ApproverQuorum atLeast(int n) {
        return new ApproverQuorum(Kind.AT_LEAST, n, Set.of());
    }

    /** Whether these distinct approvers (authors already removed) reach the quorum. */
    public boolean reachedBy(Set<String> approvers) {
        return switch (kind) {
            case ANY_ONE -> !approvers.isEmpty();
            case ALL -> approvers.containsAll(named);
            case AT_LEAST -> approvers.size() >= n;
        };
    }

    public String describe() {
        return switch (kind) {
            case ANY_ONE -> "any one approver";
            case ALL -> "all of " + String.join(", ", named.stream().sorted().toList());
            case AT_LEAST -> "at least " + n + " approvers";
        };
    }
}
