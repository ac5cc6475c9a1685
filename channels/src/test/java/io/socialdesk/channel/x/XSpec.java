package io.socialdesk.channel.x;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * X's own OpenAPI description (xdevplatform/xdk {@code specs/openapi.json}, X API 2.167), read in place from
 * {@code ../shared/reference/data/x/openapi.json} beside the repository and checked with Atlassian's
 * swagger-request-validator. Absent outside CI, the tests that need it are skipped with a message; in CI
 * (CI=true) its absence fails them.
 *
 * <p>Two things the validator does not do on its own are done here: it does not look inside multipart bodies
 * (a wrong {@code media_category} passes), so the parts are read and checked as the JSON form of the same
 * schema, which the spec offers for the same operations; and it does not check security, so the tests assert
 * the Authorization header themselves.
 */
final class XSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiInteractionValidator validator;

    /** Keys of the complaints a problem whose type the spec's closed {@code Problem} union does not list gets. */
    static final Set<String> UNLISTED_PROBLEM_KEYS = Set.of("validation.response.body.schema.discriminator",
            "validation.response.body.schema.oneOf");

    /** The live API's names under {@code tweet.fields} for what the 2.167 spec renamed (see {@link XServer#legacy}). */
    static final Set<String> LEGACY_NAMES = Set.of("referenced_tweets", "edit_history_tweet_ids", "tweet_count");

    private XSpec() {
    }

    static Path file() {
        String root = System.getProperty("socialdesk.repo.root");
        Path base = root == null || root.isBlank() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
        return base.resolve("..").resolve("shared").resolve("reference").resolve("data").resolve("x").resolve("openapi.json").normalize();
    }

    /** The validator, loaded once (about two seconds); skips the calling test when the spec is absent outside CI. */
    static synchronized OpenApiInteractionValidator validator() {
        Path file = file();
        if ("true".equals(System.getenv("CI")) && !Files.isRegularFile(file)) {
            throw new AssertionError("X's OpenAPI spec missing in CI: " + file);
        }
        assumeTrue(Files.isRegularFile(file), () -> "X's OpenAPI spec absent, skipping the X contract tests: " + file
                + " (the shared reference folder is checked out next to the repository in CI)");
        if (validator == null) {
            try {
                long started = System.nanoTime();
                validator = OpenApiInteractionValidator.createForInlineApiSpecification(withoutDuplicateEnums(Files.readString(file))).build();
                // The first check of the Problem union compiles its schemas (seconds); do it here, not inside a request.
                validator.validateResponse("/2/tweets", Request.Method.POST, SimpleResponse.Builder.status(500)
                        .withContentType("application/problem+json").withBody("{\"type\":\"about:blank\",\"title\":\"t\",\"detail\":\"d\"}").build());
                validator.validateResponse("/2/tweets", Request.Method.POST, SimpleResponse.Builder.status(201)
                        .withContentType("application/json").withBody("{\"errors\":[{\"type\":\"about:blank\"}]}").build());
                validator.validateResponse("/2/users/1/mentions", Request.Method.GET, SimpleResponse.Builder.status(200)
                        .withContentType("application/json").withBody("{\"errors\":[{\"type\":\"about:blank\"}]}").build());
                System.out.println("X's OpenAPI spec loaded and warmed up in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /** What the validator says of a request as sent: method, path, query, headers, body (multipart parts as their JSON form). */
    static ValidationReport request(String method, HttpUrl url, String contentType, String authorization, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, url.encodedPath());
        for (String name : url.queryParameterNames()) {
            builder.withQueryParam(name, url.queryParameterValues(name));
        }
        if (authorization != null) {
            builder.withAuthorization(authorization);
        }
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            builder.withContentType("application/json").withBody(multipartAsJson(contentType, body));
        } else if (contentType != null) {
            builder.withContentType(contentType).withBody(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return validator().validateRequest(builder.build());
    }

    static ValidationReport response(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return validator().validateResponse(path, Request.Method.valueOf(method), builder.build());
    }

    static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).collect(Collectors.toList());
    }

    /**
     * Whether a complaint is only that an object holds legacy-named properties. The validator treats an
     * unspecified {@code additionalProperties} as false, which is what makes it notice them at all.
     */
    static boolean onlyLegacyNames(ValidationReport.Message message) {
        if (!message.getKey().equals("validation.response.body.schema.additionalProperties")) {
            return false;
        }
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(
                message.getMessage().substring(message.getMessage().indexOf("schema:")));
        boolean any = false;
        while (names.find()) {
            any = true;
            if (!LEGACY_NAMES.contains(names.group(1))) {
                return false;
            }
        }
        return any;
    }

    static String describe(List<ValidationReport.Message> errors) {
        return errors.stream().map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n  "));
    }

    /** The fields of a multipart form as the JSON body the same schema describes: files as base64, digits as integers. */
    static String multipartAsJson(String contentType, byte[] body) {
        String boundary = MediaType.get(contentType).parameter("boundary");
        ObjectNode json = JSON.createObjectNode();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll(".*\\bname=\"([^\"]*)\".*", "$1");
                byte[] bytes = part.body().readByteArray();
                if (disposition.contains("filename=")) {
                    json.put(name, Base64.getEncoder().encodeToString(bytes));
                } else {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    if (text.matches("-?\\d{1,9}")) {
                        json.put(name, Integer.parseInt(text));
                    } else {
                        json.put(name, text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    /**
     * The spec with each {@code enum} list's repeated values left out: X's 2.167 spec lists {@code attachments.media_keys}
     * twice among the direct-message expansions, a schema the validator refuses ("array must not contain duplicate
     * elements"), which made every direct-message call unverifiable. Leaving a repeat out changes no meaning.
     */
    static String withoutDuplicateEnums(String spec) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(spec);
        dedupe(root);
        return JSON.writeValueAsString(root);
    }

    private static void dedupe(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            com.fasterxml.jackson.databind.JsonNode values = object.get("enum");
            if (values != null && values.isArray()) {
                java.util.LinkedHashSet<com.fasterxml.jackson.databind.JsonNode> unique = new java.util.LinkedHashSet<>();
                values.forEach(unique::add);
                if (unique.size() < values.size()) {
                    object.putArray("enum").addAll(unique);
                }
            }
            object.elements().forEachRemaining(XSpec::dedupe);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(XSpec::dedupe);
        }
    }
}
