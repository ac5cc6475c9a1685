package io.socialdesk.store.publish;

import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import net.java.ao.Query;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * {@link DeliveryWrites} for Jira: a lock per delivery (Jira's {@code ClusterLockService}, whose locks are
 * {@link Lock}s held across the cluster), and under it the revision read and checked, then the row saved.
 * A lock not had within a few seconds means another node is writing the same delivery: the write loses.
 */
public final class LockedDeliveryWrites implements DeliveryWrites {
    private final AoAccess ao;
    private final Function<String, Lock> locks;

    public LockedDeliveryWrites(AoAccess ao, Function<String, Lock> locks) {
        this.ao = ao;
        this.locks = locks;
    }

    @Override
    public boolean replaceIfRevision(long id, int expected, Map<String, Object> columns) {
        Lock lock = locks.apply("io.socialdesk.delivery." + id);
        boolean held;
        try {
            held = lock.tryLock(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!held) return false;
        try {
            return ao.inTransaction(() -> {
                DeliveryEntity[] rows = ao.find(DeliveryEntity.class, Query.select().where("ID = ? AND REVISION = ?", id, expected));
                if (rows.length == 0) return false;
                DeliveryEntity row = rows[0];
                columns.forEach((column, value) -> set(row, column, value));
                row.setRevision(expected + 1);
                row.save();
                return true;
            });
        } finally {
            lock.unlock();
        }
    }

    private static void set(DeliveryEntity row, String column, Object value) {
        switch (column) {
            case "STATE" -> row.setState((String) value);
            case "DUE_AT" -> row.setDueAt((Date) value);
            case "ATTEMPTS" -> row.setAttempts((Integer) value);
            case "NEXT_AT" -> row.setNextAt((Date) value);
            case "OWNER" -> row.setOwner((String) value);
            case "REMOTE_ID" -> row.setRemoteId((String) value);
            case "REMOTE_URL" -> row.setRemoteUrl((String) value);
            case "REMOTE_CID" -> row.setRemoteCid((String) value);
            case "PROGRESS" -> row.setProgress((String) value);
            case "CAUSE" -> row.setCause((String) value);
            case "REASON" -> row.setReason((String) value);
            case "SENT_AT" -> row.setSentAt((Date) value);
            case "UPDATED_AT" -> row.setUpdatedAt((Date) value);
            default -> throw new StoreException("Unknown delivery column " + column, null);
        }
    }
}
