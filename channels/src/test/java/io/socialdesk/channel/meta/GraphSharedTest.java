package io.socialdesk.channel.meta;

import static io.socialdesk.channel.meta.GraphTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces the three Meta connectors share: the error mapping, the usage headers, times and cursors, redaction. */
class GraphSharedTest {

    static Answer answer(int status, String body, Map<String, List<String>> headers) {
        return new Answer(status, headers, body, HttpCalls.parse(body), Answer.Transport.COMPLETE, null);
    }

    static Answer error(int status, String error) {
        return answer(status, "{\"error\":" + error + "}", Map.of());
    }

    @ParameterizedTest(name = "HTTP {0}, {1}, create={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"code\":190,\"error_subcode\":463,\"message\":\"expired\"}     | true  | Failed:token-invalid",
            "400 | {\"code\":\"190\",\"message\":\"code as text\"}                  | true  | Failed:token-invalid",
            "400 | {\"code\":4,\"message\":\"app limit\"}                           | true  | RetryLater",
            "400 | {\"code\":17,\"message\":\"user limit\"}                         | false | RetryLater",
            "400 | {\"code\":32,\"message\":\"page limit\"}                         | true  | RetryLater",
            "400 | {\"code\":613,\"message\":\"custom limit\"}                      | true  | RetryLater",
            "400 | {\"code\":80001,\"message\":\"pages buc\"}                       | true  | RetryLater",
            "400 | {\"code\":1,\"message\":\"unknown\"}                             | true  | RetryLater",
            "500 | {\"code\":2,\"message\":\"service\",\"is_transient\":true}       | true  | Unknown",
            "500 | {\"code\":2,\"message\":\"service\",\"is_transient\":true}       | false | RetryLater",
            "400 | {\"code\":506,\"message\":\"Duplicate status message\"}          | true  | Failed:duplicate",
            "400 | {\"code\":100,\"message\":\"Invalid parameter\"}                 | true  | Failed:invalid-parameter",
            "403 | {\"code\":10,\"message\":\"no permission\"}                      | true  | Failed:missing-permission",
            "400 | {\"code\":368,\"message\":\"blocked\"}                           | true  | Failed:rejected",
            "500 | {\"code\":999,\"message\":\"odd\"}                               | true  | Unknown",
            "400 | \"a string where an object belongs\"                             | true  | Failed:rejected"})
    void graphErrorsMapToOutcomes(int status, String error, boolean creates, String expected) {
        Outcome outcome = GraphOutcomes.of(error(status, error), creates, NOW, Optional.empty(), "Facebook");
        String actual = outcome.getClass().getSimpleName() + (outcome instanceof Outcome.Failed f ? ":" + f.code() : "");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void transportFailuresFollowTheSharedRules() {
        assertThat(GraphOutcomes.of(Answer.failed(Answer.Transport.MAYBE_SENT, "the connection broke"), true, NOW, Optional.empty(), "Threads"))
                .isInstanceOf(Outcome.Unknown.class);
        assertThat(GraphOutcomes.of(Answer.failed(Answer.Transport.NOT_SENT, "no route"), true, NOW, Optional.empty(), "Threads"))
                .isInstanceOf(Outcome.RetryLater.class);
    }

    @Test
    void sentencesNeverCarryTokensOrSecrets() {
        Outcome outcome = GraphOutcomes.of(error(400, "{\"code\":100,\"message\":\"bad access_token=EAAB1234567890abcdefghij&x=1 and IGQVJabcdefghijklmnopqrstu "
                + "and client_secret=shh and my-own-secret\"}"), true, NOW, Optional.empty(), "Facebook", "my-own-secret");
        assertThat(GraphTestSupport.reason(outcome)).doesNotContain("EAAB1234567890", "IGQVJabc", "shh", "my-own-secret").contains("access_token=***");
    }

    @Test
    void queryStringsOfAddressesAreDropped() {
        assertThat(Redact.text("failed: https://graph.facebook.com/v21.0/oauth/access_token?client_id=1&client_secret=shh&code=abc then"))
                .isEqualTo("failed: https://graph.facebook.com/v21.0/oauth/access_token then");
    }

    @Test
    void usageHeadersAreReadFromBothShapes() {
        Answer app = answer(200, "{}", Map.of("x-app-usage", List.of("{\"call_count\":81,\"total_time\":20,\"total_cputime\":12}")));
        assertThat(GraphUsage.of(app)).contains(new GraphUsage(81, Duration.ZERO));
        assertThat(GraphUsage.hold(app, NOW)).contains(NOW.plus(GraphUsage.HIGH_USAGE_PAUSE));

        Answer buc = answer(200, "{}", Map.of("X-Business-Use-Case-Usage", List.of("{\"1\":[{\"type\":\"pages\",\"call_count\":10}],"
                + "\"2\":[{\"type\":\"instagram\",\"call_count\":50,\"total_cputime\":\"97\",\"estimated_time_to_regain_access\":0}]}")));
        assertThat(GraphUsage.of(buc)).contains(new GraphUsage(97, Duration.ZERO));

        Answer low = answer(200, "{}", Map.of("X-App-Usage", List.of("{\"call_count\":10}")));
        assertThat(GraphUsage.hold(low, NOW)).isEmpty();

        Answer garbage = answer(200, "{}", Map.of("X-App-Usage", List.of("<html>"), "X-Business-Use-Case-Usage", List.of("{\"1\":\"x\"}")));
        assertThat(GraphUsage.of(garbage)).isEmpty();
    }

    @Test
    void graphTimesInEveryShapeMetaWrites() {
        assertThat(GraphTime.of(HttpCalls.parse("\"2025-03-01T09:30:00+0000\""))).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
        assertThat(GraphTime.of(HttpCalls.parse("\"2025-03-01T10:30:00+01:00\""))).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
        assertThat(GraphTime.of(HttpCalls.parse("1740821400"))).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
        assertThat(GraphTime.of(HttpCalls.parse("{\"not\":\"a time\"}"))).isNull();
        assertThat(GraphTime.of(HttpCalls.parse("\"yesterday\""))).isNull();
    }

    @Test
    void theUnversionedHostDropsOnlyTheVersion() {
        Graph graph = new Graph(GraphTestSupport.http(), new io.socialdesk.channel.http.RateLimits(GraphTestSupport.CLOCK), GraphTestSupport.CLOCK,
                java.net.URI.create("https://graph.threads.net/v1.0"), "Threads");
        assertThat(graph.unversioned("oauth", "access_token").build().toString()).isEqualTo("https://graph.threads.net/oauth/access_token");
        assertThat(graph.url("../me").build().encodedPath()).as("an id cannot climb the path").isEqualTo("/v1.0/..%2Fme");
    }

    static Inbound item(String id, long second) {
        return new Inbound(Network.THREADS, Stream.MENTIONS, id, null, "", Instant.ofEpochSecond(second), new Inbound.Author("a", null, null, null, null),
                null, null, null, null);
    }

    /** However items arrive across polls (repeated, out of order, many in one second), each is imported exactly once. */
    @Property(tries = 200)
    void successivePollsImportEveryItemExactlyOnce(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 8) Integer> seconds,
            @ForAll @IntRange(min = 1, max = 5) int polls) {
        List<Inbound> all = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            all.add(item("id" + i, 1000 + seconds.get(i)));
        }
        all.sort(java.util.Comparator.comparing(Inbound::createdAt));
        String cursor = "1000";
        List<String> imported = new ArrayList<>();
        for (int p = 1; p <= polls; p++) {
            // Each poll sees everything up to a growing time, newest first, with repeats of older ones.
            long upTo = 1000 + (8L * p) / polls;
            List<Inbound> visible = new ArrayList<>(all.stream().filter(i -> i.createdAt().getEpochSecond() <= upTo).toList());
            java.util.Collections.reverse(visible);
            var batch = Imports.after(TimeMark.parse(cursor), visible, false);
            batch.items().forEach(i -> imported.add(i.externalId()));
            assertThat(batch.items()).isSortedAccordingTo(java.util.Comparator.comparing(Inbound::createdAt));
            cursor = batch.cursor();
        }
        Set<String> unique = new HashSet<>(imported);
        assertThat(unique).as("no item twice").hasSize(imported.size());
        assertThat(unique).as("every item once (the first cursor leaves its own second open)")
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Inbound::externalId).toList());
    }

    @Test
    void aCursorThatIsNotOursStartsOver() {
        assertThat(TimeMark.parse("not-a-mark")).isNull();
        assertThat(TimeMark.parse("12:a,b").cursor()).isEqualTo("12:a,b");
    }
}
