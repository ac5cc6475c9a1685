package io.socialdesk.server.db;

import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;

/** {@link AoAccess} over AO's {@link EntityManager}: what Jira's {@code ActiveObjects} does, outside Jira. */
public final class EntityManagerAccess implements AoAccess {
    private final EntityManager entityManager;

    public EntityManagerAccess(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> values) {
        try {
            return entityManager.create(type, values);
        } catch (SQLException e) {
            throw new StoreException("Could not create " + type.getSimpleName(), e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        try {
            // EntityManager.get answers a proxy even for a missing row; a find tells whether it exists.
            T[] found = entityManager.find(type, Query.select().where("ID = ?", key));
            return found.length == 0 ? null : found[0];
        } catch (SQLException e) {
            throw new StoreException("Could not read " + type.getSimpleName(), e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        try {
            return entityManager.find(type, query);
        } catch (SQLException e) {
            throw new StoreException("Could not query " + type.getSimpleName(), e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        try {
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

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return new Transaction<T>(entityManager) {
                @Override
                protected T run() {
                    return work.get();
                }
            }.execute();
        } catch (SQLException e) {
            throw new StoreException("Transaction failed", e);
        }
    }

    public EntityManager entityManager() {
        return entityManager;
    }
}
