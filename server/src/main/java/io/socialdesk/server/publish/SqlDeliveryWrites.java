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
        StringBuilder sql = new StringBuilder("UPDATE \"").append(table).append("\" SET ");
        List<Object> values = new ArrayList<>();
        List<Integer> nullTypes = new ArrayList<>();
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            sql.append('"').append(column.getKey()).append("\" = ?, ");
            values.add(column.getValue());
            // PostgreSQL wants a typed null: the time columns end in _AT, the others are text.
            nullTypes.add(column.getKey().endsWith("_AT") ? java.sql.Types.TIMESTAMP : java.sql.Types.VARCHAR);
        }
        sql.append("\"REVISION\" = ? WHERE \"ID\" = ? AND \"REVISION\" = ?");
        values.add(expected + 1);
        values.add(id);
        values.add(expected);
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Date d) s.setTimestamp(i + 1, new Timestamp(d.getTime()));
                else if (v == null) s.setNull(i + 1, nullTypes.get(i));
                else s.setObject(i + 1, v);
            }
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not write delivery " + id, e);
        }
    }
}
