package io.socialdesk.server.db;

import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;
import net.java.ao.db.PostgreSQLDatabaseProvider;

/** {@link AoAccess} over AO's {@link EntityManager}: what Jira's {@code ActiveObjects} does, outside Jira. */
public final class EntityManagerAccess implements AoAccess {
    private final EntityManager entityManager;
    private final boolean readCommitted;
    private final SnapshotRows snapshots;

    public EntityManagerAccess(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.readCommitted = entityManager.getProvider() instanceof PostgreSQLDatabaseProvider;
        this.snapshots = new SnapshotRows(entityManager, new net.java.ao.schema.info.CachingEntityInfoResolverFactory()
                .create(entityManager.getNameConverters(), entityManager.getProvider().getTypeManager()));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> values) {
        try {
            return entityManager.create(type, values);
        } catch (SQLException e) {
            throw new StoreException("Could not create " + type.getSimpleName(), e);
        }
    }

    /**
     * Inside a transaction the row waits in {@link #pending}, inserted with the transaction's other rows of
     * its type in one JDBC batch just before the commit (or before a read of that type, which must see it);
     * outside one it is created at once. The group commit's audit rows cost one statement batch this way.
     */
    @Override
    public <T extends RawEntity<K>, K> void insert(Class<T> type, Map<String, Object> values) {
        if (!inTransaction.get()) {
            create(type, values);
            return;
        }
        pending.get().computeIfAbsent(type, k -> new java.util.ArrayList<>()).add(Map.copyOf(values));
    }

    /** Rows {@link #insert}ed in this thread's transaction and not written yet, by entity type, in order. */
    private final ThreadLocal<Map<Class<?>, java.util.List<Map<String, Object>>>> pending = ThreadLocal.withInitial(java.util.LinkedHashMap::new);

    private void insertPending(Class<?> only) {
        Map<Class<?>, java.util.List<Map<String, Object>>> waiting = pending.get();
        if (waiting.isEmpty()) return;
        for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
            var rows = it.next();
            if (only != null && rows.getKey() != only) continue;
            it.remove();
            @SuppressWarnings("unchecked")
            Class<? extends RawEntity<?>> type = (Class<? extends RawEntity<?>>) rows.getKey();
            batchInsert(type, rows.getValue(), false);
        }
    }

    /** The same batch, at once (after the rows of the type that wait for the transaction's end), answering the ids generated. */
    @Override
    public long[] insertAll(Class<? extends net.java.ao.Entity> type, java.util.List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return new long[0];
        insertPending(type);
        return batchInsert(type, rows, true);
    }

    /** One prepared INSERT for every column any of the rows sets (the others null), executed as one batch, in order; the ids generated if asked. */
    private long[] batchInsert(Class<? extends RawEntity<?>> type, java.util.List<Map<String, Object>> rows, boolean ids) {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        for (Map<String, Object> row : rows) columns.addAll(row.keySet());
        String table = entityManager.getNameConverters().getTableNameConverter().getName(type);
        String sql = "INSERT INTO \"" + table + "\" (" + columns.stream().map(c -> '"' + c + '"').collect(java.util.stream.Collectors.joining(", "))
                + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        try {
            // The transaction's own connection (AO bound it to this thread): closing it here does nothing.
            try (Connection c = entityManager.getProvider().getConnection();
                 java.sql.PreparedStatement s = ids ? c.prepareStatement(sql, new String[] {"ID"}) : c.prepareStatement(sql)) {
                for (Map<String, Object> row : rows) {
                    int i = 1;
                    for (String column : columns) {
                        set(s, i++, row.get(column));
                    }
                    s.addBatch();
                }
                s.executeBatch();
                if (!ids) return null;
                long[] generated = new long[rows.size()];
                int n = 0;
                try (java.sql.ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next() && n < generated.length) generated[n++] = keys.getLong(1);
                }
                if (n != generated.length) throw new SQLException("The database answered " + n + " generated ids for " + generated.length + " rows");
                return generated;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not create " + rows.size() + " " + type.getSimpleName(), e);
        }
    }

    @Override
    public java.util.OptionalInt updateWhere(Class<? extends RawEntity<?>> type, Map<String, Object> columns, long id, String guard,
            Object expected) {
        String table = entityManager.getNameConverters().getTableNameConverter().getName(type);
        String sql = "UPDATE \"" + table + "\" SET " + columns.keySet().stream().map(c -> '"' + c + "\" = ?")
                .collect(java.util.stream.Collectors.joining(", ")) + " WHERE \"ID\" = ? AND \"" + guard + "\" = ?";
        try (Connection c = entityManager.getProvider().getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : columns.values()) set(s, i++, v);
            s.setLong(i++, id);
            set(s, i, expected);
            return java.util.OptionalInt.of(s.executeUpdate());
        } catch (SQLException e) {
            throw new StoreException("Could not update " + type.getSimpleName() + " " + id, e);
        }
    }

    static void set(java.sql.PreparedStatement s, int i, Object v) throws SQLException {
        if (v == null) s.setNull(i, java.sql.Types.NULL);
        else if (v instanceof java.util.Date d) s.setTimestamp(i, new java.sql.Timestamp(d.getTime()));
        else s.setObject(i, v);
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        try {
            // EntityManager.get answers a proxy even for a missing row; a find tells whether it exists.
            insertPending(type);
            T[] found = entityManager.find(type, Query.select().where("ID = ?", key));
            return found.length == 0 ? null : found[0];
        } catch (SQLException e) {
            throw new StoreException("Could not read " + type.getSimpleName(), e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        try {
            insertPending(type);
            return entityManager.find(type, query);
        } catch (SQLException e) {
            throw new StoreException("Could not query " + type.getSimpleName(), e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> java.util.List<T> read(Class<T> type, Query query) {
        try {
            insertPending(type);
            // Joins, groups and DISTINCT are AO's to render; the stores' plain reads are the ones worth the snapshot.
            if (query.getJoins().isEmpty() && query.getGroupClause() == null && query.getHavingClause() == null && !query.isDistinct()) {
                return snapshots.read(type, query);
            }
            return java.util.List.of(entityManager.find(type, query));
        } catch (SQLException e) {
            throw new StoreException("Could not query " + type.getSimpleName(), e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        try {
            insertPending(type);
            return entityManager.count(type, query);
        } catch (SQLException e) {
            throw new StoreException("Could not count " + type.getSimpleName(), e);
        }
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        try {
            entityManager.delete(entities);
        } catch (SQLException e) {
            throw new StoreException("Could not delete", e);
        }
    }

    /**
     * On PostgreSQL transactions run READ COMMITTED, as Jira's do (the stores' guards are revision checks and
     * unique keys): under AO's default, SERIALIZABLE, PostgreSQL cancelled one of two nodes moving two
     * different posts at once, nearly every time. The embedded HSQLDB (one node only) keeps AO's default.
     * A deadlock (40P01) or serialization failure (40001) is retried: the work is database work only, rolled back.
     */
    private static final int ATTEMPTS = 5;

    /** Whether this thread is inside {@link #inTransaction}: AO's own transactions cannot nest (the inner commit would end the outer). */
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    /** A transaction started inside another joins it, as Jira's {@code executeInTransaction} does: one commit, at the end of the outer. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inTransaction.get()) return work.get();
        inTransaction.set(true);
        try {
            return outermost(work);
        } finally {
            inTransaction.remove();
            pending.remove();
        }
    }

    private <T> T outermost(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new Transaction<T>(entityManager) {
                    @Override
                    protected T run() {
                        readCommitted();
                        pending.get().clear(); // what a failed attempt kept is not this attempt's
                        T result = work.get();
                        insertPending(null);
                        return result;
                    }
                }.execute();
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isSerializationFailure(e)) throw new StoreException("Transaction failed", e);
                pause(attempt);
            } catch (RuntimeException e) {
                // Also from inside the work: AO's entity proxies throw the SQLException undeclared.
                if (attempt >= ATTEMPTS || !isSerializationFailure(e)) throw e;
                pause(attempt);
            }
        }
    }

    /** Before the transaction's first statement, on the connection AO bound to this thread for it (the pool resets it on return). */
    private void readCommitted() {
        if (!readCommitted) return;
        try {
            Connection c = entityManager.getProvider().getConnection();
            if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException e) {
            throw new StoreException("Could not start a transaction", e);
        }
    }

    static boolean isSerializationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** A few milliseconds, growing and jittered, so that the two that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while retrying a transaction", e);
        }
    }

    public EntityManager entityManager() {
        return entityManager;
    }
}
