package io.socialdesk.store.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Conversation;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/**
 * {@link InboxStore} over Active Objects, for Jira and the server alike. A page is one look-up of its keys and one
 * transaction of inserts; the unique {@code ITEM_KEY} and {@code CONVERSATION_KEY} make each insert happen once. Of
 * two transactions inserting one key at once, the database lets one in and fails the other (PostgreSQL then aborts
 * that whole transaction): the loser runs again, and now sees the key as stored.
 *
 * <p>Items are inserted in the page's order, so that their ids are the order they came in (a conversation's first
 * item is its ticket's description, the others its comments in order). Two pages sharing several items in different
 * orders can each hold a key the other needs: PostgreSQL cancels one of them as a deadlock after a second, and it runs
 * again. Pages rarely overlap that way: the job imports each stream once per cluster, and a webhook pushes one item.
 */
public final class AoInboxStore implements InboxStore {
    public static final String WAITING = "WAITING";
    public static final String FILED = "FILED";
    /** Bind parameters per IN list: well under every database's limit. */
    private static final int IN_CHUNK = 500;
    /** A page whose transaction lost a race on a key runs again; more than a few losses in a row is a real failure. */
    private static final int ATTEMPTS = 4;
    private static final String KEYS = "ID, ITEM_KEY, CONVERSATION_KEY";
    private static final int LOCK_WAIT_SECONDS = 30;

    private final AoAccess ao;
    private final Function<String, Lock> locks;

    /**
     * For the server: a conversation is filed by one transaction at a time because the filing first writes its row
     * ({@code FILINGS}), which the database keeps locked until that transaction ends.
     */
    public AoInboxStore(AoAccess ao) {
        this(ao, null);
    }

    /**
     * For Jira, whose issues are created outside our transactions: a conversation is filed under a lock per conversation
     * ({@code ClusterLockService}'s, held across the cluster).
     */
    public AoInboxStore(AoAccess ao, Function<String, Lock> locks) {
        this.ao = ao;
        this.locks = locks;
    }

    @Override
    public Map<String, String> conversationsOf(Collection<String> itemKeys) {
        Map<String, String> out = new HashMap<>();
        for (InboxItemEntity row : findIn(InboxItemEntity.class, KEYS, "ITEM_KEY", itemKeys, "")) {
            out.put(row.getItemKey(), row.getConversationKey());
        }
        return out;
    }

    @Override
    public Map<String, Conversation> conversations(Collection<String> keys) {
        Map<String, Conversation> out = new HashMap<>();
        for (ConversationEntity row : readIn(ConversationEntity.class, "CONVERSATION_KEY", keys, "")) {
            out.put(row.getConversationKey(), read(row));
        }
        return out;
    }

    @Override
    public List<InboxItem> add(List<InboxItem> items, List<Conversation> conversations) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return ao.inTransaction(() -> insert(items, conversations));
            } catch (RuntimeException e) {
                // Most likely another node or thread inserted one of these keys first: the next attempt sees it as stored.
                last = e;
            }
        }
        throw last;
    }

    private List<InboxItem> insert(List<InboxItem> items, List<Conversation> conversations) {
        Set<String> stored = new HashSet<>();
        for (InboxItemEntity row : findIn(InboxItemEntity.class, KEYS, "ITEM_KEY", items.stream().map(InboxItem::key).toList(), "")) {
            stored.add(row.getItemKey());
        }
        List<InboxItem> added = new ArrayList<>();
        for (InboxItem item : items) {
            if (!stored.add(item.key())) continue;
            InboxItemEntity row = ao.create(InboxItemEntity.class, values(item));
            added.add(withId(item, row.getID()));
        }
        Set<String> known = new HashSet<>();
        for (ConversationEntity row : findIn(ConversationEntity.class, "ID, CONVERSATION_KEY", "CONVERSATION_KEY",
                conversations.stream().map(Conversation::key).toList(), "")) {
            known.add(row.getConversationKey());
        }
        for (Conversation c : conversations) {
            if (!known.add(c.key())) continue;
            Map<String, Object> values = columns(c);
            values.values().removeIf(java.util.Objects::isNull);
            ao.create(ConversationEntity.class, values);
        }
        return added;
    }

    /** A new conversation's columns (null where empty), as both this store and the server's batched writes insert it. */
    public static Map<String, Object> columns(Conversation c) {
        Map<String, Object> values = new HashMap<>();
        values.put("CONVERSATION_KEY", c.key());
        values.put("ACCOUNT_ID", c.accountId());
        values.put("NETWORK", c.network().name());
        values.put("STREAM", c.stream().name());
        values.put("ROOT_ID", c.rootId());
        values.put("DIGEST", c.digest());
        values.put("ROUTE_PROJECT", c.route().project());
        values.put("ROUTE", routeText(c.route()));
        values.put("GENERATION", 1);
        values.put("FILINGS", 0);
        values.put("OPENED_AT", Date.from(c.openedAt()));
        values.put("UPDATED_AT", Date.from(c.updatedAt()));
        return values;
    }

    private static Map<String, Object> values(InboxItem item) {
        Map<String, Object> v = columns(item);
        // Columns left out stay null.
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    /** A new item's columns (null where empty), waiting to be filed. */
    public static Map<String, Object> columns(InboxItem item) {
        Inbound in = item.inbound();
        Map<String, Object> v = new HashMap<>();
        v.put("ITEM_KEY", item.key());
        v.put("ACCOUNT_ID", item.accountId());
        v.put("NETWORK", in.network().name());
        v.put("STREAM", in.stream().name());
        v.put("EXTERNAL_ID", in.externalId());
        v.put("KIND", in.kind());
        v.put("TEXT", in.text());
        v.put("CREATED_AT", in.createdAt() == null ? null : Date.from(in.createdAt()));
        v.put("AUTHOR_ID", in.author().id());
        v.put("AUTHOR_HANDLE", in.author().handle());
        v.put("AUTHOR_NAME", in.author().displayName());
        v.put("AUTHOR_FOLLOWERS", in.author().followers());
        v.put("AUTHOR_URL", in.author().profileUrl());
        v.put("URL", in.url());
        v.put("PARENT_ID", in.parentId());
        v.put("ROOT_ID", in.rootId());
        v.put("LANGUAGE", in.language());
        Triage t = item.triage();
        v.put("TRIAGE_LANGUAGE", t.language().length() <= 255 ? t.language() : Triage.UNDETERMINED);
        v.put("SENTIMENT", t.sentiment());
        v.put("URGENCY", t.urgency().name());
        v.put("SPAM", t.spam());
        Routed r = item.routed();
        v.put("ROUTE_PROJECT", r.route().project());
        v.put("ROUTE", routeText(r.route()));
        v.put("ROUTE_RULE", r.ruleId() == null || r.ruleId().length() <= 255 ? r.ruleId() : r.ruleId().substring(0, 255));
        v.put("ROUTE_WHY", r.why().isEmpty() ? null : String.join("\n", r.why()));
        v.put("CONVERSATION_KEY", item.conversationKey());
        v.put("SOURCE", item.source());
        v.put("IMPORTED_AT", Date.from(item.importedAt()));
        v.put("STATE", WAITING);
        return v;
    }

    @Override
    public int conversationsOpenedSince(long accountId, Stream stream, Instant since) {
        return ao.count(ConversationEntity.class, Query.select()
                .where("ACCOUNT_ID = ? AND STREAM = ? AND DIGEST = ? AND OPENED_AT >= ?", accountId, stream.name(), false, Date.from(since)));
    }

    @Override
    public int conversationsOpenedSince(long accountId, Stream stream, Instant since, int atMost) {
        if (atMost <= 0) return 0;
        return ao.find(ConversationEntity.class, Query.select("ID")
                .where("ACCOUNT_ID = ? AND STREAM = ? AND DIGEST = ? AND OPENED_AT >= ?", accountId, stream.name(), false, Date.from(since))
                .limit(atMost)).length;
    }

    @Override
    public List<InboxItem> waiting(int limit) {
        return Arrays.stream(ao.find(InboxItemEntity.class, Query.select().where("STATE = ?", WAITING).order("ID ASC").limit(limit)))
                .map(AoInboxStore::read).toList();
    }

    @Override
    public List<InboxItem> waitingIn(Collection<String> conversationKeys, int limit) {
        return readIn(InboxItemEntity.class, "CONVERSATION_KEY", conversationKeys, "STATE = ? AND ", WAITING).stream()
                .sorted(Comparator.comparingInt(InboxItemEntity::getID)).limit(limit).map(AoInboxStore::read).toList();
    }

    @Override
    public void ticketOpened(String conversationKey, int generation, TrackedItem ticket, Collection<Long> itemIds, Instant at) {
        ao.inTransaction(() -> {
            ConversationEntity[] rows = ao.find(ConversationEntity.class, Query.select().where("CONVERSATION_KEY = ?", conversationKey));
            if (rows.length > 0 && rows[0].getGeneration() == generation
                    && (rows[0].getTicketKey() == null || rows[0].getTicketKey().equals(ticket.key()))) {
                ConversationEntity row = rows[0];
                row.setTicketId(ticket.id());
                row.setTicketKey(ticket.key());
                row.setTicketUrl(ticket.url());
                row.setUpdatedAt(Date.from(at));
                row.save();
            }
            fileRows(itemIds, ticket, at);
            return null;
        });
    }

    @Override
    public void filed(Collection<Long> itemIds, TrackedItem ticket, Instant at) {
        ao.inTransaction(() -> {
            fileRows(itemIds, ticket, at);
            return null;
        });
    }

    private void fileRows(Collection<Long> itemIds, TrackedItem ticket, Instant at) {
        for (InboxItemEntity row : findIn(InboxItemEntity.class, null, "ID", itemIds, "STATE = ? AND ", WAITING)) {
            row.setState(FILED);
            row.setTicketId(ticket.id());
            row.setTicketKey(ticket.key());
            row.setTicketUrl(ticket.url());
            row.setFiledAt(Date.from(at));
            row.save();
        }
    }

    @Override
    public void chunked(Collection<Long> itemIds, String chunkKey) {
        ao.inTransaction(() -> {
            for (InboxItemEntity row : findIn(InboxItemEntity.class, null, "ID", itemIds, "CHUNK_KEY IS NULL AND ")) {
                row.setChunkKey(chunkKey);
                row.save();
            }
            return null;
        });
    }

    @Override
    public Optional<Conversation> nextGeneration(String conversationKey, int generation, Instant at) {
        return ao.inTransaction(() -> {
            ConversationEntity[] rows = ao.find(ConversationEntity.class, Query.select().where("CONVERSATION_KEY = ?", conversationKey));
            if (rows.length == 0) return Optional.empty();
            ConversationEntity row = rows[0];
            if (row.getGeneration() == generation && row.getTicketKey() != null) {
                row.setPreviousId(row.getTicketId());
                row.setPreviousKey(row.getTicketKey());
                row.setPreviousUrl(row.getTicketUrl());
                row.setTicketId(null);
                row.setTicketKey(null);
                row.setTicketUrl(null);
                row.setGeneration(generation + 1);
                row.setUpdatedAt(Date.from(at));
                row.save();
            }
            return Optional.of(read(row));
        });
    }

    @Override
    public <T> T exclusively(String conversationKey, Supplier<T> work) {
        if (locks == null) {
            return ao.inTransaction(() -> {
                for (ConversationEntity row : ao.find(ConversationEntity.class, Query.select().where("CONVERSATION_KEY = ?", conversationKey))) {
                    row.setFilings(row.getFilings() + 1);
                    row.save();
                }
                return work.get();
            });
        }
        Lock lock = locks.apply("io.socialdesk.inbox." + conversationKey);
        boolean held;
        try {
            held = lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to file a conversation", e);
        }
        if (!held) throw new StoreException("Another node has been filing conversation " + conversationKey + " for " + LOCK_WAIT_SECONDS + " s", null);
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<InboxItem> onTicket(String ticketKey, int limit) {
        return Arrays.stream(ao.find(InboxItemEntity.class, Query.select().where("TICKET_KEY = ?", ticketKey).order("ID ASC").limit(limit)))
                .map(AoInboxStore::read).toList();
    }

    /** Rows whose {@code column} is one of {@code values}, every column, for reading only ({@link AoAccess#read}: no entity proxies on the server). */
    private <T extends RawEntity<Integer>> List<T> readIn(Class<T> type, String column, Collection<?> values, String andBefore, Object... before) {
        return rowsIn(type, null, column, values, andBefore, before, true);
    }

    /** Rows whose {@code column} is one of {@code values}, in chunks of bind parameters; {@code fields} null: every column. */
    private <T extends RawEntity<Integer>> List<T> findIn(Class<T> type, String fields, String column, Collection<?> values, String andBefore,
            Object... before) {
        return rowsIn(type, fields, column, values, andBefore, before, false);
    }

    private <T extends RawEntity<Integer>> List<T> rowsIn(Class<T> type, String fields, String column, Collection<?> values, String andBefore,
            Object[] before, boolean readOnly) {
        List<T> out = new ArrayList<>();
        List<?> all = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String in = chunk.stream().map(v -> "?").collect(Collectors.joining(", "));
            List<Object> parameters = new ArrayList<>(Arrays.asList(before));
            parameters.addAll(chunk);
            Query query = (fields == null ? Query.select() : Query.select(fields)).where(andBefore + column + " IN (" + in + ")", parameters.toArray());
            out.addAll(readOnly ? ao.read(type, query) : Arrays.asList(ao.find(type, query)));
        }
        return out;
    }

    static InboxItem read(InboxItemEntity e) {
        Inbound inbound = new Inbound(Network.valueOf(e.getNetwork()), Stream.valueOf(e.getStream()), e.getExternalId(), e.getKind(), e.getText(),
                instant(e.getCreatedAt()), new Inbound.Author(e.getAuthorId(), e.getAuthorHandle(), e.getAuthorName(), e.getAuthorFollowers(),
                e.getAuthorUrl()), e.getUrl(), e.getParentId(), e.getRootId(), e.getLanguage());
        Triage triage = new Triage(e.getTriageLanguage(), e.getSentiment(), Triage.Urgency.valueOf(e.getUrgency()), e.getSpam());
        Routed routed = new Routed(route(e.getRouteProject(), e.getRoute()), e.getRouteRule(),
                e.getRouteWhy() == null ? List.of() : List.of(e.getRouteWhy().split("\n")));
        TrackedItem ticket = e.getTicketKey() == null ? null : new TrackedItem(e.getTicketId() == null ? 0 : e.getTicketId(), e.getTicketKey(),
                e.getTicketUrl() == null ? "" : e.getTicketUrl());
        return new InboxItem(e.getID(), e.getItemKey(), e.getAccountId(), inbound, triage, routed, e.getConversationKey(), e.getSource(),
                e.getImportedAt().toInstant(), e.getChunkKey(), ticket, instant(e.getFiledAt()));
    }

    static Conversation read(ConversationEntity e) {
        return new Conversation(e.getID(), e.getConversationKey(), e.getAccountId(), Network.valueOf(e.getNetwork()), Stream.valueOf(e.getStream()),
                e.getRootId(), e.isDigest(), route(e.getRouteProject(), e.getRoute()), e.getGeneration(),
                tracked(e.getTicketId(), e.getTicketKey(), e.getTicketUrl()), tracked(e.getPreviousId(), e.getPreviousKey(), e.getPreviousUrl()),
                e.getOpenedAt().toInstant(), e.getUpdatedAt().toInstant());
    }

    private static TrackedItem tracked(Long id, String key, String url) {
        return key == null ? null : new TrackedItem(id == null ? 0 : id, key, url == null ? "" : url);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    public static InboxItem withId(InboxItem item, long id) {
        return new InboxItem(id, item.key(), item.accountId(), item.inbound(), item.triage(), item.routed(), item.conversationKey(), item.source(),
                item.importedAt(), null, null, null);
    }

    /** A route as one text: {@code issueType=Bug&labels=a,b&...}, each part URL-encoded; the project has its own column. */
    static String routeText(Route route) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("issueType", route.issueType());
        parts.put("requestType", route.requestType());
        parts.put("component", route.component());
        parts.put("priority", route.priority());
        parts.put("labels", route.labels().isEmpty() ? null : route.labels().stream().map(AoInboxStore::enc).collect(Collectors.joining(",")));
        parts.put("assignee", route.assignee());
        String text = parts.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + (e.getKey().equals("labels") ? e.getValue() : enc(e.getValue()))).collect(Collectors.joining("&"));
        return text.isEmpty() ? null : text;
    }

    static Route route(String project, String text) {
        Map<String, String> parts = new HashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                parts.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        Function<String, String> part = name -> parts.containsKey(name) ? dec(parts.get(name)) : null;
        List<String> labels = parts.containsKey("labels") ? Arrays.stream(parts.get("labels").split(",")).map(AoInboxStore::dec).toList() : List.of();
        return new Route(project, part.apply("issueType"), part.apply("requestType"), part.apply("component"), part.apply("priority"), labels,
                part.apply("assignee"));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String dec(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
