package io.socialdesk.web.page;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.routing.Conditions;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingRules;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.core.user.User;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routing rules page, shared by both hosts: the ordered rules as a form (each rule's conditions and route, with
 * buttons to move it up or down, remove it, add one), the default route, and the rule tester ("paste a text, see the
 * route and why"). {@code routing-admin.js} saves the whole list with {@code PUT /routing/rules} on the version shown
 * and runs the tester with {@code POST /routing/test}. Admins edit; marketing leads see the same page read-only and
 * may test. Every text (names, keywords, what the tester answers) is shown as text, never as HTML.
 */
public final class RoutingAdminPage {
    public static final String TEMPLATE = "templates/socialdesk/routing-admin.vm";

    private RoutingAdminPage() {}

    /**
     * The page's model. {@code accounts}: the social accounts a rule may name; {@code saved}: the {@code saved} query
     * parameter the page is reloaded with after a save (the version saved), or null; {@code jira}: whether projects are
     * Jira project keys (else the server's department queues).
     */
    public static Map<String, Object> context(RoutingRules rules, User viewer, List<Account> accounts, Locale locale, String restBase,
            String saved, boolean jira) {
        Map<String, String> accountLabels = new LinkedHashMap<>();
        accounts.forEach(a -> accountLabels.put(Long.toString(a.id()), a.label()));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(viewer.zone());
        Map<String, Object> context = new HashMap<>();
        context.put("restBase", restBase);
        context.put("uiLocale", locale.toLanguageTag());
        context.put("routing", new Form(rules, accountLabels, format));
        context.put("mayEdit", RoutingService.mayEdit(viewer));
        context.put("justSaved", saved != null && saved.equals(Integer.toString(rules.version())) && !rules.shipped());
        context.put("projectHintKey", jira ? "socialdesk.routing.projectHint.jira" : "socialdesk.routing.projectHint.server");
        context.put("testNetworks", Arrays.stream(Network.values()).map(n -> new Check(n.name(), n.label(), "", false)).toList());
        context.put("testStreams", checks(Stream.values(), List.of(), "socialdesk.routing.stream."));
        context.put("testAccounts", accountLabels.entrySet().stream().map(e -> new Check(e.getKey(), e.getValue(), "", false)).toList());
        context.put("testMoods", checks(Triage.Sentiment.values(), List.of(), "socialdesk.routing.sentiment."));
        context.put("testUrgencies", checks(Triage.Urgency.values(), List.of(Triage.Urgency.NORMAL), "socialdesk.routing.urgency."));
        return context;
    }

    private static <E extends Enum<E>> List<Check> checks(E[] values, List<E> checked, String keyPrefix) {
        return Arrays.stream(values).map(v -> new Check(v.name(), v.name(), keyPrefix + v.name().toLowerCase(Locale.ROOT), checked.contains(v)))
                .toList();
    }

    /** The rules as a whole: their version and who saved it. */
    public static final class Form {
        private final RoutingRules rules;
        private final Map<String, String> accounts;
        private final DateTimeFormatter format;

        Form(RoutingRules rules, Map<String, String> accounts, DateTimeFormatter format) {
            this.rules = rules;
            this.accounts = accounts;
            this.format = format;
        }

        public int getVersion() { return rules.version(); }
        /** Text, not a number: Jira's {@code getText(key, String...)} takes strings. */
        public String getVersionText() { return Integer.toString(rules.version()); }
        public boolean getShipped() { return rules.shipped(); }
        public String getSavedBy() { return rules.savedBy() == null ? "" : rules.savedBy(); }
        public String getSavedAt() { return rules.savedAt() == null ? "" : format.format(rules.savedAt()); }
        public boolean getHasRules() { return !rules.rules().isEmpty(); }
        public List<RuleRow> getRules() { return rules.rules().stream().map(r -> new RuleRow(r, accounts, false)).toList(); }
        /**
         * The rules, then a blank one for the "add a rule" template: the template draws both with one loop, so a rule
         * looks the same whether the page drew it or the script added it.
         */
        public List<RuleRow> getRowsAndBlank() {
            List<RuleRow> rows = new ArrayList<>(getRules());
            rows.add(new RuleRow(new RoutingRule("", "", true, Conditions.NONE, Route.to("")), accounts, true));
            return rows;
        }
        public RouteView getDefaultRoute() { return new RouteView(rules.defaultRoute()); }
    }

    /** One rule as the form shows it: lists one value per line or separated by commas. */
    public static final class RuleRow {
        private final RoutingRule rule;
        private final Map<String, String> accounts;
        private final boolean blank;

        RuleRow(RoutingRule rule, Map<String, String> accounts, boolean blank) {
            this.rule = rule;
            this.accounts = accounts;
            this.blank = blank;
        }

        /** The blank rule the "add a rule" button copies. */
        public boolean getBlank() { return blank; }
        public String getId() { return rule.id(); }
        public String getName() { return rule.name(); }
        public boolean getEnabled() { return rule.enabled(); }
        public List<Check> getNetworks() {
            return Arrays.stream(Network.values()).map(n -> new Check(n.name(), n.label(), "", rule.when().networks().contains(n))).toList();
        }
        /** Every known account, and any account the rule names that no longer exists (by its id). */
        public List<Check> getAccounts() {
            List<Check> out = new ArrayList<>();
            accounts.forEach((id, label) -> out.add(new Check(id, label, "", rule.when().accountIds().contains(Long.valueOf(id)))));
            for (Long id : rule.when().accountIds()) {
                if (!accounts.containsKey(Long.toString(id))) out.add(new Check(Long.toString(id), "#" + id, "", true));
            }
            return out;
        }
        public boolean getHasAccounts() { return !getAccounts().isEmpty(); }
        public List<Check> getStreams() { return checks(Stream.values(), rule.when().streams(), "socialdesk.routing.stream."); }
        public String getKeywords() { return String.join("\n", rule.when().keywords()); }
        public String getRegexes() { return String.join("\n", rule.when().regexes()); }
        public String getLanguages() { return String.join(", ", rule.when().languages()); }
        public List<Check> getSentiments() { return checks(Triage.Sentiment.values(), rule.when().sentiments(), "socialdesk.routing.sentiment."); }
        public List<Check> getUrgencies() { return checks(Triage.Urgency.values(), rule.when().urgencies(), "socialdesk.routing.urgency."); }
        public String getAuthors() { return String.join(", ", rule.when().authors()); }
        public String getMinFollowers() { return rule.when().minFollowers() == null ? "" : rule.when().minFollowers().toString(); }
        public String getMaxFollowers() { return rule.when().maxFollowers() == null ? "" : rule.when().maxFollowers().toString(); }
        public RouteView getRoute() { return new RouteView(rule.route()); }
    }

    /** A route's fields; labels separated by spaces. */
    public static final class RouteView {
        private final Route route;

        RouteView(Route route) {
            this.route = route;
        }

        public String getProject() { return route.project(); }
        public String getIssueType() { return text(route.issueType()); }
        public String getRequestType() { return text(route.requestType()); }
        public String getComponent() { return text(route.component()); }
        public String getPriority() { return text(route.priority()); }
        public String getLabels() { return String.join(" ", route.labels()); }
        public String getAssignee() { return text(route.assignee()); }

        private static String text(String s) {
            return s == null ? "" : s;
        }
    }

    /** A checkbox or option: its value, its label (as text, or an i18n key when {@code labelKey} is set), and whether it is on. */
    public static final class Check {
        private final String value;
        private final String label;
        private final String labelKey;
        private final boolean checked;

        Check(String value, String label, String labelKey, boolean checked) {
            this.value = value;
            this.label = label;
            this.labelKey = labelKey;
            this.checked = checked;
        }

        public String getValue() { return value; }
        public String getLabel() { return label; }
        public String getLabelKey() { return labelKey; }
        public boolean getHasLabelKey() { return !labelKey.isEmpty(); }
        public boolean getChecked() { return checked; }
    }
}
