package io.socialdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.testing.RecordingNetwork.Fault;
import io.socialdesk.testing.RecordingNetwork.Idempotency;
import io.socialdesk.testing.RecordingNetwork.Plan;
import io.socialdesk.testing.RecordingNetwork.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingNetworkTest {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    final AtomicReference<Plan> next = new AtomicReference<>(Plan.OK);
    final RecordingNetwork network = RecordingNetwork.start(r -> next.get())
            .endpoint("/generic", Idempotency.BY_KEY, "a-secret-of-at-least-16")
            .endpoint("/slack", Idempotency.NONE);

    @AfterEach
    void stop() {
        network.close();
    }

    @Test
    void anIdempotentEndpointAnswersARepeatedKeyWithTheFirstAnswerAndCreatesNothing() throws Exception {
        Answer first = post("/generic", "k-1", "{\"key\":\"k-1\",\"text\":\"Winter sale\"}");
        Answer again = post("/generic", "k-1", "{\"key\":\"k-1\",\"text\":\"Winter sale\"}");
        Answer other = post("/generic", "k-2", "{\"key\":\"k-2\",\"text\":\"Winter sale\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.replayed()).isTrue();
        assertThat(other.body()).isNotEqualTo(first.body());
        assertThat(network.created("/generic")).hasSize(2);
        assertThat(network.createdByKey("/generic")).containsOnlyKeys("k-1", "k-2");
        assertThat(network.createdByContent("/generic").get("Winter sale")).hasSize(2);
        assertThat(network.requests("/generic")).extracting(RecordingNetwork.Recorded::result)
                .containsExactly(Result.CREATED, Result.REPLAYED, Result.CREATED);
    }

    @Test
    void anEndpointWithoutIdempotencyCreatesAPostForEveryRequest() throws Exception {
        post("/slack", "k-1", "{\"text\":\"Hello &amp; welcome\"}");
        post("/slack", "k-1", "{\"text\":\"Hello &amp; welcome\"}");

        assertThat(network.createdByContent("/slack")).containsOnlyKeys("Hello &amp; welcome");
        assertThat(network.createdByContent("/slack").get("Hello &amp; welcome")).hasSize(2);
    }

    @Test
    void faultsBeforeCreatingLeaveNothingAndFaultsAfterCreatingLeaveThePost() throws Exception {
        next.set(new Plan(Duration.ZERO, Fault.RATE_LIMITED));
        Answer limited = post("/slack", null, "{\"text\":\"one\"}");
        next.set(new Plan(Duration.ZERO, Fault.ERROR_BEFORE_CREATE));
        Answer refused = post("/slack", null, "{\"text\":\"two\"}");
        next.set(new Plan(Duration.ZERO, Fault.ERROR_AFTER_CREATE));
        Answer failedAfter = post("/slack", null, "{\"text\":\"three\"}");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo("1");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(failedAfter.status()).isEqualTo(500);
        assertThat(network.createdByContent("/slack")).containsOnlyKeys("three");
        assertThat(network.requests("/slack")).hasSize(3);
    }

    @Test
    void aDroppedConnectionGivesTheSenderNoAnswerWhetherOrNotThePostWasCreated() throws Exception {
        next.set(new Plan(Duration.ZERO, Fault.DROP_BEFORE_CREATE));
        assertThatThrownBy(() -> post("/generic", "k-1", "{\"text\":\"lost\"}")).isInstanceOf(IOException.class);
        next.set(new Plan(Duration.ZERO, Fault.DROP_AFTER_CREATE));
        assertThatThrownBy(() -> post("/generic", "k-2", "{\"text\":\"kept\"}")).isInstanceOf(IOException.class);
        next.set(Plan.OK);
        Answer resent = post("/generic", "k-2", "{\"text\":\"kept\"}");

        assertThat(network.createdByContent("/generic")).containsOnlyKeys("kept");
        assertThat(resent.replayed()).isTrue();
        assertThat(network.requests("/generic")).extracting(RecordingNetwork.Recorded::result)
                .containsExactly(Result.DROPPED_BEFORE, Result.CREATED, Result.REPLAYED);
    }

    @Test
    void aDelayedRequestIsAnsweredLateAndDoesNotHoldUpTheOthers() throws Exception {
        next.set(new Plan(Duration.ofMillis(600), Fault.NONE));
        Thread slow = new Thread(() -> {
            try {
                post("/slack", null, "{\"text\":\"slow\"}");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        long start = System.nanoTime();
        slow.start();
        Thread.sleep(100);
        next.set(Plan.OK);
        post("/slack", null, "{\"text\":\"fast\"}");
        long fastMs = (System.nanoTime() - start) / 1_000_000;
        slow.join();
        long slowMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(fastMs).isLessThan(500);
        assertThat(slowMs).isGreaterThanOrEqualTo(600);
        assertThat(network.created("/slack")).extracting(RecordingNetwork.Created::content).containsExactly("fast", "slow");
    }

    @Test
    void recordsTheTextOfEveryFormatAndWhetherTheSignatureHolds() throws Exception {
        String body = "{\"key\":\"k\",\"text\":\"generic text\"}";
        long ts = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a-secret-of-at-least-16".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v1=" + HexFormat.of().formatHex(mac.doFinal((ts + "." + body).getBytes(StandardCharsets.UTF_8)));
        send("/generic", Map.of("X-SocialDesk-Timestamp", Long.toString(ts), "X-SocialDesk-Signature", signature, "Idempotency-Key", "k"), body);
        send("/generic", Map.of("X-SocialDesk-Timestamp", Long.toString(ts), "X-SocialDesk-Signature", "v1=00", "Idempotency-Key", "k2"), body);
        post("/slack", null, "{\"content\":\"discord text\"}");
        post("/slack", null, "{\"type\":\"message\",\"attachments\":[{\"content\":{\"body\":[{\"type\":\"TextBlock\",\"text\":\"teams text\"}]}}]}");
        Answer unknown = post("/elsewhere", null, "{}");

        assertThat(network.requests("/generic")).extracting(r -> r.request().signatureValid()).containsExactly(true, false);
        assertThat(network.requests("/slack")).extracting(r -> r.request().content()).containsExactly("discord text", "teams text");
        assertThat(network.requests("/slack")).allSatisfy(r -> assertThat(r.request().signatureValid()).isNull());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(network.created("/elsewhere")).isEmpty();
    }

    @Test
    void seededRandomFaultsAreRepeatable() {
        RecordingNetwork.Behaviour a = RecordingNetwork.Behaviour.random(42, 0.5, Duration.ofMillis(100), 0.1, 0.1, 0.1, 0.1, 0.1);
        RecordingNetwork.Behaviour b = RecordingNetwork.Behaviour.random(42, 0.5, Duration.ofMillis(100), 0.1, 0.1, 0.1, 0.1, 0.1);
        var plansA = java.util.stream.IntStream.range(0, 200).mapToObj(i -> a.plan(null)).toList();
        var plansB = java.util.stream.IntStream.range(0, 200).mapToObj(i -> b.plan(null)).toList();

        assertThat(plansA).isEqualTo(plansB);
        assertThat(plansA).extracting(Plan::fault).contains(Fault.values());
        assertThat(plansA).allSatisfy(p -> assertThat(p.delay()).isLessThanOrEqualTo(Duration.ofMillis(100)));
    }

    record Answer(int status, String body, boolean replayed, String retryAfter) {
    }

    Answer post(String path, String key, String body) throws IOException {
        return send(path, key == null ? Map.of() : Map.of("Idempotency-Key", key), body);
    }

    Answer send(String path, Map<String, String> headers, String body) throws IOException {
        Request.Builder request = new Request.Builder().url(network.url(path).toString()).post(RequestBody.create(body, JSON));
        headers.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string(), "true".equals(response.header("Idempotent-Replayed")),
                    response.header("Retry-After"));
        }
    }
}
