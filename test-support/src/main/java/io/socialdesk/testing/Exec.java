package io.socialdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, its output in a file; package-private helper. */
final class Exec {
    private Exec() {}

    record Result(int exitCode, String output) {
        boolean ok() { return exitCode == 0; }
    }

    static Result run(List<String> command, Path workDir, Path outputFile, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        try {
            long before = Files.exists(outputFile) ? Files.size(outputFile) : 0;
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, tailSince(outputFile, before) + "\n(timed out after " + timeout + ")");
            }
            return new Result(p.exitValue(), tailSince(outputFile, before));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String tailSince(Path file, long offset) {
        try {
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(offset, all.length);
            return tail(new String(all, from, all.length - from, StandardCharsets.UTF_8), 40);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** The last {@code lines} lines of {@code text}. */
    static String tail(String text, int lines) {
        String[] all = text.split("\\R");
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) out.add(all[i]);
        return String.join("\n", out);
    }

    static String tailOf(Path file, int lines) {
        try {
            return Files.exists(file) ? tail(Files.readString(file, StandardCharsets.UTF_8), lines) : "(no " + file + ")";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try { Files.deleteIfExists(p); } catch (IOException ignored) { }
            });
        } catch (IOException ignored) {
        }
    }
}
