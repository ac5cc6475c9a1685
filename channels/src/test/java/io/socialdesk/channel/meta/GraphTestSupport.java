package io.socialdesk.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * What the Meta contract tests share. There is no official OpenAPI description of the Graph, Instagram
 * or Threads APIs, so the answers here are built from the documented payloads transcribed in
 * {@code shared/reference/networks.md} (sections 3.5 to 3.7) and the Threads Postman collection.
 */
public final class GraphTestSupport {
    public static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private GraphTestSupport() {
    }

    /** Short timeouts: a test of a missing answer should not wait long. */
    public static HttpCalls http() {
        return new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=UTF-8").setBody(body);
    }

    public static MockResponse ok(String body) {
        return json(200, body);
    }

    /** The Graph error object as networks.md §3.5 shows it. */
    public static MockResponse graphError(int status, int code, Integer subcode, String message) {
        return json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbCdEf123\"}}");
    }

    public static MockResponse html(int status) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/html")
                .setBody("<!DOCTYPE html><html><body><h1>Sorry, something went wrong.</h1></body></html>");
    }

    public static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    /** The form fields of a urlencoded body. */
    public static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBody().clone().readString(StandardCharsets.UTF_8);
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return fields;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public static String reason(Outcome outcome) {
        return GraphOutcomes.reason(outcome);
    }

    /** Records progress, and what the server had received at the moment of each record. */
    public static final class RecordingProgress implements Progress {
        public final Map<String, String> values = new LinkedHashMap<>();
        public final List<String> order = new ArrayList<>();
        public final Map<String, Integer> requestsSeenAtRecord = new LinkedHashMap<>();
        private final IntSupplier requestCount;

        public RecordingProgress(MockWebServer server) {
            this.requestCount = server::getRequestCount;
        }

        @Override
        public void record(String name, String value) {
            values.put(name, value);
            order.add(name);
            requestsSeenAtRecord.put(name, requestCount.getAsInt());
        }
    }

    /** A sleeper that records the waits instead of waiting. */
    public static final class RecordingSleeper implements Sleeper {
        public final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
