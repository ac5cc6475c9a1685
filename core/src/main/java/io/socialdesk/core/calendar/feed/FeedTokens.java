package io.socialdesk.core.calendar.feed;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.secret.SecretTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import io.socialdesk.core.calendar.PublicHolidays;

/**
 * The iCalendar feeds a user subscribes to and the calendar filters they save. A feed is reached by a secret URL
 * (calendar clients send no login): the secret is made here, handed out once ({@link Issued}) and stored only as
 * its SHA-256 hash, so a database dump opens no feed. Rotating replaces the secret (the old URL stops at once);
 * revoking deletes the feed. The secret is never logged and never part of a {@link FeedToken}.
 */
public final class FeedTokens {
    /** Makes a leaked feed URL recognisable in logs and secret scanners. */
    public static final String PREFIX = "sdcal_";
    public static final int MAX_FEEDS_PER_USER = 20;
    public static final int MAX_FILTERS_PER_USER = 50;
    public static final int MAX_LABEL = 80;
    private static final int MAX_SECRET_LENGTH = 100;
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    private final CalendarFeedStore store;
    private final Clock clock;

    public FeedTokens(CalendarFeedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A feed and its secret, the one time the secret is known. {@link #toString()} leaves the secret out. */
    public record Issued(FeedToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[token=" + token + ", secret=(hidden)]";
        }
    }

    /**
     * A new feed of {@code kind} for {@code ownerKey}. {@code target}: a project key for {@link FeedKind#PROJECT}, a
     * saved filter id of the owner for {@link FeedKind#FILTER}, country codes ({@code FR,BE}: whose public holidays) or
     * nothing for {@link FeedKind#KEY_DATES};
     * ignored for {@link FeedKind#USER} (always the owner's own posts).
     */
    public Issued issue(String ownerKey, FeedKind kind, String target, String label) {
        if (kind == null) throw new InvalidInputException("kind", "known-kind", "Say what the feed lists: user, project, filter or key-dates");
        String resolved = target(ownerKey, kind, target);
        String name = label(kind, resolved, label);
        if (store.tokensOf(ownerKey).size() >= MAX_FEEDS_PER_USER) {
            throw new InvalidInputException("kind", "max-feeds",
                    "You have " + MAX_FEEDS_PER_USER + " calendar feeds, the most one person may have; revoke one first");
        }
        String secret = SecretTokens.newSecret(PREFIX);
        FeedToken token = store.addToken(ownerKey, kind, resolved, name, SecretTokens.hash(secret), clock.instant());
        return new Issued(token, secret);
    }

    /** A new secret for the owner's feed {@code id}; the old URL stops working at once. */
    public Issued rotate(String ownerKey, long id) {
        String secret = SecretTokens.newSecret(PREFIX);
        FeedToken token = store.replaceSecret(id, ownerKey, SecretTokens.hash(secret), clock.instant())
                .orElseThrow(() -> noFeed(id));
        return new Issued(token, secret);
    }

    public void revoke(String ownerKey, long id) {
        if (!store.deleteToken(id, ownerKey)) throw noFeed(id);
    }

    public List<FeedToken> feedsOf(String ownerKey) {
        return store.tokensOf(ownerKey);
    }

    /** The feed a presented secret opens; empty for anything else (unknown, revoked, rotated, malformed alike). */
    public Optional<FeedToken> resolve(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_SECRET_LENGTH) return Optional.empty();
        return store.findToken(SecretTokens.hash(secret));
    }

    public SavedFilter saveFilter(String ownerKey, String name, Map<String, List<String>> filters) {
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) problems.add(new FieldProblem("name", "required", "Name the filter"));
        else if (trimmed.length() > SavedFilter.MAX_NAME) {
            problems.add(new FieldProblem("name", "max-length", "A filter name has at most " + SavedFilter.MAX_NAME + " characters"));
        }
        Map<String, List<String>> clean = new LinkedHashMap<>();
        (filters == null ? Map.<String, List<String>>of() : filters).forEach((filter, values) -> {
            if (!SavedFilter.FILTERS.contains(filter)) {
                problems.add(new FieldProblem("filters." + filter, "known-filter",
                        "Unknown filter '" + filter + "'; the calendar filters by " + String.join(", ", SavedFilter.FILTERS)));
                return;
            }
            List<String> kept = new ArrayList<>();
            for (String value : values == null ? List.<String>of() : values) {
                String v = value == null ? "" : value.strip();
                if (v.isEmpty()) continue;
                if (v.length() > SavedFilter.MAX_VALUE_LENGTH) {
                    problems.add(new FieldProblem("filters." + filter, "max-length",
                            "A filter value has at most " + SavedFilter.MAX_VALUE_LENGTH + " characters"));
                } else if (!kept.contains(v)) kept.add(v);
            }
            if (kept.size() > SavedFilter.MAX_VALUES) {
                problems.add(new FieldProblem("filters." + filter, "max-values", "A filter has at most " + SavedFilter.MAX_VALUES + " values"));
            }
            if (!kept.isEmpty()) clean.put(filter, kept);
        });
        if (problems.isEmpty()) {
            try {
                SavedFilter.calendarFilter(clean);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem("filters." + p.field(), p.rule(), p.message())));
            }
        }
        if (problems.isEmpty() && clean.isEmpty()) {
            problems.add(new FieldProblem("filters", "required", "Choose at least one filter; a feed of everything is a project feed"));
        }
        if (problems.isEmpty() && store.filtersOf(ownerKey).size() >= MAX_FILTERS_PER_USER) {
            problems.add(new FieldProblem("name", "max-filters", "You have " + MAX_FILTERS_PER_USER + " saved filters; delete one first"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return store.addFilter(ownerKey, trimmed, clean, clock.instant());
    }

    public List<SavedFilter> filtersOf(String ownerKey) {
        return store.filtersOf(ownerKey);
    }

    /** The saved filter a feed lists; a feed whose filter was deleted is deleted with it, so this is rarely empty. */
    public Optional<SavedFilter> filter(long id) {
        return store.findFilter(id);
    }

    public void deleteFilter(String ownerKey, long id) {
        if (!store.deleteFilter(id, ownerKey)) throw new NotFoundException("You have no saved filter with id " + id);
    }

    private String target(String ownerKey, FeedKind kind, String target) {
        String given = target == null ? "" : target.strip();
        return switch (kind) {
            case USER -> ownerKey;
            case PROJECT -> projectKey(given, true);
            case KEY_DATES -> countries(given);
            case FILTER -> {
                long id;
                try {
                    id = Long.parseLong(given);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("target", "filter-id", "Give the id of one of your saved filters");
                }
                SavedFilter filter = store.findFilter(id).filter(f -> f.ownerKey().equals(ownerKey))
                        .orElseThrow(() -> new InvalidInputException("target", "own-filter", "You have no saved filter with id " + id));
                yield Long.toString(filter.id());
            }
        };
    }

    /** Public holidays of which countries a key-date feed carries: {@code FR,BE} (empty: none, only the other key dates). */
    private static String countries(String given) {
        List<String> codes = new ArrayList<>();
        for (String part : given.split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            String code = PublicHolidays.country(part).orElseThrow(() -> new InvalidInputException("target", "known-country",
                    "Public holidays are known for " + String.join(", ", PublicHolidays.COUNTRIES) + ", not '" + part + "'"));
            if (!codes.contains(code)) codes.add(code);
        }
        return String.join(",", codes);
    }

    private static String projectKey(String given, boolean required) {
        String key = given.toUpperCase(Locale.ROOT);
        if (key.isEmpty() && required) throw new InvalidInputException("target", "required", "Name the project, e.g. MKT");
        if (!PROJECT_KEY.matcher(key).matches()) {
            throw new InvalidInputException("target", "project-key", "A project key is a letter then letters, digits or _, e.g. MKT");
        }
        return key;
    }

    private static String label(FeedKind kind, String target, String label) {
        String given = label == null ? "" : label.strip();
        if (given.length() > MAX_LABEL) {
            throw new InvalidInputException("label", "max-length", "A feed label has at most " + MAX_LABEL + " characters");
        }
        if (!given.isEmpty()) return given;
        return switch (kind) {
            case USER -> "My posts";
            case PROJECT -> target + " posts";
            case FILTER -> "Saved filter " + target;
            case KEY_DATES -> target.isEmpty() ? "Key dates" : "Key dates (" + target + ")";
        };
    }

    private static NotFoundException noFeed(long id) {
        return new NotFoundException("You have no calendar feed with id " + id);
    }
}
