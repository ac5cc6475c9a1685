package io.socialdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresClusterTest {

    @Test
    void startsAPrivateClusterThatStoresRowsAndStopsOnClose() throws Exception {
        long t0 = System.nanoTime();
        PostgresCluster pg = PostgresCluster.start();
        long started = System.nanoTime();
        Path dataDir = pg.dataDir();
        int port = pg.port();
        try (pg) {
            assertThat(pg.isRunning()).isTrue();
            assertThat(pg.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            String url = pg.createDatabase("social_desk_it");
            assertThat(url).endsWith("/social_desk_it");
            try (Connection c = pg.connect("social_desk_it"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE post (id serial PRIMARY KEY, body text NOT NULL)");
                s.execute("INSERT INTO post (body) VALUES ('Bonjour, l''équipe 👋'), ('hello')");
                try (ResultSet rs = s.executeQuery("SELECT body FROM post ORDER BY id")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("Bonjour, l'équipe 👋");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("hello");
                }
                try (ResultSet rs = s.executeQuery("SELECT current_user, pg_encoding_to_char(encoding), datcollate"
                        + " FROM pg_database WHERE datname = current_database()")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(pg.user());
                    assertThat(rs.getString(2)).isEqualTo("UTF8");
                    assertThat(rs.getString(3)).isEqualTo("C");
                }
                try (ResultSet rs = s.executeQuery("SHOW fsync")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("off");
                }
            }
        }
        long stopped = System.nanoTime();
        System.out.printf("PostgreSQL start %d ms, use+stop %d ms%n", (started - t0) / 1_000_000, (stopped - started) / 1_000_000);
        assertThat(FreePort.isListening(port)).isFalse();
        assertThat(dataDir).doesNotExist();
        assertThat(dataDir.getParent()).doesNotExist();
        pg.close(); // idempotent
    }

    @Test
    void twoClustersRunSideBySide() throws Exception {
        try (PostgresCluster a = PostgresCluster.start(); PostgresCluster b = PostgresCluster.start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            a.createDatabase("only_in_a");
            try (Connection c = b.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'only_in_a'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void rejectsUnsafeDatabaseNames() {
        try (PostgresCluster pg = PostgresCluster.start()) {
            assertThatThrownBy(() -> pg.createDatabase("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void saysWhatToInstallWhenNoBinariesAreFound(@TempDir Path empty) throws Exception {
        assertThat(PostgresCluster.findBinDir(empty.resolve("nothing-here"), false)).isEmpty();
        Files.createDirectories(empty.resolve("15/bin"));
        assertThat(PostgresCluster.findBinDir(empty, false)).isEmpty();
        assertThatThrownBy(() -> PostgresCluster.builder().binDir(empty.resolve("15/bin")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install postgresql");
    }

    @Test
    void picksTheHighestInstalledVersion(@TempDir Path root) throws Exception {
        for (String v : new String[] {"9.6", "13", "15"}) {
            Path bin = Files.createDirectories(root.resolve(v).resolve("bin"));
            for (String n : new String[] {"initdb", "pg_ctl", "postgres"}) {
                Path f = Files.createFile(bin.resolve(n));
                f.toFile().setExecutable(true);
            }
        }
        Files.createDirectories(root.resolve("16/bin")); // no binaries: ignored
        assertThat(PostgresCluster.findBinDir(root, false)).contains(root.resolve("15/bin"));
    }
}
