package io.socialdesk.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.socialdesk.core.health.DatabaseProbe;
import io.socialdesk.store.ao.AoAccess;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import net.java.ao.DatabaseProvider;
import net.java.ao.DefaultSchemaConfiguration;
import net.java.ao.DisposableDataSource;
import net.java.ao.EntityManager;
import net.java.ao.EntityManagerConfiguration;
import net.java.ao.RawEntity;
import net.java.ao.SchemaConfiguration;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.builder.SimpleNameConverters;
import net.java.ao.db.HSQLDatabaseProvider;
import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.DefaultIndexNameConverter;
import net.java.ao.schema.DefaultSequenceNameConverter;
import net.java.ao.schema.DefaultTriggerNameConverter;
import net.java.ao.schema.DefaultUniqueNameConverter;
import net.java.ao.schema.NameConverters;
import net.java.ao.schema.info.CachingEntityInfoResolverFactory;
import net.java.ao.schema.info.EntityInfoResolverFactory;

/**
 * The server's database: a HikariCP pool under AO's {@link EntityManager}, named exactly as Jira
 * names the plugin's tables ({@code AO_xxxxxx_POST}, the hash taken from the same namespace), so
 * the data layout is the same in both hosts.
 */
public final class Database implements AutoCloseable, DatabaseProbe {
    /** The {@code namespace} of the Jira descriptor's {@code <ao>} module. */
    public static final String AO_NAMESPACE = "io.socialdesk";
    /** Prepared statements an embedded connection keeps: the engine's and the import's few dozen texts, with room for IN lists of many sizes. */
    private static final int STATEMENTS_KEPT = 256;
    /** The log size (MB) that starts a checkpoint of the embedded database. */
    private static final int LOG_MEGABYTES = 200;

    private final DatabaseConfig config;
    private final HikariDataSource pool;
    private final EntityManager entityManager;
    private final EntityManagerAccess access;

    private Database(DatabaseConfig config, HikariDataSource pool, EntityManager entityManager) {
        this.config = config;
        this.pool = pool;
        this.entityManager = entityManager;
        this.access = new EntityManagerAccess(entityManager);
    }

    /** Opens the pool and creates or updates the tables of the given entities. */
    public static Database open(DatabaseConfig config, List<Class<? extends RawEntity<?>>> entities) {
        if (!config.isHsqldb() && !config.isPostgres()) {
            throw new IllegalArgumentException("Unsupported database URL: use jdbc:postgresql://... or jdbc:hsqldb:...");
        }
        HikariConfig hikari = new HikariConfig();
        if (config.isHsqldb()) {
            org.hsqldb.jdbc.JDBCDataSource hsqldb = new org.hsqldb.jdbc.JDBCDataSource();
            hsqldb.setUrl(config.jdbcUrl());
            hsqldb.setUser(config.user());
            hsqldb.setPassword(config.password());
            hikari.setDataSource(new StatementCachingDataSource(hsqldb, STATEMENTS_KEPT));
        } else {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.isHsqldb() ? 8 : 16);
        hikari.setPoolName("socialdesk");
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            if (config.isHsqldb()) {
                // A commit is on disk when it returns. With HSQLDB's default (a write delay of 500 ms) the last commits wait in its
                // buffer and a killed process forgets them: the publisher's "sending now" mark among them, so that after a restart
                // a post went out a second time (PublishingCrashIT). Stored with the database, so it holds for every later start.
                try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
                    s.execute("SET FILES WRITE DELAY FALSE");
                    // A checkpoint rewrites every table of the file database and holds every session while it does; at
                    // HSQLDB's default (a log of 50 MB) a busy import checkpointed every few seconds, a tenth of its time and
                    // more as the data grew. A restart after a crash replays at most this much log.
                    s.execute("SET FILES LOG SIZE " + LOG_MEGABYTES);
                    noPad(s);
                }
            }
            DisposableDataSource dataSource = new PooledDataSource(pool);
            DatabaseProvider provider = config.isPostgres()
                    ? new PostgreSQLDatabaseProvider(dataSource)
                    : new HSQLDatabaseProvider(dataSource);
            EntityManager entityManager = new EntityManager(provider, new AtlassianNaming(tablePrefix()));
            @SuppressWarnings("unchecked")
            Class<? extends RawEntity<?>>[] types = entities.toArray(new Class[0]);
            entityManager.migrate(types);
            return new Database(config, pool, entityManager);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("Could not open the database " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new database compares text as PostgreSQL does, trailing spaces included ({@code NO PAD}), instead of HSQLDB's default
     * ({@code PAD SPACE}), which pads the shorter of two strings with spaces before each comparison: an allocation in every
     * index step of every look-up and insert, about half of what an indexed look-up by key cost (docs/benchmarks.md, issue 6).
     * The app already runs on PostgreSQL's semantics. Set only while the database has no table: the order of an index built
     * under one rule is not the order under the other for strings that differ by a trailing control character.
     */
    private static void noPad(java.sql.Statement s) throws SQLException {
        try (java.sql.ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            tables.next();
            if (tables.getLong(1) > 0) return;
        }
        s.execute("SET DATABASE COLLATION SQL_TEXT NO PAD");
    }

    /** {@code AO_} and the last six hex digits of the MD5 of the namespace, as Jira computes it. */
    public static String tablePrefix() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(AO_NAMESPACE.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5);
            return "AO_" + hex.substring(hex.length() - 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public AoAccess ao() {
        return access;
    }

    /**
     * A connection for a raw statement: inside a store transaction on this thread, that transaction's own
     * connection (closing it then does nothing), so the statement commits with the rest; else a pooled one.
     */
    public java.sql.Connection connection() throws SQLException {
        return entityManager.getProvider().getConnection();
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** The real table name of an entity, e.g. {@code AO_2B2B7A_JOB_LEASE}, for the few raw SQL statements. */
    public String tableName(Class<? extends RawEntity<?>> entity) {
        return entityManager.getNameConverters().getTableNameConverter().getName(entity);
    }

    @Override
    public DatabaseStatus check() {
        try (Connection connection = pool.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            boolean valid = connection.isValid(2);
            return new DatabaseStatus(valid, product, valid ? "ok" : "connection not valid");
        } catch (SQLException e) {
            return new DatabaseStatus(false, config.isPostgres() ? "PostgreSQL" : "HSQLDB", "unreachable");
        }
    }

    @Override
    public void close() {
        if (config.isHsqldb()) {
            // Writes the HSQLDB file cleanly, so the next start does not replay the log.
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already closed
            }
        }
        pool.close();
    }

    /** Jira's naming rules for tables, columns, sequences, triggers, indexes and unique constraints. */
    private static final class AtlassianNaming implements EntityManagerConfiguration {
        private final NameConverters names;
        private final SchemaConfiguration schema = new DefaultSchemaConfiguration();
        private final EntityInfoResolverFactory infos = new CachingEntityInfoResolverFactory();

        AtlassianNaming(String prefix) {
            this.names = new SimpleNameConverters(
                    new AtlassianTableNameConverter(name -> prefix + "_" + name),
                    new AtlassianFieldNameConverter(),
                    new AtlassianSequenceNameConverter(new DefaultSequenceNameConverter()),
                    new AtlassianTriggerNameConverter(new DefaultTriggerNameConverter()),
                    new AtlassianIndexNameConverter(new DefaultIndexNameConverter()),
                    new AtlassianUniqueNameConverter(new DefaultUniqueNameConverter()));
        }

        @Override
        public boolean useWeakCache() {
            return false;
        }

        @Override
        public NameConverters getNameConverters() {
            return names;
        }

        @Override
        public SchemaConfiguration getSchemaConfiguration() {
            return schema;
        }

        @Override
        public EntityInfoResolverFactory getEntityInfoResolverFactory() {
            return infos;
        }
    }

    /** The pool as AO wants it: a data source it may dispose of. */
    private static final class PooledDataSource implements DisposableDataSource {
        private final HikariDataSource pool;

        PooledDataSource(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override public Connection getConnection() throws SQLException { return pool.getConnection(); }
        @Override public Connection getConnection(String u, String p) throws SQLException { return pool.getConnection(u, p); }
        @Override public PrintWriter getLogWriter() throws SQLException { return pool.getLogWriter(); }
        @Override public void setLogWriter(PrintWriter out) throws SQLException { pool.setLogWriter(out); }
        @Override public void setLoginTimeout(int seconds) throws SQLException { pool.setLoginTimeout(seconds); }
        @Override public int getLoginTimeout() throws SQLException { return pool.getLoginTimeout(); }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return pool.getParentLogger(); }
        @Override public <T> T unwrap(Class<T> type) throws SQLException { return pool.unwrap(type); }
        @Override public boolean isWrapperFor(Class<?> type) throws SQLException { return pool.isWrapperFor(type); }
        @Override public void dispose() { /* the Database closes the pool */ }
    }
}
