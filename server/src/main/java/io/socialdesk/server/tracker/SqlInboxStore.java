package io.socialdesk.server.tracker;

import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Conversation;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.inbox.PageFiling;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.server.db.Database;
import io.socialdesk.store.ao.StoreException;
import io.socialdesk.store.inbox.AoInboxStore;
import io.socialdesk.store.inbox.ConversationEntity;
import io.socialdesk.store.inbox.InboxItemEntity;
import io.socialdesk.store.inbox.TicketKeyEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The server's inbox store: {@link AoInboxStore} for everything, except what a page writes, which goes through plain JDBC
 * batches in the store's transaction ({@link PageFiling}): one batched {@code INSERT} per table for the page's new items,
 * new conversations, their tickets, the tickets' keys and the comments of replies, after (on a retry) one look-up per
 * table of the page's keys ({@code IN} lists). One transaction at a time per node; the pages that come meanwhile are
 * written together in the next one (a group commit). Active Objects costs a statement (and an entity object) per row;
 * a page of 500 new conversations was some 6,000 statements, now about ten. Jira keeps {@link AoInboxStore}: its issues are
 * not in our database.
 *
 * <p>Exactly once, as {@link AoInboxStore#add}: keys found stored are left out; the unique columns ({@code ITEM_KEY},
 * {@code CONVERSATION_KEY}, the ticket's {@code EXTERNAL_KEY}, {@code COMMENT_KEY}) refuse a second insert by another node,
 * which rolls the whole page back; it then runs again and sees those keys as stored. A ticket is opened only for a
 * conversation inserted by this very transaction, so nothing else can be filing it.
 */
public final class SqlInboxStore implements InboxStore, PageFiling {
    private static final int IN_CHUNK = 500;
    /** Tries of a page written alone: with several nodes storing the same threads at once, each try may meet another's insert. */
    private static final int ATTEMPTS = 8;
    /** At most this many items in one group commit (a page alone may be larger). */
    private static final int GROUP_ITEMS = 2000;

    private static final Map<String, Integer> ITEM = columns("ITEM_KEY", Types.VARCHAR, "ACCOUNT_ID", Types.BIGINT, "NETWORK", Types.VARCHAR,
            "STREAM", Types.VARCHAR, "EXTERNAL_ID", Types.VARCHAR, "KIND", Types.VARCHAR, "TEXT", Types.VARCHAR, "CREATED_AT", Types.TIMESTAMP,
            "AUTHOR_ID", Types.VARCHAR, "AUTHOR_HANDLE", Types.VARCHAR, "AUTHOR_NAME", Types.VARCHAR, "AUTHOR_FOLLOWERS", Types.BIGINT,
            "AUTHOR_URL", Types.VARCHAR, "URL", Types.VARCHAR, "PARENT_ID", Types.VARCHAR, "ROOT_ID", Types.VARCHAR, "LANGUAGE", Types.VARCHAR,
            "TRIAGE_LANGUAGE", Types.VARCHAR, "SENTIMENT", Types.DOUBLE, "URGENCY", Types.VARCHAR, "SPAM", Types.DOUBLE,
            "ROUTE_PROJECT", Types.VARCHAR, "ROUTE", Types.VARCHAR, "ROUTE_RULE", Types.VARCHAR, "ROUTE_WHY", Types.VARCHAR,
            "CONVERSATION_KEY", Types.VARCHAR, "SOURCE", Types.VARCHAR, "IMPORTED_AT", Types.TIMESTAMP, "STATE", Types.VARCHAR,
            "TICKET_ID", Types.BIGINT, "TICKET_KEY", Types.VARCHAR, "TICKET_URL", Types.VARCHAR, "FILED_AT", Types.TIMESTAMP);
    private static final Map<String, Integer> CONVERSATION = columns("CONVERSATION_KEY", Types.VARCHAR, "ACCOUNT_ID", Types.BIGINT,
            "NETWORK", Types.VARCHAR, "STREAM", Types.VARCHAR, "ROOT_ID", Types.VARCHAR, "DIGEST", Types.BOOLEAN, "ROUTE_PROJECT", Types.VARCHAR,
            "ROUTE", Types.VARCHAR, "GENERATION", Types.INTEGER, "FILINGS", Types.INTEGER, "OPENED_AT", Types.TIMESTAMP,
            "UPDATED_AT", Types.TIMESTAMP, "TICKET_ID", Types.BIGINT, "TICKET_KEY", Types.VARCHAR, "TICKET_URL", Types.VARCHAR);
    private static final Map<String, Integer> TICKET = columns("KIND", Types.VARCHAR, "SUMMARY", Types.VARCHAR, "REPORTER", Types.VARCHAR,
            "CREATED_AT", Types.TIMESTAMP, "QUEUE", Types.VARCHAR, "DESCRIPTION", Types.VARCHAR, "ISSUE_TYPE", Types.VARCHAR,
            "COMPONENT", Types.VARCHAR, "PRIORITY", Types.VARCHAR, "LABELS", Types.VARCHAR, "ASSIGNEE", Types.VARCHAR);
    private static final Map<String, Integer> KEY = columns("EXTERNAL_KEY", Types.VARCHAR, "ITEM_ID", Types.BIGINT, "ITEM_KEY", Types.VARCHAR,
            "ITEM_URL", Types.VARCHAR, "RESERVED_AT", Types.TIMESTAMP);
    private static final Map<String, Integer> COMMENT = columns("ITEM_ID", Types.BIGINT, "COMMENT_KEY", Types.VARCHAR, "AUTHOR", Types.VARCHAR,
            "TEXT", Types.VARCHAR, "CREATED_AT", Types.TIMESTAMP);

    private final Database database;
    /** Pages waiting to be written (the monitor of the group commit), and whether a thread is writing a group now. */
    private final java.util.ArrayDeque<PageWrite> queue = new java.util.ArrayDeque<>();
    private boolean writing;
    private final AoInboxStore ao;
    private final String items;
    private final String conversations;
    private final String trackerItems;
    private final String ticketKeys;
    private final String comments;

    public SqlInboxStore(Database database) {
        this.database = database;
        this.ao = new AoInboxStore(database.ao());
        this.items = database.tableName(InboxItemEntity.class);
        this.conversations = database.tableName(ConversationEntity.class);
        this.trackerItems = database.tableName(TrackerItemEntity.class);
        this.ticketKeys = database.tableName(TicketKeyEntity.class);
        this.comments = database.tableName(TrackerCommentEntity.class);
    }

    // ------------------------------------------------------------------------------------------------ the page's writes

    @Override
    public List<InboxItem> add(List<InboxItem> items, List<Conversation> conversations) {
        return addAndOpen(items, conversations, Map.of(), Map.of());
    }

    /** A page waiting to be written, and what came of it. */
    private static final class PageWrite {
        final List<InboxItem> page;
        final List<Conversation> conversations;
        final Map<String, Opening> openings;
        final Map<String, String> replies;
        final Runnable withPage;
        List<InboxItem> added;
        RuntimeException failed;
        boolean done;

        PageWrite(List<InboxItem> page, List<Conversation> conversations, Map<String, Opening> openings, Map<String, String> replies,
                Runnable withPage) {
            this.page = page;
            this.conversations = conversations;
            this.openings = openings;
            this.replies = replies;
            this.withPage = withPage;
        }
    }

    /**
     * Pages are written one transaction at a time on this node, and the pages that came meanwhile (webhook requests at once,
     * the job) are written together in the next one: one commit, one write to disk, for all of them (a group commit, as the
     * publishing engine's {@code BatchedCommits}). Concurrent transactions would only wait on each other's row locks and
     * unique keys, and retry. Should a group fail, each of its pages is written on its own. Not to be called inside a
     * transaction of the caller's: the pages of others would be committed with it.
     */
    @Override
    public List<InboxItem> addAndOpen(List<InboxItem> page, List<Conversation> newConversations, Map<String, Opening> openings,
            Map<String, String> replies, Runnable withPage) {
        PageWrite mine = new PageWrite(page, newConversations, openings, replies, withPage);
        synchronized (queue) {
            queue.add(mine);
        }
        while (true) {
            List<PageWrite> group = new ArrayList<>();
            synchronized (queue) {
                while (!mine.done && (writing || queue.isEmpty())) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StoreException("Interrupted while waiting to store a page of inbox items", e);
                    }
                }
                if (mine.done) {
                    if (mine.failed != null) throw mine.failed;
                    return mine.added;
                }
                writing = true;
                int items = 0;
                while (!queue.isEmpty() && (group.isEmpty() || items + queue.peek().page.size() <= GROUP_ITEMS)) {
                    PageWrite next = queue.poll();
                    items += next.page.size();
                    group.add(next);
                }
            }
            try {
                writeGroup(group);
            } finally {
                synchronized (queue) {
                    for (PageWrite w : group) {
                        if (w.added == null && w.failed == null) w.failed = new StoreException("A page of inbox items was not stored", null);
                        w.done = true;
                    }
                    writing = false;
                    queue.notifyAll();
                }
            }
        }
    }

    private void writeGroup(List<PageWrite> group) {
        if (group.size() > 1) {
            try {
                List<List<InboxItem>> added = database.ao().inTransaction(() -> {
                    try (Connection c = database.connection()) {
                        List<List<InboxItem>> out = new ArrayList<>();
                        for (PageWrite w : group) {
                            out.add(write(c, w.page, w.conversations, w.openings, w.replies, false));
                            w.withPage.run();
                        }
                        return out;
                    } catch (SQLException e) {
                        throw new StoreException("Could not store " + group.size() + " pages of inbox items", e);
                    }
                });
                for (int i = 0; i < group.size(); i++) group.get(i).added = added.get(i);
                return;
            } catch (RuntimeException e) {
                // Two of the pages shared a key, or another node stored one first: each on its own, looking the keys up.
            }
        }
        for (PageWrite w : group) {
            try {
                w.added = writeAlone(w, group.size() == 1);
            } catch (RuntimeException e) {
                w.failed = e;
            }
        }
    }

    private List<InboxItem> writeAlone(PageWrite w, boolean trustFirst) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // The first attempt trusts the caller, who looked the keys up just before (InboxImport does): should another writer
            // have stored one since, a unique key refuses the insert, the page rolls back and the next attempts look them up.
            boolean lookUp = attempt > 1 || !trustFirst;
            try {
                return database.ao().inTransaction(() -> {
                    try (Connection c = database.connection()) {
                        List<InboxItem> added = write(c, w.page, w.conversations, w.openings, w.replies, lookUp);
                        w.withPage.run();
                        return added;
                    } catch (SQLException e) {
                        throw new StoreException("Could not store a page of " + w.page.size() + " inbox items", e);
                    }
                });
            } catch (RuntimeException e) {
                // Most likely another node stored one of these keys first: the next attempt sees it as stored. A random pause,
                // growing, so that writers that met on one key do not meet again on the next one.
                last = e;
                if (attempt < ATTEMPTS && !pause(attempt)) break;
            }
        }
        throw last;
    }

    /** Up to 2^attempt milliseconds, at random; false when interrupted (the host is stopping). */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << Math.min(attempt, 10)) + 1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<InboxItem> write(Connection c, List<InboxItem> page, List<Conversation> newConversations, Map<String, Opening> openings,
            Map<String, String> replies, boolean lookUp) throws SQLException {
        Set<String> stored = lookUp ? existing(c, items, "ITEM_KEY", page.stream().map(InboxItem::key).toList()) : new HashSet<>();
        List<InboxItem> fresh = new ArrayList<>();
        for (InboxItem item : page) {
            if (stored.add(item.key())) fresh.add(item);
        }
        Set<String> known = lookUp ? existing(c, conversations, "CONVERSATION_KEY", newConversations.stream().map(Conversation::key).toList())
                : new HashSet<>();
        List<Conversation> freshConversations = new ArrayList<>();
        for (Conversation conversation : newConversations) {
            if (known.add(conversation.key())) freshConversations.add(conversation);
        }
        Set<String> freshKeys = fresh.stream().map(InboxItem::key).collect(Collectors.toSet());

        // The tickets of the conversations stored now whose first item is stored now too.
        List<Conversation> opened = new ArrayList<>();
        List<Map<String, Object>> ticketRows = new ArrayList<>();
        for (Conversation conversation : freshConversations) {
            Opening opening = openings.get(conversation.key());
            if (opening == null || !freshKeys.contains(opening.openerKey())) continue;
            Instant at = openedAt(fresh, opening.openerKey());
            opened.add(conversation);
            ticketRows.add(BuiltInTracker.columns(opening.ticket(), at));
        }
        List<Long> ticketIds = insert(c, trackerItems, TICKET, ticketRows, true);
        Map<String, TrackedItem> ticketOf = new HashMap<>();
        List<Map<String, Object>> keyRows = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            Conversation conversation = opened.get(i);
            TrackedItem ticket = BuiltInTracker.tracked((String) ticketRows.get(i).get("QUEUE"), ticketIds.get(i));
            ticketOf.put(conversation.key(), ticket);
            Map<String, Object> key = new HashMap<>();
            key.put("EXTERNAL_KEY", openings.get(conversation.key()).ticket().externalKey());
            key.put("ITEM_ID", ticket.id());
            key.put("ITEM_KEY", ticket.key());
            key.put("ITEM_URL", ticket.url());
            key.put("RESERVED_AT", ticketRows.get(i).get("CREATED_AT"));
            keyRows.add(key);
        }
        insert(c, ticketKeys, KEY, keyRows, false);

        List<Map<String, Object>> conversationRows = new ArrayList<>();
        for (Conversation conversation : freshConversations) {
            Map<String, Object> row = AoInboxStore.columns(conversation);
            ticketColumns(row, ticketOf.get(conversation.key()));
            conversationRows.add(row);
        }
        insert(c, conversations, CONVERSATION, conversationRows, false);

        Set<String> newKeys = freshConversations.stream().map(Conversation::key).collect(Collectors.toSet());
        Map<String, TrackedItem> repliedTo = repliedTo(c, fresh.stream().filter(i -> replies.containsKey(i.key()) && !newKeys.contains(i.conversationKey()))
                .map(InboxItem::conversationKey).collect(Collectors.toCollection(LinkedHashSet::new)));

        // Items in the page's order, so that their ids are the order they came in; those of an opened ticket filed on it.
        List<Map<String, Object>> itemRows = new ArrayList<>();
        List<Map<String, Object>> commentRows = new ArrayList<>();
        List<TrackedItem> filedOn = new ArrayList<>();
        for (InboxItem item : fresh) {
            Map<String, Object> row = AoInboxStore.columns(item);
            TrackedItem ticket = ticketOf.get(item.conversationKey());
            Opening opening = ticket == null ? null : openings.get(item.conversationKey());
            String comment = opening == null ? null : opening.comments().get(item.key());
            boolean filed = opening != null && (item.key().equals(opening.openerKey()) || comment != null);
            if (ticket == null && repliedTo.containsKey(item.conversationKey())) {
                ticket = repliedTo.get(item.conversationKey());
                comment = replies.get(item.key());
                filed = comment != null;
            }
            if (filed) {
                row.put("STATE", AoInboxStore.FILED);
                ticketColumns(row, ticket);
                row.put("FILED_AT", Date.from(item.importedAt()));
                if (comment != null) {
                    Map<String, Object> commentRow = new HashMap<>();
                    commentRow.put("ITEM_ID", ticket.id());
                    commentRow.put("COMMENT_KEY", BuiltInTracker.commentKey(ticket, item.key()));
                    commentRow.put("AUTHOR", "socialdesk");
                    commentRow.put("TEXT", comment);
                    commentRow.put("CREATED_AT", Date.from(item.importedAt()));
                    commentRows.add(commentRow);
                }
            }
            filedOn.add(filed ? ticket : null);
            itemRows.add(row);
        }
        // The items' ids come back with their batch: no query by key afterwards.
        List<Long> ids = insert(c, items, ITEM, itemRows, true);
        insert(c, comments, COMMENT, commentRows, false);

        List<InboxItem> added = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            InboxItem item = fresh.get(i);
            TrackedItem ticket = filedOn.get(i);
            long id = ids.get(i);
            added.add(ticket == null ? AoInboxStore.withId(item, id)
                    : new InboxItem(id, item.key(), item.accountId(), item.inbound(), item.triage(), item.routed(), item.conversationKey(),
                            item.source(), item.importedAt(), null, ticket, item.importedAt()));
        }
        return added;
    }

    /**
     * The tickets that replies to these stored conversations may be filed on now: the conversations' rows are locked first
     * (as {@link AoInboxStore#exclusively} does, so that no one else files them or moves them to a next ticket meanwhile);
     * left out are digests, conversations without ticket, with items still waiting (they go first, in order) and those
     * whose ticket is resolved (the usual filing reopens it or opens the next one).
     */
    private Map<String, TrackedItem> repliedTo(Connection c, Collection<String> keys) throws SQLException {
        if (keys.isEmpty()) return Map.of();
        forEachChunk(c, "UPDATE \"" + conversations + "\" SET \"FILINGS\" = \"FILINGS\" + 1 WHERE \"CONVERSATION_KEY\" IN ", keys, null);
        Map<String, TrackedItem> out = new HashMap<>();
        // Filtered here, not in SQL: given "TICKET_KEY IS NOT NULL", HSQLDB walked the ticket key's index (every conversation
        // with a ticket, a cost growing with the inbox) instead of the unique key's.
        forEachChunk(c, "SELECT \"CONVERSATION_KEY\", \"TICKET_ID\", \"TICKET_KEY\", \"TICKET_URL\", \"DIGEST\" FROM \"" + conversations
                + "\" WHERE \"CONVERSATION_KEY\" IN ", keys, rs -> {
                    if (rs.getString(3) != null && !rs.getBoolean(5)) {
                        out.put(rs.getString(1), new TrackedItem(rs.getLong(2), rs.getString(3), rs.getString(4) == null ? "" : rs.getString(4)));
                    }
                });
        if (out.isEmpty()) return out;
        forEachChunk(c, "SELECT DISTINCT \"CONVERSATION_KEY\" FROM \"" + items + "\" WHERE \"STATE\" = 'WAITING' AND \"CONVERSATION_KEY\" IN ",
                out.keySet(), rs -> out.remove(rs.getString(1)));
        Map<Long, List<String>> byTicket = new HashMap<>();
        out.forEach((key, ticket) -> byTicket.computeIfAbsent(ticket.id(), id -> new ArrayList<>()).add(key));
        forEachChunk(c, "SELECT \"ID\", \"RESOLVED_AT\" FROM \"" + trackerItems + "\" WHERE \"ID\" IN ", byTicket.keySet(), rs -> {
            if (rs.getTimestamp(2) != null) byTicket.getOrDefault(rs.getLong(1), List.of()).forEach(out::remove);
        });
        return out;
    }

    private static Instant openedAt(List<InboxItem> fresh, String openerKey) {
        for (InboxItem item : fresh) {
            if (item.key().equals(openerKey)) return item.importedAt();
        }
        throw new IllegalStateException("opener not in the page");
    }

    private static void ticketColumns(Map<String, Object> row, TrackedItem ticket) {
        row.put("TICKET_ID", ticket == null ? null : ticket.id());
        row.put("TICKET_KEY", ticket == null ? null : ticket.key());
        row.put("TICKET_URL", ticket == null ? null : ticket.url());
    }

    /** The values of {@code column} among {@code keys} that are stored: one {@code IN} query per 500 keys. */
    private Set<String> existing(Connection c, String table, String column, Collection<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        forEachChunk(c, "SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \"" + column + "\" IN ", keys, rs -> out.add(rs.getString(1)));
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** {@code sql} followed by an {@code IN} list, once per 500 values; a query when {@code reader} is given, else an update. */
    private static void forEachChunk(Connection c, String sql, Collection<?> values, RowReader reader) throws SQLException {
        List<?> all = new ArrayList<>(new LinkedHashSet<>(values));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            try (PreparedStatement s = c.prepareStatement(sql + "(" + chunk.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) s.setObject(i + 1, chunk.get(i));
                if (reader == null) {
                    s.executeUpdate();
                    continue;
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) reader.read(rs);
                }
            }
        }
    }

    /** One prepared {@code INSERT}, executed as a JDBC batch; with {@code returnIds}, the generated ids in the rows' order. */
    private static List<Long> insert(Connection c, String table, Map<String, Integer> columns, List<Map<String, Object>> rows, boolean returnIds)
            throws SQLException {
        if (rows.isEmpty()) return List.of();
        String sql = "INSERT INTO \"" + table + "\" (" + columns.keySet().stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "))
                + ") VALUES (" + columns.keySet().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        List<Long> ids = new ArrayList<>(returnIds ? rows.size() : 0);
        try (PreparedStatement s = returnIds ? c.prepareStatement(sql, new String[] {"ID"}) : c.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (Map.Entry<String, Integer> column : columns.entrySet()) {
                    Object v = row.get(column.getKey());
                    if (v == null) s.setNull(i, column.getValue());
                    else if (v instanceof Date d) s.setTimestamp(i, new Timestamp(d.getTime()));
                    else s.setObject(i, v);
                    i++;
                }
                s.addBatch();
            }
            s.executeBatch();
            if (returnIds) {
                try (ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next()) ids.add(keys.getLong(1));
                }
                if (ids.size() != rows.size()) throw new StoreException("The database gave " + ids.size() + " ids for " + rows.size() + " rows", null);
            }
        }
        return ids;
    }

    private static Map<String, Integer> columns(Object... nameThenType) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenType.length; i += 2) out.put((String) nameThenType[i], (Integer) nameThenType[i + 1]);
        return out;
    }

    // ---------------------------------------------------------------------------------------------------- the look-ups

    @Override
    public Map<String, String> conversationsOf(Collection<String> itemKeys) {
        try (Connection c = database.connection()) {
            Map<String, String> out = new HashMap<>();
            forEachChunk(c, "SELECT \"ITEM_KEY\", \"CONVERSATION_KEY\" FROM \"" + items + "\" WHERE \"ITEM_KEY\" IN ", itemKeys,
                    rs -> out.put(rs.getString(1), rs.getString(2)));
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not look up " + itemKeys.size() + " inbox items", e);
        }
    }

    /** Files the items on the ticket with one {@code UPDATE} per 500 ids (a digest's chunk, a conversation's replies). */
    @Override
    public void filed(Collection<Long> itemIds, TrackedItem ticket, Instant at) {
        if (itemIds.isEmpty()) return;
        database.ao().inTransaction(() -> {
            List<Long> all = new ArrayList<>(new LinkedHashSet<>(itemIds));
            try (Connection c = database.connection()) {
                for (int from = 0; from < all.size(); from += IN_CHUNK) {
                    List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                    String sql = "UPDATE \"" + items + "\" SET \"STATE\" = ?, \"TICKET_ID\" = ?, \"TICKET_KEY\" = ?, \"TICKET_URL\" = ?, \"FILED_AT\" = ?"
                            + " WHERE \"STATE\" = ? AND \"ID\" IN (" + chunk.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, AoInboxStore.FILED);
                        s.setLong(2, ticket.id());
                        s.setString(3, ticket.key());
                        s.setString(4, ticket.url());
                        s.setTimestamp(5, Timestamp.from(at));
                        s.setString(6, AoInboxStore.WAITING);
                        for (int i = 0; i < chunk.size(); i++) s.setLong(7 + i, chunk.get(i));
                        s.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("Could not file " + itemIds.size() + " inbox items", e);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------- the rest, as in Jira

    @Override
    public Map<String, Conversation> conversations(Collection<String> keys) {
        return ao.conversations(keys);
    }

    @Override
    public int conversationsOpenedSince(long accountId, Stream stream, Instant since) {
        return ao.conversationsOpenedSince(accountId, stream, since);
    }

    @Override
    public int conversationsOpenedSince(long accountId, Stream stream, Instant since, int atMost) {
        return ao.conversationsOpenedSince(accountId, stream, since, atMost);
    }

    @Override
    public List<InboxItem> waiting(int limit) {
        return ao.waiting(limit);
    }

    @Override
    public List<InboxItem> waitingIn(Collection<String> conversationKeys, int limit) {
        return ao.waitingIn(conversationKeys, limit);
    }

    @Override
    public void ticketOpened(String conversationKey, int generation, TrackedItem ticket, Collection<Long> itemIds, Instant at) {
        ao.ticketOpened(conversationKey, generation, ticket, itemIds, at);
    }

    @Override
    public void chunked(Collection<Long> itemIds, String chunkKey) {
        ao.chunked(itemIds, chunkKey);
    }

    @Override
    public Optional<Conversation> nextGeneration(String conversationKey, int generation, Instant at) {
        return ao.nextGeneration(conversationKey, generation, at);
    }

    @Override
    public <T> T exclusively(String conversationKey, Supplier<T> work) {
        return ao.exclusively(conversationKey, work);
    }

    @Override
    public List<InboxItem> onTicket(String ticketKey, int limit) {
        return ao.onTicket(ticketKey, limit);
    }
}
