package io.socialdesk.server.db;

import io.socialdesk.server.ServerEntities;
import io.socialdesk.testing.PostgresCluster;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For store tests that must hold on both databases the server supports: an embedded HSQLDB file and
 * a private PostgreSQL cluster, opened as the server opens them. A test takes one as a parameter:
 * {@code @ParameterizedTest(autoCloseArguments = false) @MethodSource("databases")}.
 */
abstract class OnBothDatabases {
    @TempDir
    static Path data;

    static PostgresCluster postgres;
    static Database hsqldb;
    static Database pg;

    @BeforeAll
    static void openBothDatabases() {
        postgres = PostgresCluster.start();
        hsqldb = Database.open(DatabaseConfig.embedded(data), ServerEntities.all());
        pg = Database.open(new DatabaseConfig(postgres.createDatabase("socialdesk"), postgres.user(), postgres.password()),
                ServerEntities.all());
    }

    @AfterAll
    static void closeBothDatabases() {
        if (hsqldb != null) hsqldb.close();
        if (pg != null) pg.close();
        if (postgres != null) postgres.close();
    }

    static Stream<Database> databases() {
        return Stream.of(hsqldb, pg);
    }
}
