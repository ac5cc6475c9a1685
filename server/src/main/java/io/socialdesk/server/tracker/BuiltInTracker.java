package io.socialdesk.server.tracker;

import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import io.socialdesk.store.ao.AoAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/**
 * The server's minimal issue tracker: numbered items ({@code SD-1}, {@code SD-2}, …) with a kind,
 * a summary and a reporter, each with its page at {@code /items/KEY}.
 */
public final class BuiltInTracker implements IssueTracker {
    /** The one project of the server: its policy is {@code /admin/policy/SD}. */
    public static final String PROJECT_KEY = "SD";
    public static final String KEY_PREFIX = PROJECT_KEY + "-";

    private final AoAccess ao;
    private final Clock clock;

    public BuiltInTracker(AoAccess ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /** An item as the tracker's pages show it. */
    public record Item(TrackedItem tracked, ItemKind kind, String summary, String reporter, Instant createdAt) {}

    @Override
    public TrackedItem open(ItemKind kind, String summary, User reporter) {
        TrackerItemEntity e = ao.create(TrackerItemEntity.class, Map.of(
                "KIND", kind.name(), "SUMMARY", summary, "REPORTER", reporter.key(), "CREATED_AT", Date.from(clock.instant())));
        return tracked(e.getID());
    }

    public Optional<Item> find(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) return Optional.empty();
        int id;
        try {
            id = Integer.parseInt(key.substring(KEY_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        TrackerItemEntity[] rows = ao.find(TrackerItemEntity.class, Query.select().where("ID = ?", id));
        return rows.length == 0 ? Optional.empty() : Optional.of(toItem(rows[0]));
    }

    public List<Item> list(ItemKind kind, int limit) {
        return Arrays.stream(ao.find(TrackerItemEntity.class,
                        Query.select().where("KIND = ?", kind.name()).order("ID DESC").limit(limit)))
                .map(BuiltInTracker::toItem)
                .toList();
    }

    private static TrackedItem tracked(int id) {
        String key = KEY_PREFIX + id;
        return new TrackedItem(id, key, "/items/" + key);
    }

    private static Item toItem(TrackerItemEntity e) {
        return new Item(tracked(e.getID()), ItemKind.valueOf(e.getKind()), e.getSummary(), e.getReporter(), e.getCreatedAt().toInstant());
    }
}
