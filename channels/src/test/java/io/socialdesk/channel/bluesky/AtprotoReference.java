package io.socialdesk.channel.bluesky;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/**
 * atproto's lexicons and interop files in {@code ../shared/reference/data/atproto}, read in place
 * (never copied into the repository). Absent outside CI: the test is skipped with a message saying
 * where they were looked for; absent in CI (CI=true): the test fails, so conformance never passes by
 * being skipped.
 */
final class AtprotoReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AtprotoReference() {
    }

    static Path folder() {
        String root = System.getProperty("socialdesk.repo.root");
        Path base = root == null || root.isBlank() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
        return base.resolve("..").resolve("shared").resolve("reference").resolve("data").resolve("atproto").normalize();
    }

    static Path path(String relative) {
        Path path = folder().resolve(relative);
        if ("true".equals(System.getenv("CI")) && !Files.exists(path)) {
            throw new AssertionError("atproto reference data missing in CI: " + path);
        }
        assumeTrue(Files.exists(path), () -> "atproto reference data absent, skipping: " + path
                + " (the shared reference folder is checked out next to the repository in CI)");
        return path;
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of an interop {@code syntax/*.txt} file: one per line, without blank lines and {@code #} comments. */
    static List<String> lines(String relative) {
        try {
            return Files.readAllLines(path(relative), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
