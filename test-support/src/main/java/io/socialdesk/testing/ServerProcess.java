package io.socialdesk.testing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java program (a jar, or a main class on a class path) started for a test: its stdout and stderr go to a log
 * file, {@link Builder#start()} returns once a line matches the ready pattern, and {@link #close()} stops it
 * (destroy, then destroyForcibly after a grace period, children included).
 *
 * <pre>{@code
 * try (ServerProcess server = ServerProcess.jar(Path.of("../server/target/socialdesk-server.jar"))
 *         .args("--port", "0")
 *         .readyWhen("Listening on (http://\\S+)")
 *         .log(Path.of("target/server.log"))
 *         .start()) {
 *     String baseUrl = server.readyMatch().group(1);
 *     ...
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path logFile;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;
    private final Thread shutdownHook;
    private final List<String> command;
    private volatile Matcher readyMatch;
    private volatile boolean closed;

    /** Runs {@code java [jvmArgs] -jar JAR [args]}. */
    public static Builder jar(Path jar) {
        return new Builder(List.of("-jar", jar.toAbsolutePath().toString()), jar);
    }

    /** Runs {@code java [jvmArgs] -cp CLASSPATH MAINCLASS [args]}. */
    public static Builder mainClass(String mainClass, String classpath) {
        return new Builder(List.of("-cp", classpath, mainClass), null);
    }

    /** Options for {@link ServerProcess}. */
    public static final class Builder {
        private final List<String> target;
        private final Path jar;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private Path workDir;
        private Path log;
        private Pattern ready;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(List<String> target, Path jar) {
            this.target = target;
            this.jar = jar;
        }

        public Builder jvmArgs(String... jvmArgs) { this.jvmArgs.addAll(List.of(jvmArgs)); return this; }
        public Builder args(String... args) { this.args.addAll(List.of(args)); return this; }
        public Builder args(List<String> args) { this.args.addAll(args); return this; }
        public Builder env(String name, String value) { this.env.put(name, value); return this; }
        /** The java executable; default: the one running this JVM. */
        public Builder java(Path java) { this.java = java; return this; }
        public Builder workDir(Path workDir) { this.workDir = workDir; return this; }
        /** Where stdout and stderr go; default: {@code target/processes/NAME-TIMESTAMP.log}. */
        public Builder log(Path log) { this.log = log; return this; }
        /** A regular expression a line of output must contain ({@link Matcher#find()}) before start() returns. */
        public Builder readyWhen(String regex) { this.ready = Pattern.compile(regex); return this; }
        public Builder readyWhen(Pattern regex) { this.ready = regex; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        /**
         * Starts the process and, if a ready pattern is set, waits for it. Throws (after stopping the process)
         * if the process exits first or the timeout passes, with the end of its output in the message.
         */
        public ServerProcess start() {
            if (jar != null && !Files.isRegularFile(jar)) {
                throw new IllegalStateException("no jar at " + jar.toAbsolutePath() + " (build it first: mvn -B package)");
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(jvmArgs);
            cmd.addAll(target);
            cmd.addAll(args);
            Path logFile = log != null ? log : Path.of(System.getProperty("user.dir"), "target", "processes",
                    (jar != null ? jar.getFileName().toString() : target.get(target.size() - 1)).replaceAll("[^A-Za-z0-9._-]", "_")
                            + "-" + System.currentTimeMillis() + ".log");
            ServerProcess server = new ServerProcess(cmd, workDir, env, logFile.toAbsolutePath());
            if (ready != null) {
                try {
                    server.readyMatch = server.awaitLine(ready, timeout);
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
            }
            return server;
        }
    }

    private ServerProcess(List<String> command, Path workDir, Map<String, String> env, Path logFile) {
        this.command = List.copyOf(command);
        this.logFile = logFile;
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().putAll(env);
        BufferedWriter out;
        try {
            Path parent = logFile.getParent();
            if (parent != null) Files.createDirectories(parent);
            out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
            out.write("$ " + String.join(" ", command) + System.lineSeparator());
            out.flush();
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        this.pump = new Thread(() -> pump(out), "server-process-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        this.shutdownHook = new Thread(this::stop, "server-process-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void pump(BufferedWriter out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             out) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // stream closed by the process ending
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /**
     * Waits for a line of output (from the start, earlier lines included) containing {@code regex} and returns the
     * match; throws with the output's tail if the process ends first or {@code timeout} passes.
     */
    public Matcher awaitLine(Pattern regex, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = regex.matcher(lines.get(seen));
                    if (m.find()) return m;
                }
                boolean outputEnded = !pump.isAlive() && !process.isAlive();
                if (outputEnded) {
                    throw new IllegalStateException("process exited (code " + process.exitValue() + ") before printing a line matching /"
                            + regex + "/: " + String.join(" ", command) + "\n--- output (" + logFile + ") ---\n" + tail(40));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no line matching /" + regex + "/ within " + timeout + ": "
                            + String.join(" ", command) + "\n--- output (" + logFile + ") ---\n" + tail(40));
                }
                try {
                    lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for /" + regex + "/", e);
                }
            }
        }
    }

    public Matcher awaitLine(String regex, Duration timeout) {
        return awaitLine(Pattern.compile(regex), timeout);
    }

    /** The match of the ready pattern (null if none was set): {@code readyMatch().group(1)} is often the URL. */
    public Matcher readyMatch() { return readyMatch; }

    /** All output lines so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last {@code n} lines of output. */
    public String tail(int n) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    }

    public Path logFile() { return logFile; }
    public long pid() { return process.pid(); }
    public boolean isAlive() { return process.isAlive(); }
    public Process process() { return process; }

    /** Waits for the process to end by itself and returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("process still running after " + timeout + ": " + String.join(" ", command));
            }
            pump.join(5000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s), its children too. Safe to call more than once. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // shutting down
        }
    }

    private synchronized void stop() {
        if (closed) return;
        closed = true;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) child.destroyForcibly();
            }
            pump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
