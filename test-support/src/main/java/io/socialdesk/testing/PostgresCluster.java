package io.socialdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test (class): its own temporary folder, a free port on 127.0.0.1,
 * its own socket folder, trust authentication on 127.0.0.1 only, UTF8 with locale C, fsync off.
 *
 * <pre>{@code
 * try (PostgresCluster pg = PostgresCluster.start()) {
 *     String url = pg.createDatabase("socialdesk");          // jdbc:postgresql://127.0.0.1:PORT/socialdesk
 *     try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) { ... }
 * }
 * }</pre>
 *
 * <p>The binaries come from the system property {@code socialdesk.pg.bindir}, the environment variable
 * {@code SOCIALDESK_PG_BINDIR}, the highest {@code /usr/lib/postgresql/VERSION/bin}, or {@code pg_config --bindir}.
 * PostgreSQL refuses to run as root, so when this JVM runs as uid 0 the binaries run as the OS user
 * {@code postgres} (through {@code runuser}) and the cluster lives in a folder under {@code /tmp} owned by that user.
 *
 * <p>{@link #close()} stops the server and deletes its folder. A JVM shutdown hook and a small watchdog process
 * (which notices when this JVM is gone, even after {@code kill -9}) stop it with {@code pg_ctl stop -m immediate}
 * if a test forgets to.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String INSTALL_HINT =
            "install Debian's postgresql package: apt-get install postgresql";
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String OS_USER = "postgres";

    private final Path binDir;
    private final Path baseDir;
    private final Path dataDir;
    private final Path socketDir;
    private final Path logFile;
    private final boolean asPostgresUser;
    private final String user;
    private final String password;
    private final Thread shutdownHook;
    private volatile int port;
    private volatile Process watchdog;
    private volatile boolean closed;

    private PostgresCluster(Builder b, Path binDir) {
        this.binDir = binDir;
        this.asPostgresUser = b.runAsPostgres != null ? b.runAsPostgres : Exec.isRoot();
        this.user = b.user;
        this.password = b.password;
        try {
            Path parent = asPostgresUser ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
            this.baseDir = Files.createTempDirectory(parent, "socialdesk-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp folder for PostgreSQL", e);
        }
        this.dataDir = baseDir.resolve("data");
        this.socketDir = baseDir.resolve("sock");
        this.logFile = baseDir.resolve("postgres.log");
        this.shutdownHook = new Thread(this::emergencyStop, "socialdesk-pg-shutdown-" + baseDir.getFileName());
    }

    /** Starts a cluster with the defaults: superuser {@code socialdesk}, password {@code socialdesk}. */
    public static PostgresCluster start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link PostgresCluster}. */
    public static final class Builder {
        private Path binDir;
        private String user = "socialdesk";
        private String password = "socialdesk";
        private Boolean runAsPostgres;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /** The folder holding {@code initdb}, {@code pg_ctl} and {@code postgres}; found automatically if unset. */
        public Builder binDir(Path binDir) { this.binDir = binDir; return this; }
        /** The cluster's superuser (and owner of databases made with {@link #createDatabase}). */
        public Builder user(String user) { this.user = user; return this; }
        public Builder password(String password) { this.password = password; return this; }
        /** Forces (or forbids) running the binaries as the OS user {@code postgres}; default: only when root. */
        public Builder runAsPostgresUser(boolean runAsPostgres) { this.runAsPostgres = runAsPostgres; return this; }
        public Builder startTimeout(Duration timeout) { this.startTimeout = timeout; return this; }

        public PostgresCluster start() {
            Path bin = binDir != null ? checkBinDir(binDir) : findBinDir();
            PostgresCluster cluster = new PostgresCluster(this, bin);
            try {
                cluster.initAndStart(startTimeout);
                return cluster;
            } catch (RuntimeException | Error e) {
                try { cluster.close(); } catch (RuntimeException suppressed) { e.addSuppressed(suppressed); }
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- finding the binaries

    /** The PostgreSQL bin folder this machine offers, or an {@link IllegalStateException} that says what to install. */
    public static Path findBinDir() {
        String configured = System.getProperty("socialdesk.pg.bindir", System.getenv("SOCIALDESK_PG_BINDIR"));
        if (configured != null && !configured.isBlank()) return checkBinDir(Path.of(configured));
        return findBinDir(Path.of("/usr/lib/postgresql"), true)
                .orElseThrow(() -> new IllegalStateException(
                        "No PostgreSQL server binaries (initdb, pg_ctl, postgres) found in /usr/lib/postgresql/*/bin"
                                + " nor through pg_config --bindir; " + INSTALL_HINT
                                + " (or point -Dsocialdesk.pg.bindir / SOCIALDESK_PG_BINDIR at them)"));
    }

    /** The highest {@code ROOT/VERSION/bin} holding the server binaries, else (if asked) {@code pg_config --bindir}. */
    static Optional<Path> findBinDir(Path root, boolean tryPgConfig) {
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> best = versions
                        .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .map(p -> p.resolve("bin"))
                        .filter(PostgresCluster::hasServerBinaries)
                        .max(Comparator.comparingDouble(p -> Double.parseDouble(p.getParent().getFileName().toString())));
                if (best.isPresent()) return best;
            } catch (IOException ignored) {
            }
        }
        if (tryPgConfig) {
            try {
                Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() == 0 && !out.isEmpty() && hasServerBinaries(Path.of(out))) return Optional.of(Path.of(out));
            } catch (IOException e) {
                // no pg_config on the PATH
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    private static Path checkBinDir(Path dir) {
        if (!hasServerBinaries(dir)) {
            throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl, postgres) in " + dir + "; "
                    + INSTALL_HINT);
        }
        return dir;
    }

    private static boolean hasServerBinaries(Path dir) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(n -> Files.isExecutable(dir.resolve(n)));
    }

    // ---------------------------------------------------------------- lifecycle

    private void initAndStart(Duration startTimeout) {
        try {
            Files.createDirectories(socketDir);
            Path pwFile = baseDir.resolve("pwfile");
            Files.writeString(pwFile, password + "\n");
            Files.createFile(logFile);
            if (asPostgresUser) {
                // the postgres user must own the folder it writes to; /tmp (1777) lets it traverse to it
                giveToPostgres(baseDir);
                giveToPostgres(socketDir);
                giveToPostgres(pwFile);
                giveToPostgres(logFile);
                Files.setPosixFilePermissions(baseDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + baseDir, e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        Exec.Result init = pg(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", user,
                "--pwfile=" + baseDir.resolve("pwfile"), "-E", "UTF8", "--locale=C", "--auth=trust", "--no-sync"),
                Duration.ofSeconds(120));
        if (!init.ok()) {
            throw new IllegalStateException("initdb failed (exit " + init.exitCode() + ") in " + dataDir + ":\n" + init.output());
        }
        try {
            // trust, but only over the private socket folder and 127.0.0.1
            Files.writeString(dataDir.resolve("pg_hba.conf"),
                    "# written by io.socialdesk.testing.PostgresCluster\n"
                            + "local all all trust\n"
                            + "host  all all 127.0.0.1/32 trust\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pg_hba.conf", e);
        }
        startWatchdog();

        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            port = FreePort.find();
            String opts = "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1"
                    + " -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
            Exec.Result start = pg(List.of(bin("pg_ctl"), "start", "-D", dataDir.toString(), "-l", logFile.toString(),
                    "-w", "-t", String.valueOf(Math.max(1, startTimeout.toSeconds())), "-o", opts),
                    startTimeout.plusSeconds(10));
            if (start.ok() && canConnect()) return;
            failure = new IllegalStateException("PostgreSQL did not start on port " + port + " (attempt " + attempt
                    + ", pg_ctl exit " + start.exitCode() + "):\n" + start.output()
                    + "\n--- " + logFile + " ---\n" + Exec.tailOf(logFile, 30));
            stopServer("immediate");
            if (!Exec.tailOf(logFile, 30).contains("could not bind")) break;   // only a port race is worth a retry
        }
        throw failure;
    }

    private boolean canConnect() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
                return true;
            } catch (SQLException e) {
                last = e;
                try { Thread.sleep(100); } catch (InterruptedException ie) { Thread.currentThread().interrupt(); return false; }
            }
        }
        System.err.println("[PostgresCluster] no JDBC connection on port " + port + ": " + last);
        return false;
    }

    /** Stops the server (fast shutdown, then immediate), and deletes its folder. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid")) && !stopServer("fast")) {
                stopServer("immediate");
            }
            killLeftovers();
        } finally {
            Process w = watchdog;
            if (w != null) w.destroyForcibly();
            Exec.deleteRecursively(baseDir);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotAdded) {
                // fine
            }
        }
    }

    private boolean stopServer(String mode) {
        if (!Files.isDirectory(dataDir)) return true;
        return pg(List.of(bin("pg_ctl"), "stop", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "30"),
                Duration.ofSeconds(40)).ok();
    }

    /** If a postmaster is still alive after pg_ctl stop (it should not be), kill it. */
    private void killLeftovers() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                if (h.info().command().map(c -> c.contains("postgres")).orElse(false)) {
                    h.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException ignored) {
        }
    }

    private void emergencyStop() {
        if (closed) return;
        stopServer("immediate");
        Exec.deleteRecursively(baseDir);
    }

    /** A detached shell that stops the server once this JVM is gone (covers kill -9 of a test JVM). */
    private void startWatchdog() {
        String stop = String.join(" ", pgCommand(List.of(bin("pg_ctl"), "stop", "-D", dataDir.toString(), "-m", "immediate")));
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 2; done; "
                + "if [ -f '" + dataDir + "/postmaster.pid' ]; then " + stop + "; fi; rm -rf '" + baseDir + "'";
        try {
            watchdog = new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // no setsid/sh: the shutdown hook and close() still stop the server
        }
    }

    private Exec.Result pg(List<String> command, Duration timeout) {
        return Exec.run(pgCommand(command), baseDir, baseDir.resolve("commands.log"), timeout);
    }

    private List<String> pgCommand(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        full.addAll(command);
        return full;
    }

    private String bin(String name) {
        return binDir.resolve(name).toString();
    }

    private static void giveToPostgres(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(OS_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(OS_USER);
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(owner);
        view.setGroup(group);
    }

    // ---------------------------------------------------------------- access

    /** {@code jdbc:postgresql://127.0.0.1:PORT/db}. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    /** Creates the database {@code name} (lower case, digits, underscores) and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DB_NAME + ": " + name);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** A new connection to {@code db} as the superuser. */
    public Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), user, password);
    }

    public String host() { return "127.0.0.1"; }
    public int port() { return port; }
    public String user() { return user; }
    public String password() { return password; }
    public Path dataDir() { return dataDir; }
    public Path binDir() { return binDir; }
    /** The server's log file (deleted on close). */
    public Path logFile() { return logFile; }
    public boolean isRunning() { return !closed && FreePort.isListening(port); }

    @Override
    public String toString() {
        return "PostgresCluster[" + jdbcUrl("postgres") + ", " + dataDir + "]";
    }
}
