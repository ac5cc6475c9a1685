package io.socialdesk.server.publish;

import io.socialdesk.server.db.Database;
import io.socialdesk.store.ao.StoreException;
import io.socialdesk.store.publish.DeliveryEntity;
import io.socialdesk.store.publish.DeliveryWrites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The server's claim: one conditional UPDATE ({@code ... WHERE ID = ? AND REVISION = ?}). On HSQLDB and
 * PostgreSQL alike the database locks the row for the update, so of two nodes (or threads) writing the
 * same revision exactly one sees a row changed; the other sees none and leaves the delivery alone.
 */
public final class SqlDeliveryWrites implements DeliveryWrites {
    private final Database database;
    private final String table;

    public SqlDeliveryWrites(Database database) {
        this.database = database;
        this.table = database.tableName(DeliveryEntity.class);
    }

    @Override
    public boolean replaceIfRevision(long id, int expected, Map<String, Object> columns) {
        return replaceEachIfRevision(List.of(new Change(id, expected, columns)))[0];
    }

    /** One prepared statement, executed as a JDBC batch: each row's update count says whether its revision matched. */
    @Override
    public boolean[] replaceEachIfRevision(List<Change> changes) {
        boolean[] written = new boolean[changes.size()];
        if (changes.isEmpty()) return written;
        Map<String, Object> shape = changes.get(0).columns();
        StringBuilder sql = new StringBuilder("UPDATE \"").append(table).append("\" SET ");
        List<Integer> nullTypes = new ArrayList<>();
        for (String column : shape.keySet()) {
            sql.append('"').append(column).append("\" = ?, ");
            // PostgreSQL wants a typed null: the time columns end in _AT, the others are text.
            nullTypes.add(column.endsWith("_AT") ? java.sql.Types.TIMESTAMP : java.sql.Types.VARCHAR);
        }
        sql.append("\"REVISION\" = ? WHERE \"ID\" = ? AND \"REVISION\" = ?");
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (Change change : changes) {
                if (!change.columns().keySet().equals(shape.keySet())) throw new IllegalArgumentException("Every change must set the same columns");
                int i = 1;
                int column = 0;
                for (Object v : change.columns().values()) {
                    if (v instanceof Date d) s.setTimestamp(i, new Timestamp(d.getTime()));
                    else if (v == null) s.setNull(i, nullTypes.get(column));
                    else s.setObject(i, v);
                    i++;
                    column++;
                }
                s.setInt(i++, change.expected() + 1);
                s.setLong(i++, change.id());
                s.setInt(i, change.expected());
                if (changes.size() > 1) s.addBatch();
            }
            if (changes.size() == 1) {
                written[0] = s.executeUpdate() == 1;
            } else {
                int[] counts = s.executeBatch();
                for (int k = 0; k < counts.length; k++) written[k] = counts[k] == 1;
            }
            return written;
        } catch (SQLException e) {
            throw new StoreException("Could not write " + changes.size() + " deliveries", e);
        }
    }

    /** The statements of {@code work} share one transaction, so a batch of claims is one commit. */
    @Override
    public <T> T together(java.util.function.Supplier<T> work) {
        return database.ao().inTransaction(work);
    }
}
