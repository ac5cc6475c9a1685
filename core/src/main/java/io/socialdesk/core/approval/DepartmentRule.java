package io.socialdesk.core.approval;

import io.socialdesk.core.user.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who approves for one department and how many must: approvers are the holders of {@code role},
 * or, when {@code group} is set, the members of that group (a Jira group, or a server group).
 */
public record DepartmentRule(Department department, Role role, Optional<String> group, ApproverQuorum quorum) {
    public DepartmentRule {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(role, "role");
        group = group == null ? Optional.empty() : group.filter(g -> !g.isBlank());
        Objects.requireNonNull(quorum, "quorum");
    }

    /** The department's default role, any one approver. */
    public static DepartmentRule anyOne(Department department) {
        return new DepartmentRule(department, department.defaultRole(), Optional.empty(), ApproverQuorum.ANY_ONE);
    }

    public String describePool() {
        return group.map(g -> "members of group " + g).orElse("holders of role " + role.slug());
    }
}
