package io.socialdesk.jira.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Named;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/**
 * The shared stores' seam over Jira's {@link ActiveObjects}. Database failures become
 * {@link StoreException} naming the operation and entity, never the values.
 */
@Named
public final class JiraActiveObjectsAccess implements AoAccess {
    private final ActiveObjects ao;

    @Inject
    public JiraActiveObjectsAccess(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> values) {
        return guarded("create", type, () -> ao.create(type, values));
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        return guarded("get", type, () -> ao.get(type, key));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return guarded("find", type, () -> ao.find(type, query));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return guarded("count", type, () -> ao.count(type, query));
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        guarded("delete", RawEntity.class, () -> {
            ao.delete(entities);
            return null;
        });
    }

    /** The work's own exceptions pass through unchanged, so domain errors keep their meaning. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return ao.executeInTransaction(work::get);
    }

    private static <T> T guarded(String operation, Class<?> type, Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Active Objects could not " + operation + " " + type.getSimpleName(), e);
        }
    }
}
