package io.socialdesk.web.rest;

import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.ContentRule;
import io.socialdesk.core.approval.ContentRules;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A project's approval policy as the REST API and the admin page show it. {@code ordering} is
 * {@code PARALLEL} or {@code IN_ORDER}; each department's {@code quorum} is {@code ANY_ONE},
 * {@code ALL} (of {@code named}) or {@code AT_LEAST} ({@code n}); rules are {@code WORDS} or
 * {@code REGEX}. Reading one back ({@link #toPolicy}) names every bad field.
 */
public record PolicyJson(String projectKey, String ordering, Boolean keepApprovalsOnReschedule, List<DepartmentRuleJson> departments,
        List<ContentRuleJson> rules) {

    public record DepartmentRuleJson(String department, String role, String group, String quorum, Integer n, List<String> named) {}

    public record ContentRuleJson(String id, String department, String kind, List<String> patterns, String description) {}

    public static PolicyJson of(ApprovalPolicy p) {
        return new PolicyJson(p.projectKey(), p.ordering().name(), p.keepApprovalsOnReschedule(),
                p.departments().stream().map(d -> new DepartmentRuleJson(d.department().name(), d.role().name(), d.group().orElse(null),
                        d.quorum().kind().name(), d.quorum().n(), d.quorum().named().stream().sorted().toList())).toList(),
                p.rules().rules().stream().map(r -> new ContentRuleJson(r.id(), r.department().name(), r.kind().name(), r.patterns(),
                        r.description())).toList());
    }

    /** The policy this describes for {@code project}, or every problem with it at once. */
    public ApprovalPolicy toPolicy(String project) {
        List<FieldProblem> problems = new ArrayList<>();
        ApprovalPolicy.Ordering order = parse("ordering", ordering, ApprovalPolicy.Ordering.class, problems, ApprovalPolicy.Ordering.PARALLEL);
        if (keepApprovalsOnReschedule == null) {
            problems.add(new FieldProblem("keepApprovalsOnReschedule", "required", "Say whether a time-only reschedule keeps approvals (true or false)"));
        }
        List<DepartmentRule> deps = new ArrayList<>();
        List<DepartmentRuleJson> ds = departments == null ? List.of() : departments;
        java.util.Set<Department> seen = java.util.EnumSet.noneOf(Department.class);
        for (int i = 0; i < ds.size(); i++) {
            String at = "departments[" + i + "]";
            DepartmentRuleJson d = ds.get(i);
            if (d == null) {
                problems.add(new FieldProblem(at, "required", "A department rule cannot be null"));
                continue;
            }
            Department dep = parse(at + ".department", d.department(), Department.class, problems, null);
            if (dep != null && !seen.add(dep)) problems.add(new FieldProblem(at + ".department", "unique", dep + " is named twice"));
            Role role = d.role() == null || d.role().isBlank() ? (dep == null ? null : dep.defaultRole()) : parseRole(at + ".role", d.role(), problems);
            ApproverQuorum.Kind kind = parse(at + ".quorum", d.quorum(), ApproverQuorum.Kind.class, problems, ApproverQuorum.Kind.ANY_ONE);
            ApproverQuorum quorum = null;
            if (kind == ApproverQuorum.Kind.AT_LEAST && (d.n() == null || d.n() < 1 || d.n() > 20)) {
                problems.add(new FieldProblem(at + ".n", "between-1-and-20", "A quorum of at least N needs N from 1 to 20"));
            } else if (kind == ApproverQuorum.Kind.ALL && (d.named() == null || d.named().stream().allMatch(s -> s == null || s.isBlank()))) {
                problems.add(new FieldProblem(at + ".named", "required", "A quorum of all names its approvers (user keys)"));
            } else if (kind != null) {
                quorum = switch (kind) {
                    case ANY_ONE -> ApproverQuorum.ANY_ONE;
                    case AT_LEAST -> ApproverQuorum.atLeast(d.n());
                    case ALL -> ApproverQuorum.all(new LinkedHashSet<>(d.named().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList()));
                };
            }
            if (dep != null && role != null && quorum != null) {
                deps.add(new DepartmentRule(dep, role, Optional.ofNullable(d.group()).map(String::strip), quorum));
            }
        }
        List<ContentRule> contentRules = new ArrayList<>();
        List<ContentRuleJson> rs = rules == null ? List.of() : rules;
        for (int i = 0; i < rs.size(); i++) {
            String at = "rules[" + i + "]";
            ContentRuleJson r = rs.get(i);
            if (r == null) {
                problems.add(new FieldProblem(at, "required", "A content rule cannot be null"));
                continue;
            }
            boolean idOk = r.id() != null && r.id().matches("[A-Za-z0-9_.-]{1,60}");
            if (!idOk) problems.add(new FieldProblem(at + ".id", "rule-id", "A rule id is 1 to 60 letters, digits, dots, dashes or underscores"));
            Department dep = parse(at + ".department", r.department(), Department.class, problems, null);
            ContentRule.Kind kind = parse(at + ".kind", r.kind(), ContentRule.Kind.class, problems, ContentRule.Kind.WORDS);
            List<String> patterns = r.patterns() == null ? List.of() : r.patterns().stream().filter(p -> p != null && !p.isBlank()).toList();
            // A rule without patterns never matches: the shipped competitors rule waits for each project's list.
            if (kind == ContentRule.Kind.REGEX) {
                for (int j = 0; j < patterns.size(); j++) {
                    try {
                        Pattern.compile(patterns.get(j));
                    } catch (PatternSyntaxException e) {
                        problems.add(new FieldProblem(at + ".patterns[" + j + "]", "invalid-regex",
                                "\"" + patterns.get(j) + "\" is not a valid regular expression: " + e.getDescription()));
                    }
                }
            }
            if (idOk && dep != null && kind != null) contentRules.add(new ContentRule(r.id(), dep, kind, patterns, r.description()));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new ApprovalPolicy(project, deps, order, keepApprovalsOnReschedule, new ContentRules(contentRules));
    }

    private static Role parseRole(String field, String value, List<FieldProblem> problems) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "known-role", "Unknown role '" + value + "': use one of " + Arrays.toString(Role.values())));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type, List<FieldProblem> problems, E whenMissing) {
        if (value == null || value.isBlank()) {
            if (whenMissing == null) problems.add(new FieldProblem(field, "required", "The " + field + " is required"));
            return whenMissing;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "known-value", "Unknown value '" + value + "': use one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
