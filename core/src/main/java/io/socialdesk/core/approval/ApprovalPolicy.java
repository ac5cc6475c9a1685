package io.socialdesk.core.approval;

import io.socialdesk.core.post.PostContent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A project's approval policy: who approves for each department and how many must
 * ({@code departments}, in review order), whether departments review in parallel or in that order,
 * whether a time-only reschedule keeps approvals, and the content rules that make Legal or HR
 * necessary. Marketing is always required; a department without a rule here uses its default
 * role and needs any one approver.
 */
public record ApprovalPolicy(String projectKey, List<DepartmentRule> departments, Ordering ordering,
        boolean keepApprovalsOnReschedule, ContentRules rules) {

    public enum Ordering { PARALLEL, IN_ORDER }

    public ApprovalPolicy {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(rules, "rules");
        Map<Department, DepartmentRule> byDepartment = new LinkedHashMap<>();
        for (DepartmentRule r : departments) {
            if (byDepartment.put(r.department(), r) != null) throw new IllegalArgumentException("department named twice: " + r.department());
        }
        for (Department d : Department.values()) byDepartment.putIfAbsent(d, DepartmentRule.anyOne(d));
        departments = List.copyOf(byDepartment.values());
    }

    /** Marketing, then Legal, then HR, each any one holder of its role; in parallel; a reschedule keeps approvals; default rules. */
    public static ApprovalPolicy defaults(String projectKey) {
        return new ApprovalPolicy(projectKey, List.of(), Ordering.PARALLEL, true, ContentRules.defaults());
    }

    public DepartmentRule rule(Department department) {
        return departments.stream().filter(r -> r.department() == department).findFirst().orElseThrow();
    }

    /** Which departments must approve this content, and why; {@code flagged} are the departments an author or reviewer flagged by hand. */
    public Requirement required(PostContent content, Set<Department> flagged) {
        List<RuleMatch> matches = rules.matches(content);
        EnumSet<Department> needed = EnumSet.of(Department.MARKETING);
        needed.addAll(flagged);
        matches.forEach(m -> needed.add(m.department()));
        List<Department> ordered = new ArrayList<>();
        for (DepartmentRule r : departments) if (needed.contains(r.department())) ordered.add(r.department());
        return new Requirement(ordered, flagged.isEmpty() ? Set.of() : EnumSet.copyOf(flagged), matches);
    }

    /** The required departments in review order, those flagged by hand, and the rule matches that required the others. */
    public record Requirement(List<Department> departments, Set<Department> flagged, List<RuleMatch> matches) {
        public Requirement {
            departments = List.copyOf(departments);
            flagged = Set.copyOf(flagged);
            matches = List.copyOf(matches);
        }

        /** A sentence saying why a department must approve. */
        public String why(Department department) {
            if (department == Department.MARKETING) return "Marketing approves every post.";
            if (!departments.contains(department)) return department + " is not required.";
            List<String> reasons = new ArrayList<>();
            if (flagged.contains(department)) reasons.add("flagged by hand");
            matches.stream().filter(m -> m.department() == department)
                    .map(m -> "\"" + m.matched() + "\" in " + m.field() + " (rule " + m.ruleId() + ")").distinct().forEach(reasons::add);
            return department + " must approve: " + String.join("; ", reasons) + ".";
        }
    }
}
