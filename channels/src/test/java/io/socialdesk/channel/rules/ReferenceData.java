package io.socialdesk.channel.rules;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The third-party conformance files, read in place from {@code ../shared/reference/data} next to
 * the repository (never copied into it). When that folder is absent the tests that need it are
 * skipped with a message saying where it was looked for; in CI it is present.
 */
final class ReferenceData {
    private ReferenceData() {}

    static Path folder() {
        String root = System.getProperty("socialdesk.repo.root");
        Path base = root == null || root.isBlank() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
        return base.resolve("..").resolve("shared").resolve("reference").resolve("data").normalize();
    }

    /**
     * The file, or a skipped test when the reference data is not there. In CI (CI=true) the shared
     * folder is always beside the repository, so there a missing file fails the test: conformance
     * must never pass by being skipped.
     */
    static Path file(String relative) {
        Path file = folder().resolve(relative);
        if ("true".equals(System.getenv("CI")) && !Files.isRegularFile(file)) {
            throw new AssertionError("Reference data missing in CI: " + file);
        }
        assumeTrue(Files.isRegularFile(file), () -> "Reference data absent, skipping: " + file
                + " (the shared reference folder is checked out next to the repository in CI)");
        return file;
    }

    static JsonNode yaml(String relative) {
        return read(new ObjectMapper(new YAMLFactory()), relative);
    }

    static JsonNode json(String relative) {
        return read(new ObjectMapper(), relative);
    }

    private static JsonNode read(ObjectMapper mapper, String relative) {
        Path file = file(relative);
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
