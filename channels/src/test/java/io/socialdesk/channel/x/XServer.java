package io.socialdesk.channel.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A MockWebServer playing X. Every request the connector sends is checked against X's OpenAPI spec as it
 * arrives, and so is every canned answer, marked with what it is: a valid answer (must pass), a deliberately
 * broken one (the validator must flag it, so the test proves the connector copes with something X's contract
 * rules out), a problem whose type the spec's closed union does not list (only that may be flagged), a post
 * in the field names the live API uses with {@code tweet.fields} (only those names may be flagged), or an
 * endpoint the spec does not describe (the OAuth token endpoint). {@link #verify()} fails the test on any complaint.
 */
final class XServer implements AutoCloseable {
    enum Spec { VALID, LEGACY_FIELDS, OFF_SPEC, UNLISTED_PROBLEM, NOT_IN_SPEC, NO_ANSWER }

    private record Canned(MockResponse response, Spec spec) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Deque<Canned> queue = new ArrayDeque<>();
    private final List<String> complaints = Collections.synchronizedList(new ArrayList<>());

    XServer() {
        XSpec.validator(); // loads the spec in the test's thread, so that its absence skips the test there
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return server.url("/").uri();
    }

    /** A JSON answer X's spec describes. */
    XServer json(int status, String body) {
        return enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body), Spec.VALID);
    }

    /** An RFC 7807 problem as X sends it; {@code spec} says whether its type is one the spec lists. */
    XServer problem(int status, String body, Spec spec) {
        return enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json").setBody(body), spec);
    }

    /**
     * A JSON answer in the live API's names for what {@code tweet.fields} asks ({@code referenced_tweets},
     * {@code edit_history_tweet_ids}, {@code tweet_count}), which X API 2.167's spec calls {@code referenced_posts},
     * {@code edit_history_post_ids} and {@code post_count}; only those names may be flagged.
     */
    XServer legacy(int status, String body) {
        return enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body), Spec.LEGACY_FIELDS);
    }

    /** An answer of the token endpoint, which the spec does not describe. */
    XServer token(int status, String body) {
        return enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body), Spec.NOT_IN_SPEC);
    }

    /** The connection closes once the request is read: no answer at all. */
    XServer disconnect() {
        return enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST), Spec.NO_ANSWER);
    }

    synchronized XServer enqueue(MockResponse response, Spec spec) {
        queue.add(new Canned(response, spec));
        return this;
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
            assertThat(request).as("a request the connector should have sent").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int requests() {
        return server.getRequestCount();
    }

    /** No complaint from the spec checks, and every canned answer was asked for. */
    void verify() {
        assertThat(complaints).as("requests and answers against X's OpenAPI spec").isEmpty();
        synchronized (this) {
            assertThat(queue).as("canned answers the connector never asked for").isEmpty();
        }
    }

    private MockResponse answer(RecordedRequest request) {
        Canned canned;
        synchronized (this) {
            canned = queue.poll();
        }
        String what = request.getMethod() + " " + request.getRequestUrl().encodedPath();
        if (canned == null) {
            complaints.add("unexpected request " + what);
            return new MockResponse().setResponseCode(599);
        }
        try {
            check(request, canned, what);
        } catch (RuntimeException e) {
            complaints.add(what + ": the spec check itself failed: " + e);
        }
        return canned.response;
    }

    private void check(RecordedRequest request, Canned canned, String what) {
        if (canned.spec == Spec.NOT_IN_SPEC) {
            return;
        }
        List<ValidationReport.Message> sent = XSpec.errors(XSpec.request(request.getMethod(), request.getRequestUrl(),
                request.getHeader("Content-Type"), request.getHeader("Authorization"), request.getBody().clone().readByteArray()));
        if (!sent.isEmpty()) {
            complaints.add("request " + what + " breaks X's spec:\n  " + XSpec.describe(sent));
        }
        if (canned.spec == Spec.NO_ANSWER) {
            return;
        }
        MockResponse response = canned.response;
        int status = Integer.parseInt(response.getStatus().split(" ")[1]);
        String body = response.getBody() == null ? "" : response.getBody().clone().readUtf8();
        List<ValidationReport.Message> answered = XSpec.errors(XSpec.response(request.getMethod(), request.getRequestUrl().encodedPath(),
                status, response.getHeaders().get("Content-Type"), body));
        switch (canned.spec) {
            case VALID -> {
                if (!answered.isEmpty()) {
                    complaints.add("canned answer to " + what + " breaks X's spec:\n  " + XSpec.describe(answered));
                }
            }
            case OFF_SPEC -> {
                if (answered.isEmpty()) {
                    complaints.add("canned answer to " + what + " was meant to break X's spec but passes it");
                }
            }
            case LEGACY_FIELDS -> {
                List<ValidationReport.Message> other = answered.stream().filter(m -> !XSpec.onlyLegacyNames(m)).toList();
                if (answered.isEmpty() || !other.isEmpty()) {
                    complaints.add("canned answer to " + what + " should differ from the spec only by the legacy field names:\n  "
                            + XSpec.describe(answered.isEmpty() ? answered : other));
                }
            }
            case UNLISTED_PROBLEM -> {
                if (answered.isEmpty() || !answered.stream().allMatch(m -> XSpec.UNLISTED_PROBLEM_KEYS.contains(m.getKey()))) {
                    complaints.add("canned problem to " + what + " should differ from the spec only by its unlisted type:\n  "
                            + XSpec.describe(answered));
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
