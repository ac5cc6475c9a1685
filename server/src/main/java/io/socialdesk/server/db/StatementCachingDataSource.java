package io.socialdesk.server.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections that keep their prepared statements, by SQL text, for the next {@code prepareStatement} of the
 * same text. HSQLDB's driver parses and compiles a statement on every {@code prepareStatement} (a large share
 * of the publishing engine's and the import's time), and neither Active Objects nor HikariCP keeps them;
 * PostgreSQL's driver has a cache of its own, so only the embedded database is wrapped.
 * <p>
 * Sits under the pool: HikariCP closes a borrowed connection's statements when it is given back, and that
 * close returns them here. A statement in use is never handed out twice (a query may run while another with the
 * same text still has its results open): each text keeps a few idle statements, and a connection at most
 * {@code perConnection} in all, the least recently used closed first.
 */
final class StatementCachingDataSource implements DataSource {
    private final DataSource target;
    private final int perConnection;

    StatementCachingDataSource(DataSource target, int perConnection) {
        if (perConnection < 1) throw new IllegalArgumentException("perConnection must be at least 1, was " + perConnection);
        this.target = Objects.requireNonNull(target, "target");
        this.perConnection = perConnection;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return keeping(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return keeping(target.getConnection(username, password));
    }

    private Connection keeping(Connection physical) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new KeptStatements(physical, perConnection));
    }

    /** One physical connection and its idle statements. Used by one thread at a time, as any JDBC connection. */
    private static final class KeptStatements implements InvocationHandler {
        private final Connection physical;
        private final int limit;
        /** Idle statements by key, least recently used first. */
        private final LinkedHashMap<Key, ArrayDeque<PreparedStatement>> idle = new LinkedHashMap<>(64, 0.75f, true);
        private int idleCount;

        KeptStatements(Connection physical, int limit) {
            this.physical = physical;
            this.limit = limit;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement")) return checkOut(Key.of(args), method, args);
            if (name.equals("close")) {
                closeIdle();
            } else if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            } else if (name.equals("isWrapperFor") && args[0] == Connection.class) {
                return true;
            } else if (name.equals("equals")) {
                return proxy == args[0];
            } else if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            return call(physical, method, args);
        }

        private PreparedStatement checkOut(Key key, Method prepare, Object[] args) throws Throwable {
            ArrayDeque<PreparedStatement> kept = idle.get(key);
            PreparedStatement statement = kept == null ? null : kept.pollLast();
            if (statement != null) {
                idleCount--;
                if (kept.isEmpty()) idle.remove(key);
            } else {
                statement = (PreparedStatement) call(physical, prepare, args);
            }
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                    new Borrowed(this, key, statement));
        }

        /** A statement given back: ready for its next use, kept unless the connection holds enough already. */
        void checkIn(Key key, PreparedStatement statement) {
            try {
                statement.clearParameters();
                statement.clearBatch();
                statement.clearWarnings();
                // What a caller may have set for its own use (AO sets the row limit of a query) does not carry over.
                if (statement.getMaxRows() != 0) statement.setMaxRows(0);
                if (statement.getQueryTimeout() != 0) statement.setQueryTimeout(0);
            } catch (SQLException e) {
                closeQuietly(statement);
                return;
            }
            idle.computeIfAbsent(key, k -> new ArrayDeque<>(2)).addLast(statement);
            idleCount++;
            Iterator<Map.Entry<Key, ArrayDeque<PreparedStatement>>> oldest = idle.entrySet().iterator();
            while (idleCount > limit && oldest.hasNext()) {
                Map.Entry<Key, ArrayDeque<PreparedStatement>> entry = oldest.next();
                for (PreparedStatement s : entry.getValue()) closeQuietly(s);
                idleCount -= entry.getValue().size();
                oldest.remove();
            }
        }

        private void closeIdle() {
            for (ArrayDeque<PreparedStatement> kept : idle.values()) for (PreparedStatement s : kept) closeQuietly(s);
            idle.clear();
            idleCount = 0;
        }
    }

    /** The caller's handle on a kept statement: closing it gives the statement back, once. */
    private static final class Borrowed implements InvocationHandler {
        private final KeptStatements owner;
        private final Key key;
        private final PreparedStatement statement;
        private boolean closed;

        Borrowed(KeptStatements owner, Key key, PreparedStatement statement) {
            this.owner = owner;
            this.key = key;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) {
                        closed = true;
                        owner.checkIn(key, statement);
                    }
                    return null;
                case "isClosed":
                    return closed || statement.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    if (closed) throw new SQLException("statement is closed");
                    return call(statement, method, args);
            }
        }
    }

    /** The text and the other arguments of {@code prepareStatement} (result set type, generated keys…): what makes two statements the same. */
    private record Key(String sql, List<Object> options) {
        static Key of(Object[] args) {
            List<Object> options = new ArrayList<>(args.length - 1);
            for (int i = 1; i < args.length; i++) {
                Object option = args[i];
                if (option instanceof int[] columns) option = Arrays.stream(columns).boxed().toList();
                else if (option instanceof String[] columns) option = List.of(columns);
                options.add(option);
            }
            return new Key((String) args[0], options);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing a statement the database already dropped
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
