package io.socialdesk.store.publish;

import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.DeliveryStore;
import io.socialdesk.core.publish.NewDelivery;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.InChunks;
import io.socialdesk.store.ao.StoreException;
import net.java.ao.Query;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link DeliveryStore} over Active Objects, for Jira and the server alike. Plans are inserts that the
 * unique {@code DELIVERY_KEY} makes idempotent; every change is {@link DeliveryWrites#replaceIfRevision},
 * the host's atomic compare-and-set on {@code REVISION}.
 */
public final class AoDeliveryStore implements DeliveryStore {
    private static final List<String> SETTLED = List.of(DeliveryState.SENT.name(), DeliveryState.FAILED.name(), DeliveryState.UNCONFIRMED.name(),
            DeliveryState.MISSED.name());

    private static final java.util.Comparator<DeliveryRecord> CLAIM_ORDER = java.util.Comparator.comparing(DeliveryRecord::nextAt)
            .thenComparingLong(DeliveryRecord::id);

    private final AoAccess ao;
    private final DeliveryWrites writes;

    public AoDeliveryStore(AoAccess ao, DeliveryWrites writes) {
        this.ao = ao;
        this.writes = writes;
    }

    /** The plan, every delivery inserted unclaimed (see {@link #plan(List, Claim, Instant)}). */
    @Override
    public List<DeliveryRecord> plan(List<NewDelivery> planned, Instant at) {
        return plan(planned, null, at).all();
    }

    /** The same plan, with the first parts it inserts already claimed: in flight for {@code node}, a first attempt, until the lease's end. */
    @Override
    public Planned planClaimed(List<NewDelivery> planned, String node, Instant leaseUntil, Instant at) {
        return plan(planned, new Claim(node, leaseUntil), at);
    }

    /** Who the first parts are inserted claimed for, and until when; null: inserted due, claimed by nobody. */
    private record Claim(String node, Instant until) {}

    /**
     * One read of the posts' deliveries (those that exist answer the plan's keys, and with the rows inserted they
     * are the posts' deliveries after the plan), then the missing rows inserted in one batch
     * ({@link AoAccess#insertAll}: on the server one JDBC batch that answers the ids it generated): a page of due
     * posts costs two statements, not one per delivery, and nothing is read back.
     */
    private Planned plan(List<NewDelivery> planned, Claim claim, Instant at) {
        if (planned.isEmpty()) return new Planned(List.of(), List.of(), Map.of());
        List<String> keys = planned.stream().map(NewDelivery::key).toList();
        List<Long> postIds = planned.stream().map(NewDelivery::postId).distinct().toList();
        Map<Long, List<DeliveryRecord>> before = forPosts(postIds);
        Map<String, DeliveryRecord> stored = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(keys);
        before.values().forEach(rows -> rows.forEach(d -> {
            if (wanted.contains(d.key())) stored.put(d.key(), d);
        }));
        boolean raced = false;
        List<NewDelivery> missing = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(stored.keySet());
        for (NewDelivery n : planned) {
            if (!seen.add(n.key())) continue;
            missing.add(n);
            rows.add(row(n, claimOf(n, claim), at));
        }
        java.util.Set<String> insertedHere = new java.util.HashSet<>();
        if (!rows.isEmpty()) {
            try {
                long[] ids = ao.insertAll(DeliveryEntity.class, rows);
                for (int i = 0; i < ids.length; i++) {
                    stored.put(missing.get(i).key(), inserted(ids[i], missing.get(i), claimOf(missing.get(i), claim), at));
                    insertedHere.add(missing.get(i).key());
                }
            } catch (StoreException e) {
                // Another node planned some of them at the same moment: the unique key let one of each in. Each missing one
                // alone, then what is there (on PostgreSQL the failed statement ends the transaction: these fail too, and
                // the transaction is tried again).
                Map<String, DeliveryRecord> there = byKeys(keys);
                for (int i = 0; i < missing.size(); i++) {
                    if (there.containsKey(missing.get(i).key())) continue;
                    try {
                        ao.insertAll(DeliveryEntity.class, List.of(rows.get(i)));
                        insertedHere.add(missing.get(i).key());
                    } catch (StoreException alone) {
                        if (byKeys(List.of(missing.get(i).key())).isEmpty()) throw alone;
                    }
                }
                raced = true;
                stored.clear();
                stored.putAll(byKeys(keys));
                // Rows the failed batch had already inserted in this transaction are this call's too: claimed by this node
                // with this very lease, at their first revision.
                if (claim != null) {
                    Instant until = Date.from(claim.until()).toInstant();
                    stored.forEach((key, d) -> {
                        if (d.state() == DeliveryState.IN_FLIGHT && d.version() == 1 && claim.node().equals(d.owner()) && d.nextAt().equals(until)) {
                            insertedHere.add(key);
                        }
                    });
                }
            }
        }
        List<DeliveryRecord> out = new ArrayList<>(planned.size());
        List<DeliveryRecord> claimed = new ArrayList<>();
        for (String key : keys) {
            DeliveryRecord d = stored.get(key);
            if (d == null) throw new StoreException("Delivery " + key + " was planned but cannot be read back", null);
            out.add(d);
            if (claim != null && insertedHere.remove(key) && d.state() == DeliveryState.IN_FLIGHT) claimed.add(d);
        }
        Map<Long, List<DeliveryRecord>> byPost = raced ? forPosts(postIds) : withInserted(before, stored.values());
        return new Planned(out, claimed, byPost);
    }

    /** The posts' deliveries read before the plan, with the ones it inserted, in {@link #forPosts}' order. */
    private static Map<Long, List<DeliveryRecord>> withInserted(Map<Long, List<DeliveryRecord>> before, Collection<DeliveryRecord> planned) {
        Map<Long, List<DeliveryRecord>> all = new HashMap<>();
        before.forEach((post, rows) -> all.put(post, new ArrayList<>(rows)));
        java.util.Set<Long> known = new java.util.HashSet<>();
        before.values().forEach(rows -> rows.forEach(d -> known.add(d.id())));
        for (DeliveryRecord d : planned) if (known.add(d.id())) all.computeIfAbsent(d.postId(), k -> new ArrayList<>()).add(d);
        all.values().forEach(rows -> rows.sort(DeliveryRecord.IN_POST_ORDER));
        return all;
    }

    /** The claim a new row is inserted with: a first part's, when the plan claims; null otherwise. */
    private static Claim claimOf(NewDelivery n, Claim claim) {
        return claim != null && n.initialState() == DeliveryState.DUE ? claim : null;
    }

    private static Map<String, Object> row(NewDelivery n, Claim claim, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("DELIVERY_KEY", n.key());
        values.put("POST_ID", n.postId());
        values.put("ACCOUNT_ID", n.accountId());
        values.put("PART", n.part());
        values.put("CONTENT_HASH", n.contentHash());
        values.put("DUE_AT", Date.from(n.dueAt()));
        values.put("STATE", (claim == null ? n.initialState() : DeliveryState.IN_FLIGHT).name());
        values.put("ATTEMPTS", claim == null ? 0 : 1);
        values.put("NEXT_AT", Date.from(claim == null ? n.dueAt() : claim.until()));
        if (claim != null) values.put("OWNER", claim.node());
        values.put("UPDATED_AT", Date.from(at));
        values.put("REVISION", 1);
        return values;
    }

    /** The record a read of the row just inserted would give (times to the millisecond, as stored). */
    private static DeliveryRecord inserted(long id, NewDelivery n, Claim claim, Instant at) {
        Instant due = Date.from(n.dueAt()).toInstant();
        DeliveryState state = claim == null ? n.initialState() : DeliveryState.IN_FLIGHT;
        Instant next = claim == null ? due : Date.from(claim.until()).toInstant();
        return new DeliveryRecord(id, n.postId(), n.accountId(), n.part(), n.key(), n.contentHash(), due, state, claim == null ? 0 : 1, next,
                claim == null ? null : claim.node(), null, progressOf(null), null, null, null, Date.from(at).toInstant(), 1);
    }

    private Map<String, DeliveryRecord> byKeys(List<String> keys) {
        Map<String, DeliveryRecord> found = new HashMap<>();
        InChunks.each(keys, (in, values) -> {
            for (DeliveryEntity row : ao.read(DeliveryEntity.class, Query.select().where("DELIVERY_KEY " + in, values))) {
                found.put(row.getDeliveryKey(), read(row));
            }
        });
        return found;
    }

    @Override
    public Optional<DeliveryRecord> find(long id) {
        return ao.read(DeliveryEntity.class, Query.select().where("ID = ?", id)).stream().findFirst().map(AoDeliveryStore::read);
    }

    @Override
    public List<DeliveryRecord> forPost(long postId) {
        return ao.read(DeliveryEntity.class, Query.select().where("POST_ID = ?", postId).order("ACCOUNT_ID ASC, PART ASC, ID ASC")).stream()
                .map(AoDeliveryStore::read).toList();
    }

    @Override
    public Map<Long, List<DeliveryRecord>> forPosts(Collection<Long> postIds) {
        Map<Long, List<DeliveryRecord>> found = new HashMap<>();
        InChunks.each(postIds, (in, values) -> {
            for (DeliveryEntity row : ao.read(DeliveryEntity.class, Query.select().where("POST_ID " + in, values).order("ACCOUNT_ID ASC, PART ASC, ID ASC"))) {
                found.computeIfAbsent((long) row.getPostId(), k -> new ArrayList<>()).add(read(row));
            }
        });
        return found;
    }

    @Override
    public List<DeliveryRecord> claimable(Instant now, int limit) {
        return inStatesUntil(DeliveryState.CLAIMABLE, now, limit);
    }

    @Override
    public List<DeliveryRecord> claimableAfter(DeliveryRecord after, Instant now, int limit) {
        return inStatesUntil(DeliveryState.CLAIMABLE, now, limit, after);
    }

    private List<DeliveryRecord> inStatesUntil(Collection<DeliveryState> states, Instant until, int limit) {
        return inStatesUntil(states, until, limit, null);
    }

    /**
     * One query a state, merged in the claim order (due time, then id): with {@code STATE IN (…)} the database
     * walked the {@code NEXT_AT} index over every row ever due, sent ones included; by state it reads only the
     * rows in that state.
     */
    private List<DeliveryRecord> inStatesUntil(Collection<DeliveryState> states, Instant until, int limit, DeliveryRecord after) {
        List<DeliveryRecord> found = new ArrayList<>();
        for (DeliveryState state : states) {
            List<Object> parameters = new ArrayList<>();
            String where = "STATE = ?";
            parameters.add(state.name());
            if (until != null) {
                where += " AND NEXT_AT <= ?";
                parameters.add(Date.from(until));
            }
            if (after != null) {
                where += " AND (NEXT_AT > ? OR (NEXT_AT = ? AND ID > ?))";
                parameters.add(Date.from(after.nextAt()));
                parameters.add(Date.from(after.nextAt()));
                parameters.add(after.id());
            }
            // Read-only rows: each becomes an immutable record at once (on the server, no locking proxy per row).
            for (DeliveryEntity row : ao.read(DeliveryEntity.class, Query.select().where(where, parameters.toArray()).order("NEXT_AT ASC, ID ASC")
                    .limit(limit))) {
                found.add(read(row));
            }
        }
        if (states.size() > 1) found.sort(CLAIM_ORDER);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    @Override
    public Optional<DeliveryRecord> replace(DeliveryRecord current, DeliveryRecord next) {
        if (!writes.replaceIfRevision(current.id(), current.version(), columns(next))) return Optional.empty();
        return Optional.of(stored(current, next));
    }

    private static Map<String, Object> columns(DeliveryRecord next) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("STATE", next.state().name());
        columns.put("DUE_AT", Date.from(next.dueAt()));
        columns.put("ATTEMPTS", next.attempts());
        columns.put("NEXT_AT", Date.from(next.nextAt()));
        columns.put("OWNER", next.owner());
        columns.put("REMOTE_ID", next.remote() == null ? null : next.remote().id());
        columns.put("REMOTE_URL", next.remote() == null ? null : next.remote().url());
        columns.put("REMOTE_CID", next.remote() == null ? null : next.remote().cid());
        columns.put("PROGRESS", progressText(next.progress()));
        columns.put("CAUSE", next.cause());
        columns.put("REASON", next.reason());
        columns.put("SENT_AT", next.sentAt() == null ? null : Date.from(next.sentAt()));
        columns.put("UPDATED_AT", Date.from(next.updatedAt()));
        return columns;
    }

    /** {@code next} as stored over {@code current}: its identity and the next revision. */
    private static DeliveryRecord stored(DeliveryRecord current, DeliveryRecord next) {
        return new DeliveryRecord(current.id(), current.postId(), current.accountId(), current.part(), current.key(),
                current.contentHash(), next.dueAt(), next.state(), next.attempts(), next.nextAt(), next.owner(), next.remote(), next.progress(),
                next.cause(), next.reason(), next.sentAt(), next.updatedAt(), current.version() + 1);
    }

    /** One {@link DeliveryWrites#replaceEachIfRevision} for all of them (on the server one JDBC batch), in the caller's transaction if any. */
    @Override
    public List<Optional<DeliveryRecord>> replaceAll(List<DeliveryRecord> current, List<DeliveryRecord> next) {
        List<DeliveryWrites.Change> changes = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) changes.add(new DeliveryWrites.Change(current.get(i).id(), current.get(i).version(), columns(next.get(i))));
        boolean[] written = writes.together(() -> writes.replaceEachIfRevision(changes));
        List<Optional<DeliveryRecord>> stored = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) stored.add(written[i] ? Optional.of(stored(current.get(i), next.get(i))) : Optional.empty());
        return stored;
    }

    @Override
    public List<DeliveryRecord> claim(List<DeliveryRecord> due, String node, Instant leaseUntil, Instant at) {
        List<DeliveryRecord> next = due.stream().map(d -> d.claimedBy(node, leaseUntil, at)).toList();
        List<DeliveryWrites.Change> changes = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) changes.add(new DeliveryWrites.Change(due.get(i).id(), due.get(i).version(), columns(next.get(i))));
        boolean[] won = writes.together(() -> writes.replaceEachIfRevision(changes));
        List<DeliveryRecord> claimed = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) if (won[i]) claimed.add(stored(due.get(i), next.get(i)));
        return claimed;
    }

    @Override
    public List<DeliveryRecord> inStates(Collection<DeliveryState> states, int limit) {
        return inStatesUntil(states, null, limit);
    }

    @Override
    public Map<DeliveryState, Integer> countByState() {
        Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState s : DeliveryState.values()) {
            int n = ao.count(DeliveryEntity.class, Query.select().where("STATE = ?", s.name()));
            if (n > 0) counts.put(s, n);
        }
        return counts;
    }

    @Override
    public List<DeliveryRecord> settledSince(Instant since, int limit) {
        return ao.read(DeliveryEntity.class, Query.select()
                        .where("STATE IN (?, ?, ?, ?) AND UPDATED_AT >= ?", SETTLED.get(0), SETTLED.get(1), SETTLED.get(2), SETTLED.get(3),
                                Date.from(since))
                        .order("UPDATED_AT DESC, ID DESC").limit(limit)).stream()
                .map(AoDeliveryStore::read).toList();
    }

    static DeliveryRecord read(DeliveryEntity e) {
        RemotePost remote = e.getRemoteId() == null ? null : new RemotePost(e.getRemoteId(), e.getRemoteUrl(), e.getRemoteCid());
        return new DeliveryRecord(e.getID(), e.getPostId(), e.getAccountId(), e.getPart(), e.getDeliveryKey(), e.getContentHash(),
                e.getDueAt().toInstant(), DeliveryState.valueOf(e.getState()), e.getAttempts(), e.getNextAt().toInstant(), e.getOwner(), remote,
                progressOf(e.getProgress()), e.getCause(), e.getReason(), e.getSentAt() == null ? null : e.getSentAt().toInstant(),
                e.getUpdatedAt().toInstant(), e.getRevision());
    }

    /** Progress as a query string ({@code name=value&...}, URL-encoded), sorted so the same map is the same text. */
    static String progressText(Map<String, String> progress) {
        if (progress.isEmpty()) return null;
        return new TreeMap<>(progress).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> progressOf(String text) {
        if (text == null || text.isEmpty()) return Map.of();
        Map<String, String> progress = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            progress.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return progress;
    }
}
