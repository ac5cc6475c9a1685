package io.socialdesk.web.calendar.ical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mozilla's ical.js (the parser inside Thunderbird), installed with {@code npm ci} from web/src/test/js/icaljs into
 * target/icaljs, and its script run with the machine's Node. No Node or npm is a failure, never a skip: CI installs
 * them (.ci/run).
 */
final class IcalJs {
    private static final Path SOURCE = Path.of("src/test/js/icaljs");
    private static final Path HOME = Path.of("target/icaljs");

    private IcalJs() {}

    /** The feed as ical.js reads it: {"name", "events": [{uid, summary, sequence, status, tzid, startLocal, startUtc, ...}]}. */
    static synchronized JsonNode parse(String ics) throws Exception {
        install();
        Path feed = Files.createTempFile(Files.createDirectories(HOME.resolve("feeds")), "feed", ".ics");
        Files.writeString(feed, ics, StandardCharsets.UTF_8);
        String out = run(List.of("node", "parse-ics.mjs", HOME.relativize(feed).toString()), 60);
        return new ObjectMapper().readTree(out);
    }

    private static void install() throws Exception {
        Files.createDirectories(HOME);
        for (String file : List.of("package.json", "package-lock.json", "parse-ics.mjs")) {
            Files.copy(SOURCE.resolve(file), HOME.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String want = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE.resolve("package-lock.json"))));
        Path stamp = HOME.resolve("node_modules/.socialdesk-stamp");
        if (Files.isDirectory(HOME.resolve("node_modules/ical.js")) && Files.exists(stamp) && Files.readString(stamp).equals(want)) return;
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        Files.writeString(stamp, want);
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not installed: the ical.js check needs Node.js and npm (.ci/run installs them)", e);
        }
        process.getOutputStream().close();
        // Read both streams while the process runs, so a full pipe cannot stall it.
        var stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        String out = stdout.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + stderr.join());
        }
        return out;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
