package io.socialdesk.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.channel.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one way connectors call networks: one request per call, capped reads, nothing thrown. */
class HttpCallsTest {
    private final MockWebServer network = new MockWebServer();
    private final HttpCalls http = new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(1));
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @BeforeEach
    void start() throws IOException {
        network.start();
    }

    @AfterEach
    void stop() throws IOException {
        network.shutdown();
    }

    private Request post() {
        return new Request.Builder().url(network.url("/api/post"))
                .post(RequestBody.create("{\"text\":\"hello\"}", MediaType.get("application/json"))).build();
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsAnUnknownOutcomeAndIsNotSentAgain() {
        network.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        network.enqueue(new MockResponse().setBody("{\"id\":\"2\"}"));

        Answer answer = http.send(post());

        assertThat(answer.transport()).isEqualTo(Answer.Transport.MAYBE_SENT);
        assertThat(Outcomes.of(answer, true, NOW, Optional.empty(), "Test")).isInstanceOf(Outcome.Unknown.class);
        assertThat(network.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noAnswerInTimeIsUnknownForACreateAndRetryableForARead() {
        network.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        Answer answer = http.send(post());

        assertThat(answer.transport()).isEqualTo(Answer.Transport.MAYBE_SENT);
        assertThat(Outcomes.of(answer, true, NOW, Optional.empty(), "Test")).isInstanceOf(Outcome.Unknown.class);
        assertThat(Outcomes.of(answer, false, NOW, Optional.empty(), "Test")).isInstanceOf(Outcome.RetryLater.class);
        assertThat(network.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerThatCannotBeReachedWasNeverSentAnything() throws IOException {
        String url = network.url("/").toString();
        network.shutdown();

        Answer answer = http.send(new Request.Builder().url(url).build());

        assertThat(answer.transport()).isEqualTo(Answer.Transport.NOT_SENT);
        assertThat(Outcomes.of(answer, true, NOW, Optional.empty(), "Test")).isInstanceOf(Outcome.RetryLater.class);
    }

    @Test
    void redirectsAreNotFollowed() {
        network.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "http://169.254.169.254/latest/meta-data"));

        Answer answer = http.send(post());

        assertThat(answer.status()).isEqualTo(302);
        assertThat(network.getRequestCount()).isEqualTo(1);
        assertThat(Outcomes.of(answer, true, NOW, Optional.empty(), "Test"))
                .isEqualTo(new Outcome.Failed("redirected", "Test answered with a redirect, which is not followed"));
    }

    @Test
    void aHugeBodyIsReadOnlyUpToTheCapAndIsNotTakenForJson() {
        Buffer huge = new Buffer();
        huge.writeUtf8("{\"items\":[");
        while (huge.size() < HttpCalls.MAX_BODY_BYTES + 100_000) {
            huge.writeUtf8("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",");
        }
        huge.writeUtf8("\"end\"]}");
        network.enqueue(new MockResponse().setBody(huge));

        Answer answer = http.send(post());

        assertThat(answer.body().length()).isLessThanOrEqualTo(HttpCalls.MAX_BODY_BYTES);
        assertThat(answer.isJson()).isFalse();
        assertThat(Outcomes.of(answer, true, NOW, Optional.empty(), "Test")).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void anHtmlErrorPageBecomesAShortSentenceWithoutMarkup() {
        network.enqueue(new MockResponse().setResponseCode(400)
                .setBody("<html><head><title>Bad</title></head><body><h1>Bad gateway config</h1><script>x()</script></body></html>"));

        Answer answer = http.send(post());

        assertThat(answer.isJson()).isFalse();
        Outcome outcome = Outcomes.of(answer, true, NOW, Optional.empty(), "Test");
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).reason()).doesNotContain("<").contains("Bad gateway config");
    }

    @Test
    void truncatedJsonIsNotJsonAndFieldsOfTheWrongTypeReadAsAbsent() {
        network.enqueue(new MockResponse().setBody("{\"id\": \"12\", \"url\": "));
        network.enqueue(new MockResponse().setBody("{\"id\": {\"nested\": true}, \"url\": [1, 2]}"));

        assertThat(http.send(post()).isJson()).isFalse();
        Answer wrongTypes = http.send(post());
        assertThat(wrongTypes.isJson()).isTrue();
        assertThat(wrongTypes.text("id")).isNull();
        assertThat(wrongTypes.text("url")).isNull();
        assertThat(wrongTypes.text("missing", "deeper")).isNull();
    }

    @Test
    void aTooManyRequestsAnswerHoldsTheAccountUntilRetryAfter() {
        network.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120").setBody("{\"error\":\"slow down\"}"));
        RateLimits limits = new RateLimits(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

        Answer answer = http.send(post());
        Optional<Instant> hold = limits.observe(7, answer, Optional.empty(), Optional.empty());

        assertThat(hold).contains(NOW.plusSeconds(120));
        assertThat(limits.nextAllowedAt(7)).isEqualTo(NOW.plusSeconds(120));
        assertThat(limits.nextAllowedAt(8)).isEqualTo(NOW);
        assertThat(Outcomes.of(answer, true, NOW, hold, "Test")).isEqualTo(new Outcome.RetryLater(NOW.plusSeconds(120), "Test asks us to slow down (rate limit)"));
    }
}
