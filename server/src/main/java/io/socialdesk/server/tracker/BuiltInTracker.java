package io.socialdesk.server.tracker;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.inbox.AoTicketKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.java.ao.Query;

/**
 * The server's minimal issue tracker: numbered items with a kind, a summary and a reporter, each with its page at
 * {@code /items/KEY}. Posts and account tickets are in the server's one project ({@code SD-1}, {@code SD-2}, …); the
 * social inbox's tickets are in department queues, the queue being what a project is in Jira: {@code SUPPORT-12},
 * {@code LEGAL-15} (the number is the item's, unique across queues). A ticket is opened once per key (its
 * key, in the same transaction as the ticket: {@link AoTicketKeys}), commented once per key, resolved and reopened on
 * its page.
 */
public final class BuiltInTracker implements IssueTracker, TicketTracker, io.socialdesk.core.tracker.TicketRedaction {
    /** The one project of the server: its policy is {@code /admin/policy/SD}. */
    public static final String PROJECT_KEY = "SD";
    public static final String KEY_PREFIX = PROJECT_KEY + "-";
    /** The departments of the shipped routes, listed on the queue page even while empty. */
    public static final List<String> DEPARTMENTS = List.of("SUPPORT", "LEGAL", "HR", "SALES", "COMMUNITY");

    private final AoAccess ao;
    private final AoTicketKeys keys;
    private final Clock clock;

    public BuiltInTracker(AoAccess ao, Clock clock) {
        this.ao = ao;
        this.keys = new AoTicketKeys(ao);
        this.clock = clock;
    }

    /**
     * An item as the tracker's pages show it; {@code queue} is {@value #PROJECT_KEY} for items outside the inbox's
     * queues, {@code resolvedAt} null while open, {@code followsKey} the ticket it follows.
     */
    public record Item(TrackedItem tracked, ItemKind kind, String summary, String reporter, Instant createdAt, String queue, String description,
            String issueType, String component, String priority, List<String> labels, String assignee, Instant resolvedAt, String followsKey) {
        public Item(TrackedItem tracked, ItemKind kind, String summary, String reporter, Instant createdAt) {
            this(tracked, kind, summary, reporter, createdAt, PROJECT_KEY, "", null, null, null, List.of(), null, null, null);
        }

        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /** A comment as the item's page shows it. */
    public record Comment(String author, String text, Instant at) {}

    @Override
    public TrackedItem open(ItemKind kind, String summary, User reporter) {
        TrackerItemEntity e = ao.create(TrackerItemEntity.class, Map.of(
                "KIND", kind.name(), "SUMMARY", summary, "REPORTER", reporter.key(), "CREATED_AT", Date.from(clock.instant())));
        return tracked(e);
    }

    // ---------------------------------------------------------------------------------------------- the inbox's tickets

    @Override
    public Optional<TrackedItem> find(String externalKey) {
        return keys.find(externalKey).map(AoTicketKeys.Recorded::ticket);
    }

    @Override
    public TrackedItem open(Ticket ticket) {
        return ao.inTransaction(() -> {
            Optional<TrackedItem> existing = find(ticket.externalKey());
            if (existing.isPresent()) return existing.get();
            TrackedItem opened = create(ticket);
            keys.record(ticket.externalKey(), opened, clock.instant());
            return opened;
        });
    }

    private TrackedItem create(Ticket ticket) {
        Map<String, Object> values = columns(ticket, clock.instant());
        values.values().removeIf(java.util.Objects::isNull);
        return tracked(ao.create(TrackerItemEntity.class, values));
    }

    /** An inbox ticket's columns (null where empty), as this tracker and the server's batched inbox writes insert it. */
    static Map<String, Object> columns(Ticket ticket, Instant at) {
        Route route = ticket.route();
        Map<String, Object> values = new HashMap<>();
        values.put("KIND", ItemKind.MENTION.name());
        values.put("SUMMARY", cut(ticket.summary()));
        values.put("REPORTER", ticket.reporter().key());
        values.put("CREATED_AT", Date.from(at));
        values.put("QUEUE", queue(route.project()));
        values.put("DESCRIPTION", ticket.description());
        values.put("ISSUE_TYPE", cut(route.issueType()));
        values.put("COMPONENT", cut(route.component()));
        values.put("PRIORITY", cut(route.priority()));
        values.put("LABELS", route.labels().isEmpty() ? null : cut(String.join(" ", route.labels())));
        values.put("ASSIGNEE", cut(route.assignee()));
        return values;
    }

    @Override
    public void comment(TrackedItem ticket, String key, String text) {
        String commentKey = commentKey(ticket, key);
        if (ao.count(TrackerCommentEntity.class, Query.select().where("COMMENT_KEY = ?", commentKey)) > 0) return;
        ao.create(TrackerCommentEntity.class, Map.of("ITEM_ID", ticket.id(), "COMMENT_KEY", commentKey, "AUTHOR", "socialdesk",
                "TEXT", text, "CREATED_AT", Date.from(clock.instant())));
    }

    @Override
    public TicketStatus status(TrackedItem ticket) {
        TrackerItemEntity row = row(ticket.id());
        return row == null || row.getResolvedAt() == null ? TicketStatus.OPEN : TicketStatus.resolvedAt(row.getResolvedAt().toInstant());
    }

    @Override
    public void reopen(TrackedItem ticket, String why) {
        TrackerItemEntity row = row(ticket.id());
        if (row == null || row.getResolvedAt() == null) return;
        row.setResolvedAt(null);
        row.save();
        note(ticket, "socialdesk", why);
    }

    @Override
    public void link(TrackedItem ticket, TrackedItem earlier) {
        TrackerItemEntity row = row(ticket.id());
        if (row != null && row.getFollowsKey() == null) {
            row.setFollowsKey(earlier.key());
            row.save();
        }
    }

    /** Forgetting a person: their words leave the ticket's summary, description and comments (found by key), in one transaction. */
    @Override
    public void redact(TrackedItem ticket, boolean summaryAndDescription, Map<String, String> comments, String placeholder) {
        ao.inTransaction(() -> {
            TrackerItemEntity row = row(ticket.id());
            if (row == null) return null;
            if (summaryAndDescription) {
                row.setSummary(cut(placeholder));
                row.setDescription(placeholder);
                row.save();
            }
            for (String key : comments.keySet()) {
                boolean prefix = key.endsWith("/");
                String wanted = commentKey(ticket, key);
                Query query = prefix ? Query.select().where("ITEM_ID = ?", ticket.id()) : Query.select().where("COMMENT_KEY = ?", wanted);
                for (TrackerCommentEntity c : ao.find(TrackerCommentEntity.class, query)) {
                    if (prefix && !c.getCommentKey().startsWith(wanted)) continue;
                    c.setText(placeholder);
                    c.save();
                }
            }
            return null;
        });
    }

    /** Forgetting a person: their handle leaves the comments Social Desk wrote (author {@code socialdesk}), in one transaction. */
    @Override
    public void forgetNames(TrackedItem ticket, java.util.Set<String> names, String replacement) {
        ao.inTransaction(() -> rewriteOwnComments(ticket.id(), text -> io.socialdesk.core.tracker.TicketRedaction.withoutNames(text, names, replacement)));
    }

    /** Forgetting a person: their mentions' links leave the crisis tickets' descriptions and Social Desk's comments on them, in one transaction. */
    @Override
    public int forgetCrisisMentions(java.util.Set<String> mentions, String replacement) {
        if (mentions.isEmpty()) return 0;
        return ao.inTransaction(() -> {
            int changed = 0;
            for (TrackedItem crisis : keys.ticketsStartingWith(io.socialdesk.core.inbox.crisis.TicketCrisisDesk.KEY_PREFIX)) {
                boolean touched = false;
                TrackerItemEntity row = row(crisis.id());
                if (row == null) continue;
                String description = io.socialdesk.core.tracker.TicketRedaction.withoutMentions(row.getDescription(), mentions, replacement);
                if (description != null && !description.equals(row.getDescription())) {
                    row.setDescription(description);
                    row.save();
                    touched = true;
                }
                if (rewriteOwnComments(crisis.id(), text -> io.socialdesk.core.tracker.TicketRedaction.withoutMentions(text, mentions, replacement))
                        || touched) changed++;
            }
            return changed;
        });
    }

    /** Rewrites the comments Social Desk wrote (author {@code socialdesk}) on an item that {@code change} changes; whether any did. */
    private boolean rewriteOwnComments(long itemId, java.util.function.UnaryOperator<String> change) {
        boolean any = false;
        for (TrackerCommentEntity c : ao.find(TrackerCommentEntity.class, Query.select().where("ITEM_ID = ? AND AUTHOR = ?", itemId, "socialdesk"))) {
            String text = change.apply(c.getText());
            if (!text.equals(c.getText())) {
                c.setText(text);
                c.save();
                any = true;
            }
        }
        return any;
    }

    /** A page's tickets commit together: one transaction (one write to disk) instead of one per call. */
    @Override
    public <T> T together(Supplier<T> work) {
        return ao.inTransaction(work);
    }

    /** A person resolved the ticket (from its page). */
    public void resolve(TrackedItem ticket, String by) {
        TrackerItemEntity row = row(ticket.id());
        if (row == null || row.getResolvedAt() != null) return;
        row.setResolvedAt(Date.from(clock.instant()));
        row.save();
        note(ticket, by, "Resolved.");
    }

    /** A person reopened the ticket (from its page). */
    public void reopenBy(TrackedItem ticket, String by) {
        TrackerItemEntity row = row(ticket.id());
        if (row == null || row.getResolvedAt() == null) return;
        row.setResolvedAt(null);
        row.save();
        note(ticket, by, "Reopened.");
    }

    /** A note on the item's activity (not one of the conversation's messages). */
    private void note(TrackedItem ticket, String by, String text) {
        ao.create(TrackerCommentEntity.class, Map.of("ITEM_ID", ticket.id(), "COMMENT_KEY", ticket.id() + "|note:" + UUID.randomUUID(), "AUTHOR", by,
                "TEXT", text, "CREATED_AT", Date.from(clock.instant())));
    }

    /** The item's comments, oldest first. */
    public List<Comment> comments(TrackedItem item, boolean notesOnly, int limit) {
        String where = notesOnly ? "ITEM_ID = ? AND COMMENT_KEY LIKE ?" : "ITEM_ID = ?";
        Object[] parameters = notesOnly ? new Object[] {item.id(), item.id() + "|note:%"} : new Object[] {item.id()};
        return Arrays.stream(ao.find(TrackerCommentEntity.class, Query.select().where(where, parameters).order("ID ASC").limit(limit)))
                .map(c -> new Comment(c.getAuthor(), c.getText(), c.getCreatedAt().toInstant())).toList();
    }

    // --------------------------------------------------------------------------------------------------------- reading

    /** The item with this key ({@code SD-3}, {@code SUPPORT-12}), as its page shows it. */
    public Optional<Item> item(String key) {
        return parse(key).map(this::row).filter(row -> queueOf(row).equals(key.substring(0, key.lastIndexOf('-')))).map(BuiltInTracker::toItem);
    }

    public List<Item> list(ItemKind kind, int limit) {
        return Arrays.stream(ao.find(TrackerItemEntity.class,
                        Query.select().where("KIND = ?", kind.name()).order("ID DESC").limit(limit)))
                .map(BuiltInTracker::toItem)
                .toList();
    }

    /** A queue's tickets, open ones first then resolved, newest first in each. */
    public List<Item> queue(String queue, int limit) {
        List<Item> out = new ArrayList<>();
        for (String state : List.of("RESOLVED_AT IS NULL", "RESOLVED_AT IS NOT NULL")) {
            if (out.size() >= limit) break;
            Arrays.stream(ao.find(TrackerItemEntity.class, Query.select().where("QUEUE = ? AND " + state, queue).order("ID DESC")
                    .limit(limit - out.size()))).map(BuiltInTracker::toItem).forEach(out::add);
        }
        return out;
    }

    /** How many open tickets each queue holds: the shipped departments, then any other queue a route named lately. */
    public Map<String, Integer> openByQueue() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<String> queues = new ArrayList<>(DEPARTMENTS);
        for (TrackerItemEntity row : ao.find(TrackerItemEntity.class, Query.select("ID, QUEUE").where("QUEUE IS NOT NULL").order("ID DESC").limit(500))) {
            if (!queues.contains(row.getQueue())) queues.add(row.getQueue());
        }
        for (String queue : queues) {
            counts.put(queue, ao.count(TrackerItemEntity.class, Query.select().where("QUEUE = ? AND RESOLVED_AT IS NULL", queue)));
        }
        return counts;
    }

    /** A queue's name as keys use it: letters and digits in capitals (a route's project, "support" → "SUPPORT"). */
    public static String queue(String project) {
        String name = project == null ? "" : project.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) name = "Q" + name;
        return name.length() > 20 ? name.substring(0, 20) : name;
    }

    private static Optional<Integer> parse(String key) {
        if (key == null) return Optional.empty();
        int dash = key.lastIndexOf('-');
        if (dash <= 0) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(key.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private TrackerItemEntity row(long id) {
        TrackerItemEntity[] rows = ao.find(TrackerItemEntity.class, Query.select().where("ID = ?", id));
        return rows.length == 0 ? null : rows[0];
    }

    private TrackerItemEntity row(int id) {
        return row((long) id);
    }

    private static String queueOf(TrackerItemEntity e) {
        return e.getQueue() == null ? PROJECT_KEY : e.getQueue();
    }

    private static TrackedItem tracked(TrackerItemEntity e) {
        return tracked(queueOf(e), e.getID());
    }

    /** The item {@code id} of {@code queue} as the inbox records it: its key and page. */
    static TrackedItem tracked(String queue, long id) {
        String key = queue + "-" + id;
        return new TrackedItem(id, key, "/items/" + key);
    }

    private static Item toItem(TrackerItemEntity e) {
        return new Item(tracked(e), ItemKind.valueOf(e.getKind()), e.getSummary(), e.getReporter(), e.getCreatedAt().toInstant(), queueOf(e),
                e.getDescription() == null ? "" : e.getDescription(), e.getIssueType(), e.getComponent(), e.getPriority(),
                e.getLabels() == null ? List.of() : List.of(e.getLabels().split(" ")), e.getAssignee(),
                e.getResolvedAt() == null ? null : e.getResolvedAt().toInstant(), e.getFollowsKey());
    }

    private static String cut(String text) {
        if (text == null) return null;
        return text.length() <= 255 ? text : text.substring(0, Character.isHighSurrogate(text.charAt(254)) ? 254 : 255);
    }

    /** One comment per ticket and key; a long key is hashed to fit the unique column. */
    static String commentKey(TrackedItem ticket, String key) {
        String full = ticket.id() + "|" + key;
        if (full.length() <= 255) return full;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return ticket.id() + "|#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
