package io.socialdesk.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Bluesky's own reference servers (PLC, PDS and AppView from {@code @atproto/dev-env}), started outside the JVM by
 * {@code peers/bluesky/start.sh}, for end-to-end tests in any module.
 *
 * <pre>{@code
 * @ExtendWith(BlueskyPeer.Required.class)                           // each test skipped (or failed in CI) without it
 * class PublishToBlueskyTest {
 *     @Test void publishes(BlueskyPeer bluesky) {
 *         BlueskyPeer.Account alice = bluesky.createAccount("alice");  // alice-k3j9x2.test
 *         String appPassword = bluesky.appPassword(alice);
 *         JsonNode created = bluesky.call("com.atproto.repo.createRecord", alice.accessJwt(), body);
 *     }
 * }
 * }</pre>
 *
 * <p>The addresses come from the environment variables (or system properties) {@value #PDS_VARIABLE} and
 * {@value #APPVIEW_VARIABLE}, which {@code peers/bluesky/.run/env} sets. Without them, a test is skipped with a
 * message that says how to start the peer, except in CI ({@code CI=true}), where it fails: CI starts the peer,
 * so a missing one is a broken build, not a reason to skip. Check per test ({@link Required}, or {@link #require()}
 * in {@code @BeforeEach}): Surefire counts a skip in {@code @BeforeAll} as no test at all.
 *
 * <p>Every account gets a handle with a random suffix, so that tests can run again and again against the same
 * network without colliding.
 */
public final class BlueskyPeer {

    public static final String PDS_VARIABLE = "SOCIALDESK_BLUESKY_PDS";
    public static final String APPVIEW_VARIABLE = "SOCIALDESK_BLUESKY_APPVIEW";
    public static final String START_HINT =
            "peers/bluesky/install.sh && peers/bluesky/start.sh && . peers/bluesky/.run/env";
    /** The password of every account this helper makes (the servers are private and short-lived). */
    public static final String ACCOUNT_PASSWORD = "socialdesk-e2e-password";

    /** The PDS refuses a first handle label shorter than 3 or longer than 18 characters. */
    private static final int MAX_LABEL = 18;
    private static final int SUFFIX_LENGTH = 6;
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static volatile BlueskyPeer fromEnvironment;

    private final HttpUrl pds;
    private final HttpUrl appView;
    private final OkHttpClient http;

    /** An account on the PDS: its handle ({@code ….test}), DID, password and the session tokens it was made with. */
    public record Account(String handle, String did, String password, String accessJwt, String refreshJwt) {
        @Override
        public String toString() {
            return "Account[" + handle + ", " + did + "]";   // never the password or tokens
        }
    }

    /** An error answer of an XRPC call: the HTTP status and the {@code error} name of the body (e.g. ExpiredToken). */
    public static final class XrpcException extends RuntimeException {
        private final int status;
        private final String error;

        XrpcException(String method, int status, String error, String body) {
            super(method + " answered HTTP " + status + " " + error + ": " + body);
            this.status = status;
            this.error = error;
        }

        public int status() { return status; }
        public String error() { return error; }
    }

    private BlueskyPeer(HttpUrl pds, HttpUrl appView) {
        this.pds = pds;
        this.appView = appView;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * The running peer; without one, aborts the calling test (a loud skip) outside CI and fails it in CI.
     * Call it from {@code @BeforeAll} or at the start of a test.
     */
    public static BlueskyPeer require() {
        BlueskyPeer peer = fromEnvironment;
        if (peer == null) {
            peer = require(BlueskyPeer::setting, "true".equals(setting("CI")), BlueskyPeer::shout);
            fromEnvironment = peer;
        }
        return peer;
    }

    static BlueskyPeer require(Function<String, String> settings, boolean inCi, Consumer<String> warning) {
        String pds = settings.apply(PDS_VARIABLE);
        String appView = settings.apply(APPVIEW_VARIABLE);
        if (isBlank(pds) || isBlank(appView)) {
            String missing = isBlank(pds) ? PDS_VARIABLE : APPVIEW_VARIABLE;
            if (inCi) {
                Assertions.fail("CI=true but " + missing + " is not set: .ci/run should have started Bluesky's"
                        + " reference servers (" + START_HINT + ") and exported peers/bluesky/.run/env");
            }
            String message = "SKIPPED: Bluesky end-to-end test, no Bluesky peer (" + missing + " is not set)."
                    + " Start one with: " + START_HINT;
            warning.accept(message);
            Assumptions.abort(message);
        }
        return new BlueskyPeer(url(PDS_VARIABLE, pds), url(APPVIEW_VARIABLE, appView));
    }

    /**
     * Writes to the JVM's own standard error, which Maven shows even when Surefire sends the tests' output to
     * files: a skipped end-to-end test must be seen.
     */
    private static void shout(String message) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println("*** " + message);
    }

    private static String setting(String name) {
        String property = System.getProperty(name);
        return isBlank(property) ? System.getenv(name) : property;
    }

    private static HttpUrl url(String name, String value) {
        HttpUrl url = HttpUrl.parse(value.trim());
        if (url == null) throw new IllegalStateException(name + " is not an http(s) URL: " + value);
        return url;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The JUnit 5 extension: before each test, {@link #require()} (skip outside CI, failure in CI), and a
     * {@code BlueskyPeer} parameter for test methods (not constructors: they run before the check, and a skip
     * there would be reported as an error).
     */
    public static final class Required implements BeforeEachCallback, ParameterResolver {
        @Override
        public void beforeEach(ExtensionContext context) {
            require();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BlueskyPeer.class
                    && parameter.getDeclaringExecutable() instanceof java.lang.reflect.Method;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return require();
        }
    }

    /** The PDS's base URL, e.g. {@code http://localhost:2583/}. */
    public String pds() { return pds.toString(); }

    /** The AppView's base URL, e.g. {@code http://localhost:2584/}. */
    public String appView() { return appView.toString(); }

    /**
     * Creates an account with handle {@code PREFIX-RANDOM.test} (lower-case letters, digits and inner hyphens;
     * at most 11 characters, the PDS allowing 18 before {@code .test}) and the password {@link #ACCOUNT_PASSWORD}.
     */
    public Account createAccount(String handlePrefix) {
        Objects.requireNonNull(handlePrefix, "handlePrefix");
        int maxPrefix = MAX_LABEL - SUFFIX_LENGTH - 1;
        if (!PREFIX.matcher(handlePrefix).matches() || handlePrefix.length() > maxPrefix) {
            throw new IllegalArgumentException("handlePrefix must be 1 to " + maxPrefix
                    + " lower-case letters, digits and inner hyphens, starting with a letter: " + handlePrefix);
        }
        String label = handlePrefix + "-" + randomSuffix();
        ObjectNode body = MAPPER.createObjectNode()
                .put("handle", label + ".test")
                .put("email", label + "@socialdesk.test")
                .put("password", ACCOUNT_PASSWORD);
        JsonNode created = call("com.atproto.server.createAccount", null, body);
        return new Account(created.path("handle").asText(), created.path("did").asText(), ACCOUNT_PASSWORD,
                created.path("accessJwt").asText(), created.path("refreshJwt").asText());
    }

    /**
     * A new app password for the account ({@code com.atproto.server.createAppPassword}, not privileged), the
     * kind of secret a person pastes into Social Desk to connect a Bluesky account.
     */
    public String appPassword(Account account) {
        ObjectNode body = MAPPER.createObjectNode().put("name", "socialdesk-" + randomSuffix());
        return call("com.atproto.server.createAppPassword", account.accessJwt(), body).path("password").asText();
    }

    /** {@code com.atproto.server.createSession}: a fresh session of the account, with its own tokens. */
    public JsonNode createSession(String identifier, String password) {
        ObjectNode body = MAPPER.createObjectNode().put("identifier", identifier).put("password", password);
        return call("com.atproto.server.createSession", null, body);
    }

    /** An XRPC procedure (POST with a JSON body) on the PDS; {@code accessJwt} may be null. */
    public JsonNode call(String method, String accessJwt, JsonNode body) {
        Request.Builder request = new Request.Builder()
                .url(pds.newBuilder().addPathSegment("xrpc").addPathSegment(method).build())
                .post(RequestBody.create(body.toString(), JSON));
        return execute(method, request, accessJwt);
    }

    /** An XRPC query (GET) on the PDS, which hands {@code app.bsky.*} queries on to the AppView. */
    public JsonNode query(String method, String accessJwt, Map<String, String> parameters) {
        HttpUrl.Builder url = pds.newBuilder().addPathSegment("xrpc").addPathSegment(method);
        parameters.forEach(url::addQueryParameter);
        return execute(method, new Request.Builder().url(url.build()).get(), accessJwt);
    }

    private JsonNode execute(String method, Request.Builder request, String accessJwt) {
        if (accessJwt != null) request.header("Authorization", "Bearer " + accessJwt);
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                String error = "";
                try {
                    error = MAPPER.readTree(text).path("error").asText("");
                } catch (IOException notJson) {
                    // keep the raw body in the message
                }
                throw new XrpcException(method, response.code(), error, text);
            }
            return text.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " on " + pds + " failed (is the Bluesky peer running? "
                    + START_HINT + ")", e);
        }
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return s.toString();
    }

    @Override
    public String toString() {
        return "BlueskyPeer[pds=" + pds + ", appview=" + appView + "]";
    }
}
