package io.socialdesk.core.approval;

/**
 * Answers group membership for policies that draw approvers from a named group (Jira groups in
 * Jira; the server's groups on the server). Roles come with the {@link Actor}.
 */
@FunctionalInterface
public interface ApproverDirectory {
    boolean isMember(String userKey, String group);

    /** For hosts or tests without groups. */
    ApproverDirectory NO_GROUPS = (user, group) -> false;
}
