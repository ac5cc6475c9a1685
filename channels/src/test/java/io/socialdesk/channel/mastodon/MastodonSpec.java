package io.socialdesk.channel.mastodon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Mastodon's published API description ({@code abraham/mastodon-openapi}, OpenAPI 3.1), read in place from
 * {@code ../shared/reference/data/mastodon/openapi.json} beside the repository and used as JSON Schema 2020-12
 * (networknt json-schema-validator 2.0.8): every request the connector sends and every canned answer the tests
 * play back is checked against it. Absent outside CI, the tests that need it are skipped with a message; in CI
 * (CI=true) its absence fails them.
 */
final class MastodonSpec {
    private static final String DOCUMENT = "https://socialdesk.test/reference/mastodon/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile MastodonSpec loaded;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private MastodonSpec(String text) throws IOException {
        this.document = JSON.readTree(text);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT, text)));
    }

    static Path file() {
        String root = System.getProperty("socialdesk.repo.root");
        Path base = root == null || root.isBlank() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
        return base.resolve("..").resolve("shared").resolve("reference").resolve("data").resolve("mastodon").resolve("openapi.json").normalize();
    }

    /** The spec, or a skipped test when it is absent (a failed one in CI: conformance never passes by being skipped). */
    static MastodonSpec get() {
        Path file = file();
        if ("true".equals(System.getenv("CI")) && !Files.isRegularFile(file)) {
            throw new AssertionError("Mastodon's OpenAPI description is missing in CI: " + file);
        }
        assumeTrue(Files.isRegularFile(file), () -> "Mastodon's OpenAPI description is absent, skipping the schema checks: " + file
                + " (the shared reference folder is checked out next to the repository in CI)");
        MastodonSpec spec = loaded;
        if (spec == null) {
            synchronized (MastodonSpec.class) {
                if (loaded == null) {
                    try {
                        loaded = new MastodonSpec(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                spec = loaded;
            }
        }
        return spec;
    }

    JsonNode document() {
        return document;
    }

    /** An example embedded in the spec ({@code components.examples.<name>.value}), as a real server sent it. */
    JsonNode example(String name) {
        JsonNode value = document.path("components").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
            throw new AssertionError("The spec has no example " + name);
        }
        return value.deepCopy();
    }

    /** {@code #/components/schemas/<name>}. */
    Schema component(String name) {
        return at("#/components/schemas/" + name);
    }

    /** The JSON request body schema of an operation, e.g. ({@code /api/v1/statuses}, {@code post}). */
    Schema requestBody(String path, String method) {
        return at("#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/requestBody/content/application~1json/schema");
    }

    private Schema at(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT + p)));
    }

    /** Every problem, of every kind: what our own requests and the canned answers we write must pass. */
    static void assertValid(Schema schema, JsonNode instance, String what) {
        List<Error> errors = schema.validate(instance);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not match Mastodon's schema " + schema.getSchemaLocation() + ":\n  "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")) + "\n" + instance);
        }
    }

    /**
     * For what real servers send (the spec's own examples): the spec's {@code required} lists follow the newest
     * Mastodon, so a missing field an older server does not send is a warning (networks.md §1, "Validators");
     * a field of the wrong type still fails.
     */
    static List<Error> assertValidAllowingMissingNewerFields(Schema schema, JsonNode instance, String what) {
        List<Error> errors = schema.validate(instance);
        List<Error> missing = errors.stream().filter(e -> "required".equals(e.getKeyword())).collect(Collectors.toList());
        List<Error> wrong = errors.stream().filter(e -> !"required".equals(e.getKeyword())).collect(Collectors.toList());
        missing.forEach(e -> System.out.println("WARNING (field required by newer Mastodon versions): " + what + ": " + e));
        if (!wrong.isEmpty()) {
            throw new AssertionError(what + " does not match Mastodon's schema " + schema.getSchemaLocation() + ":\n  "
                    + wrong.stream().map(Error::toString).collect(Collectors.joining("\n  ")));
        }
        return missing;
    }
}
