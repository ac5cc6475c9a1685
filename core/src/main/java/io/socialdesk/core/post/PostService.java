package io.socialdesk.core.post;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Creates and reads posts. Every host calls this; none validates on its own. */
public final class PostService {
    public static final int MAX_TITLE_LENGTH = 255;
    /** The master text is not a network's limit (those are checked per network) but a guard on storage. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    private static final Set<Role> AUTHORS = EnumSet.of(Role.MARKETING_AUTHOR, Role.MARKETING_LEAD, Role.ADMIN);

    private final PostStore store;
    private final IssueTracker tracker;
    private final Clock clock;

    public PostService(PostStore store, IssueTracker tracker, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Checks every field, opens the tracked item, then stores the post as a draft. */
    public Post create(NewPost request, User author) {
        if (AUTHORS.stream().noneMatch(author::has)) {
            throw new NotAllowedException("Only marketing authors, marketing leads and admins create posts");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String title = requiredText("title", request.title(), MAX_TITLE_LENGTH, problems);
        String text = requiredText("text", request.text(), MAX_TEXT_LENGTH, problems);
        PlannedTime planned = plannedTime(request, problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        TrackedItem item = tracker.open(ItemKind.SOCIAL_POST, title, author);
        return store.create(item, title, text, planned, PostState.DRAFT, author.key(), clock.instant());
    }

    public Post get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("No post with id " + id));
    }

    public List<Post> list(PostQuery query) {
        return store.list(query);
    }

    private static String requiredText(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required", "The " + field + " is required"));
            return null;
        }
        if (!isWellFormed(value)) {
            problems.add(new FieldProblem(field, "malformed-unicode",
                    "The " + field + " contains a broken character (a lone UTF-16 surrogate or a NUL)"));
            return null;
        }
        String trimmed = field.equals("title") ? value.strip() : value;
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxLength) {
            problems.add(new FieldProblem(field, "max-length",
                    "The " + field + " has " + length + " characters; at most " + maxLength + " are allowed"));
            return null;
        }
        return trimmed;
    }

    /** Lone surrogates cannot be stored or sent to any network; NUL breaks PostgreSQL text columns. */
    static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static PlannedTime plannedTime(NewPost request, List<FieldProblem> problems) {
        ZoneId zone = null;
        if (request.zone() == null || request.zone().isBlank()) {
            problems.add(new FieldProblem("zone", "required", "The time zone is required, e.g. Europe/Paris"));
        } else {
            try {
                zone = ZoneId.of(request.zone().strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("zone", "iana-zone",
                        "The time zone must be an IANA zone id such as Europe/Paris"));
            }
        }
        LocalDateTime local = null;
        if (request.plannedAt() == null || request.plannedAt().isBlank()) {
            problems.add(new FieldProblem("plannedAt", "required", "The planned time is required, e.g. 2026-12-01T09:00"));
        } else {
            try {
                local = LocalDateTime.parse(request.plannedAt().strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("plannedAt", "local-date-time",
                        "The planned time must be a local date and time such as 2026-12-01T09:00"));
            }
        }
        if (zone == null || local == null) return null;
        PlannedTime planned = new PlannedTime(local, zone);
        if (planned.isInGap()) {
            problems.add(new FieldProblem("plannedAt", "nonexistent-local-time",
                    local + " does not exist in " + zone + ": the clocks skip that hour"));
            return null;
        }
        return planned;
    }
}
