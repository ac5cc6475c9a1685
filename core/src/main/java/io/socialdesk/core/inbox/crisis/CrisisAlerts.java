package io.socialdesk.core.inbox.crisis;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who is alerted when a crisis opens, besides the marketing leads (always told): the people an administrator lists on
 * the crisis page or through REST, kept by the host ({@link Store}), and any set in code ({@link CrisisSettings#alert()}).
 * Saving checks every entry is a user the host knows, once; the whole list is replaced.
 */
public final class CrisisAlerts {
    /** The most people on the list: an alert is for the few who act, not a mailing list. */
    public static final int MAX = 50;
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");

    /** Port: the saved list, replaced whole. */
    public interface Store {
        List<String> recipients();

        void replace(List<String> userKeys);
    }

    private final Store store;
    private final Predicate<String> userExists;

    /** {@code userExists}: whether the host has a user with that key (the server's users; Jira's user keys). */
    public CrisisAlerts(Store store, Predicate<String> userExists) {
        this.store = store;
        this.userExists = userExists;
    }

    /** Administrators change the list; marketing leads, who are alerted anyway, see it. */
    public static boolean mayRead(User user) {
        return user.has(Role.ADMIN) || user.has(Role.MARKETING_LEAD);
    }

    public List<String> recipients(User viewer) {
        if (!mayRead(viewer)) throw new NotAllowedException("Only administrators and marketing leads see who is alerted of a crisis.");
        return store.recipients();
    }

    /** Replaces the list; every problem names its entry ({@code recipients[2]}) and rule. */
    public List<String> save(List<String> userKeys, User by) {
        if (!by.has(Role.ADMIN)) throw new NotAllowedException("Only an administrator may change who is alerted of a crisis.");
        if (userKeys == null) throw new InvalidInputException("recipients", "required", "Give the list of user keys (it may be empty).");
        List<FieldProblem> problems = new ArrayList<>();
        if (userKeys.size() > MAX) {
            problems.add(new FieldProblem("recipients", "max-items", "At most " + MAX + " people are alerted of a crisis."));
        }
        Set<String> seen = new HashSet<>();
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < userKeys.size() && i < MAX + 1; i++) {
            String field = "recipients[" + i + "]";
            String key = userKeys.get(i) == null ? "" : userKeys.get(i).strip();
            if (key.isEmpty()) {
                problems.add(new FieldProblem(field, "required", "An entry is empty: give a user key or remove the line."));
            } else if (!KEY.matcher(key).matches()) {
                problems.add(new FieldProblem(field, "user-key", "\"" + key + "\" is not a user key (letters, digits and . _ @ + - only)."));
            } else if (!seen.add(key)) {
                problems.add(new FieldProblem(field, "unique", key + " is on the list twice."));
            } else if (!userExists.test(key)) {
                problems.add(new FieldProblem(field, "unknown-user", "There is no user " + key + "."));
            } else {
                kept.add(key);
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        store.replace(List.copyOf(kept));
        return store.recipients();
    }
}
