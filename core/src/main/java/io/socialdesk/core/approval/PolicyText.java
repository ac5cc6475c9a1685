package io.socialdesk.core.approval;

import static io.socialdesk.core.text.TabbedLines.line;
import static io.socialdesk.core.text.TabbedLines.lines;

import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The text form stores keep a policy's departments and rule lists in: one line per department or
 * rule, fields separated by tabs, with {@code \\}, tab and line feed escaped as {@code \\\\},
 * {@code \\t} and {@code \\n}.
 *
 * <pre>
 * department line: DEPARTMENT  ROLE  GROUP-or-empty  QUORUM-KIND  N  named,keys
 * rule line:       id  DEPARTMENT  WORDS|REGEX  description  pattern  pattern ...
 * </pre>
 */
public final class PolicyText {
    private PolicyText() {}

    public static String departments(List<DepartmentRule> rules) {
        StringBuilder out = new StringBuilder();
        for (DepartmentRule r : rules) {
            line(out, List.of(r.department().name(), r.role().name(), r.group().orElse(""), r.quorum().kind().name(),
                    Integer.toString(r.quorum().n()), String.join(",", r.quorum().named().stream().sorted().toList())));
        }
        return out.toString();
    }

    public static List<DepartmentRule> departments(String text) {
        List<DepartmentRule> out = new ArrayList<>();
        for (List<String> f : lines(text)) {
            if (f.size() != 6) throw bad("a department line has 6 fields");
            Set<String> named = f.get(5).isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(f.get(5).split(",")));
            ApproverQuorum.Kind kind = ApproverQuorum.Kind.valueOf(f.get(3));
            ApproverQuorum quorum = new ApproverQuorum(kind, Integer.parseInt(f.get(4)), named);
            out.add(new DepartmentRule(Department.valueOf(f.get(0)), Role.valueOf(f.get(1)), Optional.of(f.get(2)), quorum));
        }
        return out;
    }

    public static String rules(ContentRules rules) {
        StringBuilder out = new StringBuilder();
        for (ContentRule r : rules.rules()) {
            List<String> fields = new ArrayList<>(List.of(r.id(), r.department().name(), r.kind().name(), r.description()));
            fields.addAll(r.patterns());
            line(out, fields);
        }
        return out.toString();
    }

    public static ContentRules rules(String text) {
        List<ContentRule> out = new ArrayList<>();
        for (List<String> f : lines(text)) {
            if (f.size() < 4) throw bad("a rule line has at least 4 fields");
            out.add(new ContentRule(f.get(0), Department.valueOf(f.get(1)), ContentRule.Kind.valueOf(f.get(2)), f.subList(4, f.size()), f.get(3)));
        }
        return new ContentRules(out);
    }

    private static InvalidInputException bad(String why) {
        return new InvalidInputException("policy", "malformed-policy", "The stored approval policy is malformed: " + why + ".");
    }
}
