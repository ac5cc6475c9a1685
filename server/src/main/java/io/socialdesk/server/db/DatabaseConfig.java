package io.socialdesk.server.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which database the server uses: by default an HSQLDB file under the data folder; PostgreSQL (or
 * another HSQLDB) when a JDBC URL is given. The password never appears in {@link #toString()}.
 */
public record DatabaseConfig(String jdbcUrl, String user, String password) {
    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The embedded default: {@code DATA/db/socialdesk}, an HSQLDB file database. */
    public static DatabaseConfig embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("socialdesk");
        // hsqldb.tx=mvcc: readers never block writers; lock_file guards against two processes on one file.
        return new DatabaseConfig("jdbc:hsqldb:file:" + file + ";hsqldb.tx=mvcc;hsqldb.lock_file=true", "SA", "");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public boolean isHsqldb() {
        return jdbcUrl.startsWith("jdbc:hsqldb:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + ", user=" + user + "]";
    }
}
