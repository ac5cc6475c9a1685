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
import java.util.Optional;
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
    private static volatile boolean warned;

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
        assumeTrue(Files.isRegularFile(file) || inCi(), () -> absent(file));
        return available().orElseThrow();
    }

    /**
     * The spec when it is there. Outside CI, an absent spec turns the schema checks of the contract tests into
     * no-ops (said once on the console, and {@code MastodonSchemaTest} shows as skipped) so that the contract
     * tests still run; in CI its absence fails them.
     */
    static Optional<MastodonSpec> available() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            if (inCi()) {
                throw new AssertionError("Mastodon's OpenAPI description is missing in CI: " + file);
            }
            if (!warned) {
                warned = true;
                System.out.println("WARNING: " + absent(file));
            }
            return Optional.empty();
        }
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
        return Optional.of(spec);
    }

    private static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    private static String absent(Path file) {
        return "Mastodon's OpenAPI description is absent, skipping the schema checks: " + file
                + " (the shared reference folder is checked out next to the repository in CI)";
    }

    /** Checks a canned answer against {@code #/components/schemas/<schema>} (or each item, for {@code [Schema]}). */
    static JsonNode checkAnswer(String schema, JsonNode body) {
        available().ifPresent(spec -> {
            if (schema.startsWith("[")) {
                Schema item = spec.component(schema.substring(1, schema.length() - 1));
                body.forEach(element -> assertValid(item, element, "canned " + schema + " item"));
            } else {
                assertValid(spec.component(schema), body, "canned " + schema);
            }
        });
        return body;
    }

    /** Checks a request body we sent against the operation's request body schema. */
    static JsonNode checkRequest(String path, String method, JsonNode body) {
        available().ifPresent(spec -> spec.assertValidRequestBody(path, method, body));
        return body;
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

    /** The request body schema of an operation, e.g. ({@code /api/v1/statuses}, {@code post}, {@code application/json}). */
    Schema requestBody(String path, String method, String contentType) {
        return at(requestBodyPointer(path, method, contentType));
    }

    private static String requestBodyPointer(String path, String method, String contentType) {
        return "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/requestBody/content/"
                + contentType.replace("~", "~0").replace("/", "~1") + "/schema";
    }

    /**
     * A request body against its operation's schema. {@code POST /api/v1/statuses} is {@code oneOf TextStatus |
     * MediaStatus | PollStatus}, but those alternatives do not exclude one another (none forbids the others'
     * fields), so a status with text AND media, which Mastodon accepts, matches two and fails {@code oneOf}. For a
     * {@code oneOf} of references the body must therefore match at least one alternative fully (every error of
     * every alternative is reported when none matches).
     */
    void assertValidRequestBody(String path, String method, JsonNode body) {
        String contentType = document.at(("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/requestBody/content"))
                .has("application/json") ? "application/json" : "multipart/form-data";
        String pointer = requestBodyPointer(path, method, contentType);
        JsonNode schemaNode = document.at(pointer.substring(1));
        if (schemaNode.isMissingNode()) {
            throw new AssertionError("The spec has no request body for " + method + " " + path);
        }
        JsonNode alternatives = schemaNode.path("oneOf");
        if (!alternatives.isArray()) {
            assertValid(at(pointer), body, method.toUpperCase(java.util.Locale.ROOT) + " " + path + " request body");
            return;
        }
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < alternatives.size(); i++) {
            List<Error> errors = at(pointer + "/oneOf/" + i).validate(body);
            if (errors.isEmpty()) {
                return;
            }
            problems.append("\n  as ").append(alternatives.get(i).path("$ref").asText("alternative " + i)).append(": ")
                    .append(errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
        throw new AssertionError(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " request body matches none of its schemas:" + problems
                + "\n" + body);
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
     * Mastodon, so a missing field an older server does not send is a warning (networks.md §1, "Validators").
     * So is what such a gap causes around it: a {@code oneOf}/{@code anyOf} of "the object or null" fails, and its
     * null branch reports "object found, null expected", at a place holding a missing field. Any other problem,
     * a field of the wrong type above all, fails.
     */
    static List<Error> assertValidAllowingMissingNewerFields(Schema schema, JsonNode instance, String what) {
        List<Error> errors = schema.validate(instance);
        List<Error> missing = errors.stream().filter(e -> "required".equals(e.getKeyword())).collect(Collectors.toList());
        List<String> gaps = missing.stream().map(e -> e.getInstanceLocation().toString()).collect(Collectors.toList());
        List<Error> wrong = errors.stream()
                .filter(e -> !"required".equals(e.getKeyword()))
                .filter(e -> !(consequenceOfAGap(e) && gaps.stream().anyMatch(gap -> within(gap, e.getInstanceLocation().toString()))))
                .collect(Collectors.toList());
        missing.forEach(e -> System.out.println("WARNING (a field newer Mastodon versions require): " + what + ": " + e));
        if (!wrong.isEmpty()) {
            throw new AssertionError(what + " does not match Mastodon's schema " + schema.getSchemaLocation() + ":\n  "
                    + wrong.stream().map(Error::toString).collect(Collectors.joining("\n  ")));
        }
        return missing;
    }

    private static boolean consequenceOfAGap(Error e) {
        return "oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword())
                || ("type".equals(e.getKeyword()) && e.getMessage().contains("null expected"));
    }

    private static boolean within(String inner, String outer) {
        return inner.equals(outer) || inner.startsWith(outer + "/");
    }
}
