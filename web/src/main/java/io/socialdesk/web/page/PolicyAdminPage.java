package io.socialdesk.web.page;

import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.ContentRule;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.user.Role;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy admin page: a project's approval policy as a form (ordering, whether a time-only
 * reschedule keeps approvals, who approves for each department and how many, the content rules
 * that call in Legal or HR). {@code policy-admin.js} sends it to {@code PUT /policies/{project}}
 * and shows each problem next to its field. Admins only; the host checks before rendering.
 */
public final class PolicyAdminPage {
    public static final String TEMPLATE = "templates/socialdesk/policy-admin.vm";

    private PolicyAdminPage() {}

    public static Map<String, Object> context(ApprovalPolicy policy, String restBase) {
        Map<String, Object> context = new HashMap<>();
        context.put("policy", new Form(policy));
        context.put("restBase", restBase);
        context.put("roles", choices(Role.values(), "socialdesk.role."));
        context.put("departmentNames", choices(Department.values(), "socialdesk.department."));
        context.put("quorumKinds", choices(ApproverQuorum.Kind.values(), "socialdesk.policy.quorum."));
        context.put("ruleKinds", choices(ContentRule.Kind.values(), "socialdesk.policy.kind."));
        return context;
    }

    private static List<ReviewPanel.Choice> choices(Enum<?>[] values, String keyPrefix) {
        return Arrays.stream(values).map(v -> new ReviewPanel.Choice(v.name(), keyPrefix + v.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** The policy's fields as the form shows them. */
    public static final class Form {
        private final ApprovalPolicy policy;

        Form(ApprovalPolicy policy) {
            this.policy = policy;
        }

        public String getProjectKey() { return policy.projectKey(); }
        public boolean getInOrder() { return policy.ordering() == ApprovalPolicy.Ordering.IN_ORDER; }
        public boolean getKeepApprovalsOnReschedule() { return policy.keepApprovalsOnReschedule(); }
        public List<DepartmentRow> getDepartments() { return policy.departments().stream().map(DepartmentRow::new).toList(); }
        public List<RuleRow> getRules() { return policy.rules().rules().stream().map(RuleRow::new).toList(); }
    }

    /** Who approves for one department. */
    public static final class DepartmentRow {
        private final DepartmentRule rule;

        DepartmentRow(DepartmentRule rule) {
            this.rule = rule;
        }

        public String getDepartment() { return rule.department().name(); }
        public String getLabelKey() { return "socialdesk.department." + rule.department().name().toLowerCase(Locale.ROOT); }
        public String getRole() { return rule.role().name(); }
        public String getGroup() { return rule.group().orElse(""); }
        public String getQuorum() { return rule.quorum().kind().name(); }
        public int getN() { return rule.quorum().n(); }
        public String getNamed() { return String.join(", ", rule.quorum().named().stream().sorted().toList()); }
    }

    /** One content rule; its patterns one per line. */
    public static final class RuleRow {
        private final ContentRule rule;

        RuleRow(ContentRule rule) {
            this.rule = rule;
        }

        public String getId() { return rule.id(); }
        public String getDepartment() { return rule.department().name(); }
        public String getKind() { return rule.kind().name(); }
        public String getPatterns() { return String.join("\n", rule.patterns()); }
        public String getDescription() { return rule.description() == null ? "" : rule.description(); }
    }
}
