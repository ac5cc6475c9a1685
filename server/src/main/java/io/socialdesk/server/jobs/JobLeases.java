package io.socialdesk.server.jobs;

import io.socialdesk.server.db.Database;
import io.socialdesk.store.ao.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Leases in the database, so that of several server nodes on one PostgreSQL only one runs a job
 * at a time. The claim is one conditional UPDATE: it succeeds when the lease has expired or is
 * already ours, and the database serialises concurrent claims on the row.
 */
public final class JobLeases {
    private final Database database;
    private final String table;

    public JobLeases(Database database) {
        this.database = database;
        this.table = database.tableName(JobLeaseEntity.class);
    }

    /** True when this node now holds the lease on {@code jobKey} until {@code until}. */
    public boolean claim(String jobKey, String node, Instant now, Instant until) {
        String sql = "UPDATE \"" + table + "\" SET \"OWNER\" = ?, \"EXPIRES_AT\" = ?"
                + " WHERE \"JOB_KEY\" = ? AND (\"EXPIRES_AT\" <= ? OR \"OWNER\" = ?)";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, node);
            s.setTimestamp(2, Timestamp.from(until));
            s.setString(3, jobKey);
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, node);
            if (s.executeUpdate() == 1) return true;
        } catch (SQLException e) {
            throw new StoreException("Could not claim the lease of " + jobKey, e);
        }
        return createIfAbsent(jobKey, node, until);
    }

    private boolean createIfAbsent(String jobKey, String node, Instant until) {
        try {
            database.ao().create(JobLeaseEntity.class, Map.of("JOB_KEY", jobKey, "OWNER", node, "EXPIRES_AT", Date.from(until)));
            return true;
        } catch (StoreException e) {
            // Another node created it first (unique JOB_KEY) or holds it: not ours this time.
            return false;
        }
    }
}
