package io.socialdesk.server.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.schema.info.EntityInfo;
import net.java.ao.schema.info.EntityInfoResolver;
import net.java.ao.schema.info.FieldInfo;

/**
 * Rows read once into plain values behind a proxy of the entity interface: what {@code AoAccess.read} answers on the
 * server. The query and the values go through AO's own SQL rendering and column types, so a row reads as AO would
 * read it; but a getter is one map look-up, where AO's entities take a lock (or, streamed, look the column's type up)
 * on every call, which made a calendar month of 2,000 posts spend more time in getters than in the database.
 * The rows cannot be saved: a setter or {@code save} throws.
 */
final class SnapshotRows {
    /** Per entity type: the columns to select, and for each getter the column's position in them. */
    private record Shape(String columns, List<FieldInfo<Object>> fields, Map<String, Integer> getters, String idGetter) {}

    private final EntityManager entityManager;
    private final EntityInfoResolver entityInfo;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    SnapshotRows(EntityManager entityManager, EntityInfoResolver entityInfo) {
        this.entityManager = entityManager;
        this.entityInfo = entityInfo;
    }

    /** The query's columns are ignored: every column is read. */
    <T extends RawEntity<K>, K> List<T> read(Class<T> type, Query query) throws SQLException {
        Shape shape = shapes.computeIfAbsent(type, this::shapeOf);
        Query all = Query.select(shape.columns()).from(type);
        all.setWhereClause(query.getWhereClause());
        all.setWhereParams(query.getWhereParams());
        all.setOrderClause(query.getOrderClause());
        all.setLimit(query.getLimit());
        all.setOffset(query.getOffset());
        String sql = entityManager.getProvider().renderQuery(all, entityManager.getTableNameConverter(), false);
        List<T> rows = new ArrayList<>();
        // The transaction's own connection where there is one (AO bound it to this thread): closing it then does nothing.
        try (Connection c = entityManager.getProvider().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Object[] parameters = query.getWhereParams();
            for (int i = 0; parameters != null && i < parameters.length; i++) EntityManagerAccess.set(s, i + 1, parameters[i]);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object[] values = new Object[shape.fields().size()];
                    for (int i = 0; i < values.length; i++) {
                        FieldInfo<Object> field = shape.fields().get(i);
                        values[i] = field.getTypeInfo().getLogicalType().pullFromDatabase(entityManager, r, field.getJavaType(), i + 1);
                    }
                    rows.add(type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Snapshot(type, shape, values))));
                }
            }
        }
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Shape shapeOf(Class<?> type) {
        EntityInfo<?, ?> info = entityInfo.resolve((Class) type);
        List<FieldInfo<Object>> fields = new ArrayList<>();
        // By name: an entity's getters take no arguments, so a name is one getter; a String key hashes at once.
        Map<String, Integer> getters = new HashMap<>();
        StringBuilder columns = new StringBuilder();
        for (FieldInfo field : info.getFields()) {
            if (!field.isStorable()) continue;
            if (columns.length() > 0) columns.append(", ");
            columns.append(field.getName());
            if (field.hasAccessor()) getters.put(field.getAccessor().getName(), fields.size());
            fields.add(field);
        }
        return new Shape(columns.toString(), List.copyOf(fields), Map.copyOf(getters), info.getPrimaryKey().getAccessor().getName());
    }

    private record Snapshot(Class<?> type, Shape shape, Object[] values) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) {
            Integer column = arguments == null ? shape.getters().get(method.getName()) : null;
            if (column != null) return values[column] == null && method.getReturnType().isPrimitive() ? zeroOf(method.getReturnType()) : values[column];
            return switch (method.getName()) {
                case "getEntityType" -> type;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                case "toString" -> type.getSimpleName() + "{" + values[shape.getters().get(shape.idGetter())] + "}";
                default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " on a row read for reading only");
            };
        }

        /** What AO answers for a NULL in a primitive column. */
        private static Object zeroOf(Class<?> primitive) {
            if (primitive == boolean.class) return false;
            if (primitive == long.class) return 0L;
            if (primitive == double.class) return 0d;
            if (primitive == float.class) return 0f;
            if (primitive == short.class) return (short) 0;
            if (primitive == byte.class) return (byte) 0;
            if (primitive == char.class) return (char) 0;
            return 0;
        }
    }
}
