package io.socialdesk.store.ao;

import java.util.Map;
import java.util.function.Supplier;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/**
 * The small seam every store is written against. Its methods have the shape of Jira's
 * {@code ActiveObjects} facade, which the plugin wraps; the server wraps AO's {@code EntityManager}
 * with the same methods. So the server runs the very storage code that Jira runs.
 *
 * <p>Failures surface as {@link StoreException} (unchecked), as {@code ActiveObjects} does.
 */
public interface AoAccess {
    <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> values);

    /**
     * Inserts a row that nobody needs back as an entity (an audit event): at once here; a host may keep it
     * until its transaction ends and insert the transaction's rows of a type in one batch, as long as a read
     * of that type in the same transaction still sees them (the server does, {@code EntityManagerAccess}).
     */
    default <T extends RawEntity<K>, K> void insert(Class<T> type, Map<String, Object> values) {
        create(type, values);
    }

    /**
     * Inserts the rows at once, in order, and answers their ids: here one {@link #create} each; the server
     * sends them as one JDBC batch and reads the ids it generated, so nothing has to be read back by key.
     */
    default long[] insertAll(Class<? extends net.java.ao.Entity> type, java.util.List<Map<String, Object>> rows) {
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = create(type, rows.get(i)).getID();
        return ids;
    }

    /**
     * {@code UPDATE type SET columns WHERE ID = id AND guard = expected} in this thread's transaction: the rows
     * it changed (0 when the guard did not match). Empty where the host has no such statement (Jira, whose
     * stores then read the entity, check and save it): the server's moves cost one statement instead of three.
     */
    default java.util.OptionalInt updateWhere(Class<? extends RawEntity<?>> type, Map<String, Object> columns, long id, String guard,
            Object expected) {
        return java.util.OptionalInt.empty();
    }

    <T extends RawEntity<K>, K> T get(Class<T> type, K key);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query);

    /**
     * The rows the query selects, every column loaded, for reading only (never saved). Here {@link #find}; the
     * server streams read-only snapshots instead (AO's {@code stream}), several times cheaper for pages of
     * hundreds of rows than a locking proxy per row: the calendar reads its months this way.
     */
    default <T extends RawEntity<K>, K> java.util.List<T> read(Class<T> type, Query query) {
        return java.util.List.of(find(type, query));
    }

    <K> int count(Class<? extends RawEntity<K>> type, Query query);

    void delete(RawEntity<?>... entities);

    /** Runs the work in one database transaction; it commits when the work returns and rolls back when it throws. */
    <T> T inTransaction(Supplier<T> work);
}
