package io.socialdesk.server.cli;

import io.socialdesk.server.db.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives; shared by every command that opens the database. */
public final class DatabaseOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder: the embedded database, keys and uploaded media live here (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Use this database instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/socialdesk. "
                    + "The password is read from the SOCIALDESK_DB_PASSWORD environment variable.")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (with --db).")
    String user;

    public DatabaseConfig config() {
        if (jdbcUrl == null || jdbcUrl.isBlank()) return DatabaseConfig.embedded(data);
        return new DatabaseConfig(jdbcUrl.strip(), user, System.getenv("SOCIALDESK_DB_PASSWORD"));
    }
}
