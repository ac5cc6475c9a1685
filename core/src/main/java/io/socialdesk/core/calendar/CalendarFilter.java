package io.socialdesk.core.calendar;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which posts a calendar shows: each set empty means "any"; a post must match every non-empty set (any of
 * its values). A filter that matches nothing is not an error: the calendar is empty and says so.
 */
public record CalendarFilter(Set<Network> networks, Set<Long> accountIds, Set<String> campaigns, Set<PostState> states,
        Set<String> authors, Set<Department> departments) {
    /** More values than this in one filter is not a person's filter; refused so the work stays bounded. */
    public static final int MAX_VALUES = 50;
    public static final CalendarFilter NONE = new CalendarFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public CalendarFilter {
        networks = networks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(networks));
        accountIds = Set.copyOf(accountIds);
        campaigns = Set.copyOf(campaigns);
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        authors = Set.copyOf(authors);
        departments = departments.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(departments));
    }

    public boolean isEmpty() {
        return networks.isEmpty() && accountIds.isEmpty() && campaigns.isEmpty() && states.isEmpty() && authors.isEmpty()
                && departments.isEmpty();
    }

    public boolean matches(CalendarEntry e) {
        return (networks.isEmpty() || e.networks().stream().anyMatch(networks::contains))
                && (accountIds.isEmpty() || e.accountIds().stream().anyMatch(accountIds::contains))
                && (campaigns.isEmpty() || campaigns.contains(e.campaign()))
                && (states.isEmpty() || states.contains(e.state()))
                && (authors.isEmpty() || authors.contains(e.authorKey()))
                && (departments.isEmpty() || e.departments().stream().anyMatch(departments::contains));
    }

    /**
     * Reads a filter as a page or a client sends it: each parameter repeated or comma-separated
     * ({@code network=X,BLUESKY}); refuses unknown networks, states and departments and non-numeric
     * account ids, naming the field and the rule.
     */
    public static CalendarFilter read(List<String> network, List<String> account, List<String> campaign, List<String> state,
            List<String> author, List<String> department) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Network> networks = values("network", network, problems, v -> Network.valueOf(v.toUpperCase(Locale.ROOT)),
                "known-network", "Unknown network '%s': use one of " + Arrays.toString(Network.values()));
        Set<Long> accounts = values("account", account, problems, v -> {
            long id = Long.parseLong(v);
            if (id < 1) throw new IllegalArgumentException();
            return id;
        }, "positive-integer", "An account id is a positive whole number, not '%s'");
        Set<String> campaigns = values("campaign", campaign, problems, v -> v, "", "");
        Set<PostState> states = values("state", state, problems, v -> PostState.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')),
                "known-state", "Unknown state '%s': use one of " + Arrays.toString(PostState.values()));
        Set<String> authors = values("author", author, problems, v -> v, "", "");
        Set<Department> departments = values("department", department, problems, v -> Department.valueOf(v.toUpperCase(Locale.ROOT)),
                "known-department", "Unknown department '%s': use one of " + Arrays.toString(Department.values()));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new CalendarFilter(networks, accounts, campaigns, states, authors, departments);
    }

    private static <T> Set<T> values(String field, List<String> raw, List<FieldProblem> problems, Function<String, T> parse, String rule,
            String message) {
        Set<T> values = new LinkedHashSet<>();
        if (raw == null) return values;
        List<String> parts = new ArrayList<>();
        for (String r : raw) {
            if (r == null) continue;
            for (String p : r.split(",")) if (!p.isBlank()) parts.add(p.strip());
        }
        if (parts.size() > MAX_VALUES) {
            problems.add(new FieldProblem(field, "max-values", "A filter takes at most " + MAX_VALUES + " values for " + field));
            return values;
        }
        for (String p : parts) {
            try {
                values.add(parse.apply(p));
            } catch (IllegalArgumentException e) {
                String shown = p.length() > 40 ? p.substring(0, 40) + "…" : p;
                problems.add(new FieldProblem(field, rule, String.format(message, shown)));
            }
        }
        return values;
    }
}
