package io.socialdesk.web.rest;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.routing.Conditions;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingRules;
import io.socialdesk.core.inbox.routing.RoutingValidation;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing rules as the REST API and the admin page exchange them: the ordered {@code rules}, the
 * {@code defaultRoute}, and the {@code version} they are (send it back unchanged with a change: 0 for the shipped
 * defaults). Each rule's conditions and route are flat members of the rule. {@code savedBy}, {@code savedAt} and
 * {@code shipped} are read only. Reading one back ({@link #toRules}) names every bad field.
 */
public record RoutingJson(Integer version, List<RuleJson> rules, RouteJson defaultRoute, String savedBy, String savedAt, Boolean shipped) {

    /** One rule: its conditions (empty lists and null bounds ask nothing) and its route. */
    public record RuleJson(String id, String name, Boolean enabled, List<String> networks, List<Long> accountIds, List<String> streams,
            List<String> keywords, List<String> regexes, List<String> languages, List<String> sentiments, List<String> urgencies,
            List<String> authors, Long minFollowers, Long maxFollowers, String project, String issueType, String requestType, String component,
            String priority, List<String> labels, String assignee) {

        static RuleJson of(RoutingRule r) {
            Conditions c = r.when();
            Route t = r.route();
            return new RuleJson(r.id(), r.name(), r.enabled(), names(c.networks()), c.accountIds(), names(c.streams()), c.keywords(), c.regexes(),
                    c.languages(), names(c.sentiments()), names(c.urgencies()), c.authors(), c.minFollowers(), c.maxFollowers(), t.project(),
                    t.issueType(), t.requestType(), t.component(), t.priority(), t.labels(), t.assignee());
        }
    }

    /** Where items go: {@code project} (a Jira project key, or a department queue such as SUPPORT) and the rest optional. */
    public record RouteJson(String project, String issueType, String requestType, String component, String priority, List<String> labels,
            String assignee) {
        public static RouteJson of(Route r) {
            return new RouteJson(r.project(), r.issueType(), r.requestType(), r.component(), r.priority(), r.labels(), r.assignee());
        }

    }

    public static RoutingJson of(RoutingRules rules) {
        return new RoutingJson(rules.version(), rules.rules().stream().map(RuleJson::of).toList(), RouteJson.of(rules.defaultRoute()),
                rules.savedBy(), rules.savedAt() == null ? null : rules.savedAt().toString(), rules.shipped());
    }

    /** What a PUT asks to save: the version it replaces, the rules in order (blank ids made from the names) and the default route. */
    public record Draft(int version, List<RoutingRule> rules, Route defaultRoute) {}

    /** The rules this describes, or every problem with them at once (parsing and {@link RoutingValidation} together). */
    public Draft toRules() {
        List<FieldProblem> problems = new ArrayList<>();
        if (version == null || version < 0) {
            problems.add(new FieldProblem("version", "required", "Send the version of the rules you edited (0 for the shipped defaults)"));
        }
        if (rules == null) problems.add(new FieldProblem("rules", "required", "Send the rules, in order (an empty list for none)"));
        List<RuleJson> given = rules == null ? List.of() : rules;
        Set<String> taken = new HashSet<>();
        given.stream().filter(r -> r != null && r.id() != null && !r.id().isBlank()).forEach(r -> taken.add(r.id().strip()));
        List<RoutingRule> parsed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            RuleJson r = given.get(i);
            String at = "rules[" + i + "]";
            if (r == null) {
                problems.add(new FieldProblem(at, "required", "Rule " + (i + 1) + " cannot be null"));
                continue;
            }
            String id = r.id() == null || r.id().isBlank() ? newId(r.name(), taken) : r.id().strip();
            Conditions when = new Conditions(
                    enums(at + ".networks", r.networks(), Network.class, "known-network", problems),
                    present(at + ".accountIds", r.accountIds(), problems),
                    enums(at + ".streams", r.streams(), Stream.class, "known-stream", problems),
                    stripped(present(at + ".keywords", r.keywords(), problems)), present(at + ".regexes", r.regexes(), problems),
                    stripped(present(at + ".languages", r.languages(), problems)),
                    enums(at + ".sentiments", r.sentiments(), Triage.Sentiment.class, "known-sentiment", problems),
                    enums(at + ".urgencies", r.urgencies(), Triage.Urgency.class, "known-urgency", problems),
                    stripped(present(at + ".authors", r.authors(), problems)), r.minFollowers(), r.maxFollowers());
            Route route = route(r.project(), r.issueType(), r.requestType(), r.component(), r.priority(),
                    present(at + ".labels", r.labels(), problems), r.assignee());
            parsed.add(new RoutingRule(id, r.name() == null ? "" : r.name().strip(), r.enabled() == null || r.enabled(), when, route));
            positions.add(i);
        }
        Route fallback = defaultRoute == null ? null : route(defaultRoute.project(), defaultRoute.issueType(), defaultRoute.requestType(),
                defaultRoute.component(), defaultRoute.priority(), present("defaultRoute.labels", defaultRoute.labels(), problems),
                defaultRoute.assignee());
        // Validation numbers the rules it is given; map its indexes back to the request's (null rules were left out).
        for (FieldProblem p : RoutingValidation.problems(parsed, fallback)) {
            problems.add(renumber(p, positions));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new Draft(version, parsed, fallback);
    }

    private static FieldProblem renumber(FieldProblem p, List<Integer> positions) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^rules\\[(\\d+)]").matcher(p.field());
        if (!m.find()) return p;
        int given = positions.get(Integer.parseInt(m.group(1)));
        return new FieldProblem("rules[" + given + "]" + p.field().substring(m.end()), p.rule(),
                p.message().replaceFirst("^Rule \\d+", "Rule " + (given + 1)));
    }

    /** A new rule's id: its name in lowercase letters, digits and dashes, made unique with -2, -3... */
    static String newId(String name, Set<String> taken) {
        String base = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 40) base = base.substring(0, 40).replaceAll("-+$", "");
        if (base.isEmpty()) base = "rule";
        String id = base;
        for (int n = 2; taken.contains(id); n++) id = base + "-" + n;
        taken.add(id);
        return id;
    }

    static Route route(String project, String issueType, String requestType, String component, String priority, List<String> labels,
            String assignee) {
        String key = project == null ? "" : project.strip().toUpperCase(Locale.ROOT);
        return new Route(key, blankToNull(issueType), blankToNull(requestType), blankToNull(component), blankToNull(priority),
                labels == null ? List.of() : labels.stream().map(String::strip).toList(), blankToNull(assignee));
    }

    /** The list without its nulls, each null reported as a missing value at its place (the domain's lists hold no null). */
    private static <T> List<T> present(String field, List<T> values, List<FieldProblem> problems) {
        if (values == null) return List.of();
        List<T> out = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
            if (values.get(j) == null) problems.add(new FieldProblem(field + "[" + j + "]", "required", "A value cannot be null"));
            else out.add(values.get(j));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> stripped(List<String> values) {
        return values.stream().map(String::strip).toList();
    }

    private static <E extends Enum<E>> List<String> names(List<E> values) {
        return values.stream().map(Enum::name).toList();
    }

    /** Names read ignoring case, with {@code -} or a space for {@code _}; each unknown one is a problem naming its place. */
    static <E extends Enum<E>> List<E> enums(String field, List<String> values, Class<E> type, String rule, List<FieldProblem> problems) {
        if (values == null) return List.of();
        List<E> out = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
            String v = values.get(j);
            E e = parse(v, type);
            if (e == null) {
                String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
                problems.add(new FieldProblem(field + "[" + j + "]", rule, "Unknown value \u201c" + v + "\u201d: use one of " + known));
            } else if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    static <E extends Enum<E>> E parse(String value, Class<E> type) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
