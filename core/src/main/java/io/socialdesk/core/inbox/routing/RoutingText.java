package io.socialdesk.core.inbox.routing;

import static io.socialdesk.core.text.TabbedLines.line;
import static io.socialdesk.core.text.TabbedLines.lines;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Triage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text form stores keep the routing rules in: a block per rule, then the default route. Each line is a key
 * and its values separated by tabs, with backslash, tab and line breaks escaped ({@code \\}, {@code \t},
 * {@code \n}, {@code \r}); empty conditions are left out. Unknown keys are skipped, so an older version can read a
 * newer text.
 *
 * <pre>
 * rule       ID  ENABLED(true|false)  NAME
 * networks   BLUESKY  MASTODON          (also accounts, streams, keywords, regexes, languages, sentiments,
 * followers  MIN-or-empty  MAX-or-empty  urgencies, authors)
 * project    SUPPORT                    (also issueType, requestType, component, priority, assignee)
 * labels     social  refund
 * default                               (then the default route's project ... lines)
 * </pre>
 */
public final class RoutingText {
    private RoutingText() {}

    public static String write(List<RoutingRule> rules, Route defaultRoute) {
        StringBuilder out = new StringBuilder();
        for (RoutingRule r : rules) {
            line(out, List.of("rule", r.id(), Boolean.toString(r.enabled()), r.name()));
            Conditions c = r.when();
            list(out, "networks", c.networks(), Enum::name);
            list(out, "accounts", c.accountIds(), String::valueOf);
            list(out, "streams", c.streams(), Enum::name);
            list(out, "keywords", c.keywords(), s -> s);
            list(out, "regexes", c.regexes(), s -> s);
            list(out, "languages", c.languages(), s -> s);
            list(out, "sentiments", c.sentiments(), Enum::name);
            list(out, "urgencies", c.urgencies(), Enum::name);
            list(out, "authors", c.authors(), s -> s);
            if (c.minFollowers() != null || c.maxFollowers() != null) {
                line(out, List.of("followers", c.minFollowers() == null ? "" : c.minFollowers().toString(),
                        c.maxFollowers() == null ? "" : c.maxFollowers().toString()));
            }
            route(out, r.route());
        }
        line(out, List.of("default"));
        route(out, defaultRoute);
        return out.toString();
    }

    /** The rules and default route of a stored text; {@code version}, {@code savedBy}, {@code savedAt} come from its row. */
    public static RoutingRules read(String text, int version, String savedBy, java.time.Instant savedAt) {
        List<RoutingRule> rules = new ArrayList<>();
        Block current = null;
        Block defaults = null;
        for (List<String> f : lines(text)) {
            String key = f.get(0);
            List<String> values = f.subList(1, f.size());
            if (key.equals("rule")) {
                if (current != null && current != defaults) rules.add(current.rule());
                if (values.size() < 3) throw malformed("a rule line has an id, whether it is enabled and a name");
                current = new Block(values.get(0), Boolean.parseBoolean(values.get(1)), values.get(2));
            } else if (key.equals("default")) {
                if (current != null && current != defaults) rules.add(current.rule());
                defaults = new Block(null, true, null);
                current = defaults;
            } else if (current == null) {
                throw malformed("a line before the first rule");
            } else {
                current.set(key, values);
            }
        }
        if (current != null && current != defaults) rules.add(current.rule());
        if (defaults == null || defaults.project == null) throw malformed("no default route");
        return new RoutingRules(version, rules, defaults.route(), savedBy, savedAt);
    }

    private static IllegalStateException malformed(String why) {
        return new IllegalStateException("The stored routing rules are malformed: " + why + ".");
    }

    private static final class Block {
        final String id;
        final boolean enabled;
        final String name;
        List<Network> networks = List.of();
        List<Long> accounts = List.of();
        List<Stream> streams = List.of();
        List<String> keywords = List.of();
        List<String> regexes = List.of();
        List<String> languages = List.of();
        List<Triage.Sentiment> sentiments = List.of();
        List<Triage.Urgency> urgencies = List.of();
        List<String> authors = List.of();
        Long min;
        Long max;
        String project;
        String issueType;
        String requestType;
        String component;
        String priority;
        List<String> labels = List.of();
        String assignee;

        Block(String id, boolean enabled, String name) {
            this.id = id;
            this.enabled = enabled;
            this.name = name;
        }

        void set(String key, List<String> v) {
            String first = v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
            switch (key) {
                case "networks" -> networks = v.stream().map(Network::valueOf).toList();
                case "accounts" -> accounts = v.stream().map(Long::valueOf).toList();
                case "streams" -> streams = v.stream().map(Stream::valueOf).toList();
                case "keywords" -> keywords = List.copyOf(v);
                case "regexes" -> regexes = List.copyOf(v);
                case "languages" -> languages = List.copyOf(v);
                case "sentiments" -> sentiments = v.stream().map(Triage.Sentiment::valueOf).toList();
                case "urgencies" -> urgencies = v.stream().map(Triage.Urgency::valueOf).toList();
                case "authors" -> authors = List.copyOf(v);
                case "followers" -> {
                    min = first == null ? null : Long.valueOf(first);
                    max = v.size() < 2 || v.get(1).isEmpty() ? null : Long.valueOf(v.get(1));
                }
                case "project" -> project = first;
                case "issueType" -> issueType = first;
                case "requestType" -> requestType = first;
                case "component" -> component = first;
                case "priority" -> priority = first;
                case "labels" -> labels = List.copyOf(v);
                case "assignee" -> assignee = first;
                default -> { } // a key from a newer version
            }
        }

        Route route() {
            if (project == null) throw malformed("a route without a project");
            return new Route(project, issueType, requestType, component, priority, labels, assignee);
        }

        RoutingRule rule() {
            return new RoutingRule(id, name, enabled, new Conditions(networks, accounts, streams, keywords, regexes, languages, sentiments,
                    urgencies, authors, min, max), route());
        }
    }

    private static void route(StringBuilder out, Route r) {
        line(out, List.of("project", r.project()));
        one(out, "issueType", r.issueType());
        one(out, "requestType", r.requestType());
        one(out, "component", r.component());
        one(out, "priority", r.priority());
        list(out, "labels", r.labels(), s -> s);
        one(out, "assignee", r.assignee());
    }

    private static void one(StringBuilder out, String key, String value) {
        if (value != null && !value.isEmpty()) line(out, List.of(key, value));
    }

    private static <T> void list(StringBuilder out, String key, List<T> values, Function<T, String> text) {
        if (values.isEmpty()) return;
        List<String> fields = new ArrayList<>();
        fields.add(key);
        values.forEach(v -> fields.add(text.apply(v)));
        line(out, fields);
    }
}
