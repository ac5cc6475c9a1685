package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.problem.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What makes a set of routing rules unacceptable, as problems naming the field the way the REST API spells it
 * ({@code rules[2].regexes[0]}, {@code rules[0].project}, {@code defaultRoute.project}) and a stable rule
 * ({@code invalid-regex}, {@code required}, {@code min-above-max}...). Every problem is reported at once.
 */
public final class RoutingValidation {
    public static final int MAX_RULES = 200;
    public static final int MAX_VALUES = 500;
    public static final int MAX_NAME = 120;
    public static final int MAX_KEYWORD = 100;
    public static final int MAX_REGEX = 500;
    public static final int MAX_ROUTE_TEXT = 255;
    /** A Jira project key, which the server's department queues also follow. */
    public static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
    public static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,60}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private RoutingValidation() {}

    public static List<FieldProblem> problems(List<RoutingRule> rules, Route defaultRoute) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) problems.add(new FieldProblem("rules", "max-rules", "At most " + MAX_RULES + " rules; there are " + rules.size()));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            RoutingRule r = rules.get(i);
            String named = "Rule " + (i + 1) + (r.name() == null || r.name().isBlank() ? "" : " (\u201c" + r.name() + "\u201d)");
            if (!RULE_ID.matcher(r.id()).matches()) {
                problems.add(new FieldProblem(at + ".id", "rule-id", named + ": an id is 1 to 60 letters, digits, dots, dashes or underscores"));
            } else if (!ids.add(r.id())) {
                problems.add(new FieldProblem(at + ".id", "unique", named + ": the id \u201c" + r.id() + "\u201d is used by an earlier rule"));
            }
            if (r.name() == null || r.name().isBlank()) problems.add(new FieldProblem(at + ".name", "required", "Rule " + (i + 1) + ": give it a name"));
            text(problems, at + ".name", named, "name", r.name(), MAX_NAME);
            conditions(problems, at, named, r.when());
            route(problems, at, named, r.route());
        }
        if (defaultRoute == null) {
            problems.add(new FieldProblem("defaultRoute.project", "required", "The default route needs a project"));
        } else {
            route(problems, "defaultRoute", "The default route", defaultRoute);
        }
        return problems;
    }

    private static void conditions(List<FieldProblem> problems, String at, String named, Conditions c) {
        if (c.isEmpty()) {
            problems.add(new FieldProblem(at, "condition-required",
                    named + ": give at least one condition (the default route already takes every item no rule takes)"));
        }
        count(problems, at + ".accountIds", named, c.accountIds().size());
        for (int j = 0; j < c.accountIds().size(); j++) {
            Long id = c.accountIds().get(j);
            if (id == null || id < 1) problems.add(new FieldProblem(at + ".accountIds[" + j + "]", "positive-integer", named + ": an account id is a positive whole number"));
        }
        count(problems, at + ".keywords", named, c.keywords().size());
        for (int j = 0; j < c.keywords().size(); j++) {
            String k = c.keywords().get(j);
            String field = at + ".keywords[" + j + "]";
            if (k == null || TextMatch.fold(k).isEmpty()) {
                problems.add(new FieldProblem(field, "required", named + ": a keyword cannot be empty"));
            } else {
                text(problems, field, named, "keyword", k, MAX_KEYWORD);
            }
        }
        count(problems, at + ".regexes", named, c.regexes().size());
        for (int j = 0; j < c.regexes().size(); j++) {
            String field = at + ".regexes[" + j + "]";
            String re = c.regexes().get(j);
            if (re == null || re.isBlank()) {
                problems.add(new FieldProblem(field, "required", named + ": a regular expression cannot be empty"));
                continue;
            }
            if (re.length() > MAX_REGEX) {
                problems.add(new FieldProblem(field, "max-length", named + ": a regular expression is at most " + MAX_REGEX + " characters"));
                continue;
            }
            Pattern compiled;
            try {
                compiled = TextMatch.compile(re);
            } catch (PatternSyntaxException e) {
                problems.add(new FieldProblem(field, "invalid-regex", named + ": \u201c" + re + "\u201d is not a valid regular expression: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : "")));
                continue;
            }
            if (TextMatch.runsAway(compiled)) {
                problems.add(new FieldProblem(field, "regex-too-slow", named + ": \u201c" + re + "\u201d backtracks without end on a text of"
                        + " repeated characters (nested or overlapping repetition such as (a+)+); simplify it"));
            }
        }
        count(problems, at + ".languages", named, c.languages().size());
        for (int j = 0; j < c.languages().size(); j++) {
            String l = c.languages().get(j);
            if (l == null || !LANGUAGE.matcher(l.strip().toLowerCase(java.util.Locale.ROOT)).matches()) {
                problems.add(new FieldProblem(at + ".languages[" + j + "]", "language-code",
                        named + ": a language is an ISO 639-1 code such as en or fr, not \u201c" + l + "\u201d"));
            }
        }
        count(problems, at + ".authors", named, c.authors().size());
        for (int j = 0; j < c.authors().size(); j++) {
            String a = c.authors().get(j);
            String field = at + ".authors[" + j + "]";
            if (a == null || a.strip().replaceFirst("^@", "").isEmpty()) {
                problems.add(new FieldProblem(field, "required", named + ": an author handle cannot be empty"));
            } else {
                text(problems, field, named, "author handle", a, MAX_KEYWORD);
            }
        }
        if (c.minFollowers() != null && c.minFollowers() < 0) {
            problems.add(new FieldProblem(at + ".minFollowers", "non-negative", named + ": a follower count is 0 or more"));
        }
        if (c.maxFollowers() != null && c.maxFollowers() < 0) {
            problems.add(new FieldProblem(at + ".maxFollowers", "non-negative", named + ": a follower count is 0 or more"));
        }
        if (c.minFollowers() != null && c.maxFollowers() != null && c.minFollowers() > c.maxFollowers()) {
            problems.add(new FieldProblem(at + ".minFollowers", "min-above-max", named + ": the minimum followers (" + c.minFollowers()
                    + ") is above the maximum (" + c.maxFollowers() + ")"));
        }
    }

    private static void route(List<FieldProblem> problems, String at, String named, Route r) {
        if (r.project() == null || r.project().isBlank()) {
            problems.add(new FieldProblem(at + ".project", "required", named + ": name the project (a Jira project key or a department queue such as SUPPORT)"));
        } else if (!PROJECT_KEY.matcher(r.project()).matches()) {
            problems.add(new FieldProblem(at + ".project", "project-key", named + ": \u201c" + r.project()
                    + "\u201d is not a project key (an upper-case letter then up to 19 upper-case letters, digits or underscores, such as SUPPORT)"));
        }
        text(problems, at + ".issueType", named, "issue type", r.issueType(), MAX_ROUTE_TEXT);
        text(problems, at + ".requestType", named, "request type", r.requestType(), MAX_ROUTE_TEXT);
        text(problems, at + ".component", named, "component", r.component(), MAX_ROUTE_TEXT);
        text(problems, at + ".priority", named, "priority", r.priority(), MAX_ROUTE_TEXT);
        text(problems, at + ".assignee", named, "assignee", r.assignee(), MAX_ROUTE_TEXT);
        count(problems, at + ".labels", named, r.labels().size());
        for (int j = 0; j < r.labels().size(); j++) {
            String label = r.labels().get(j);
            String field = at + ".labels[" + j + "]";
            if (label == null || label.isEmpty() || label.codePoints().anyMatch(Character::isWhitespace)) {
                problems.add(new FieldProblem(field, "label", named + ": a label is one word without spaces, not \u201c" + label + "\u201d"));
            } else {
                text(problems, field, named, "label", label, MAX_ROUTE_TEXT);
            }
        }
    }

    private static void count(List<FieldProblem> problems, String field, String named, int n) {
        if (n > MAX_VALUES) problems.add(new FieldProblem(field, "max-values", named + ": at most " + MAX_VALUES + " values, not " + n));
    }

    /** Length in code points, and no control character or lone surrogate. */
    private static void text(List<FieldProblem> problems, String field, String named, String what, String value, int max) {
        if (value == null) return;
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "max-length", named + ": a " + what + " is at most " + max + " characters"));
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean lone = Character.isHighSurrogate(ch) ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(ch);
            if (lone || Character.isISOControl(ch)) {
                problems.add(new FieldProblem(field, "malformed-unicode", named + ": the " + what + " contains a control character or a broken character"));
                return;
            }
        }
    }
}
