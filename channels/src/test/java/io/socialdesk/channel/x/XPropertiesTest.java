package io.socialdesk.channel.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Properties of the X connector: how it compares a text it sent with the text X shows (settle), and that no
 * answer whatever, however hostile, makes it throw, leak a secret or send a post twice.
 */
class XPropertiesTest {

    @Provide
    Arbitrary<String> plainText() {
        Arbitrary<String> words = Arbitraries.of("Hello", "world", "&", "<3", ">", "a&b", "C'est", "l'été", "日本語", "😀", "👨‍👩‍👧", "#launch",
                "tom&amp;jerry", "!", "?", "é", "\u0065\u0301", "x");
        return words.list().ofMinSize(1).ofMaxSize(12).map(list -> String.join(" ", list));
    }

    static String asXShowsIt(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Property(tries = 300)
    void xsEscapingIsUndoneExactly(@ForAll("plainText") String text) {
        assertThat(XText.unescape(asXShowsIt(text))).isEqualTo(text);
    }

    @Property(tries = 300)
    void aLinkRewrittenToTcoAndTheEntitiesXAddsStillMatch(@ForAll("plainText") String text,
            @ForAll("path") String path, @ForAll("tco") String tco) {
        String sent = text + " https://example.com/" + path;
        String shown = asXShowsIt(text) + " https://t.co/" + tco;
        assertThat(XText.same(sent, shown)).isTrue();
        assertThat(XText.same(sent, shown + " https://t.co/media" + tco)).as("X appends a link for attached media").isTrue();
    }

    @Property(tries = 200)
    void aDifferentTextDoesNotMatch(@ForAll("plainText") String text, @ForAll("plainText") String other) {
        if (XText.comparable(text).equals(XText.comparable(other))) { // equal up to what X changes: not a counter-example
            return;
        }
        assertThat(XText.same(text, asXShowsIt(other))).isFalse();
    }

    @Provide
    Arbitrary<String> path() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> tco() {
        return Arbitraries.strings().alpha().numeric().ofLength(10);
    }

    // ------------------------------------------------------------------------------------------------ hostile answers

    @Provide
    Arbitrary<Integer> status() {
        return Arbitraries.of(200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503);
    }

    @Provide
    Arbitrary<String> body() {
        return Arbitraries.of("", "null", "[]", "{}", "42", "\"text\"", "{\"data\":null}", "{\"data\":[]}", "{\"data\":{\"id\":12}}",
                "{\"data\":{\"id\":\"../1\"}}", "{\"data\":{\"id\":\"1858000000000000001\"}}", "{\"data\":{\"deleted\":\"yes\"}}",
                "{\"errors\":\"oops\"}", "{\"errors\":[null,1]}", "{\"errors\":[{\"type\":7,\"detail\":{\"x\":1}}]}",
                "{\"meta\":{\"newest_id\":5,\"next_token\":[]}}", "{\"data\":[{\"id\":null},{\"id\":\"1\",\"author_id\":{}}],\"meta\":\"x\"}",
                "{\"data\":[{\"id\":\"1\",\"text\":\"hi\",\"referenced_tweets\":{\"type\":\"replied_to\"}}],\"includes\":{\"users\":{}}}",
                "{\"title\":\"" + "\u0000\u001b[31m".repeat(5) + "\",\"detail\":null}", "<html><body><h1>Error</h1></body></html>",
                "{\"data\":{\"id\":\"1", "{\"access_token\":{},\"expires_in\":\"soon\"}", "{\"code\":\"88\",\"message\":[]}");
    }

    private MockWebServer server;
    private volatile MockResponse answer = new MockResponse();

    @BeforeProperty
    void startServer() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer;
            }
        });
        server.start();
    }

    @AfterProperty
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Property(tries = 50)
    void noAnswerMakesTheConnectorThrowLeakOrPostTwice(@ForAll("status") int status, @ForAll("body") String body) throws Exception {
        answer = new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("x-rate-limit-reset", "not-a-number").setBody(body);
        drain();
        Clock clock = Clock.fixed(XFixture.NOW, ZoneOffset.UTC);
        XApi api = new XApi(new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(5), Duration.ofSeconds(5)), new RateLimits(clock),
                CredentialSink.NONE, clock, server.url("/").uri(), URI.create("https://x.com/i/oauth2/authorize"), (OAuthClient) null);
        XChannel channel = new XChannel(api, d -> { }, 4);

        Outcome published = channel.publish(XFixture.account(), Delivery.text("k", "Hello"), Progress.NONE);
        long posts = drain().stream().filter(r -> r.getMethod().equals("POST") && "/2/tweets".equals(r.getPath())).count();
        assertThat(posts).as("POST /2/tweets sent at most once, twice only around a 401").isLessThanOrEqualTo(status == 401 ? 2 : 1);
        assertThat(published.toString()).doesNotContain(XFixture.ACCESS, XFixture.REFRESH);
        if (published instanceof Outcome.Sent sent) {
            assertThat(sent.remote().id()).matches("[0-9]{1,19}");
        }

        Outcome settled = channel.settle(XFixture.account(), Delivery.text("k", "Hello").withProgress(
                java.util.Map.of("attempted-at", XFixture.NOW.minusSeconds(600).toString())));
        assertThat(settled.toString()).doesNotContain(XFixture.ACCESS, XFixture.REFRESH);
        Outcome deleted = channel.delete(XFixture.account(), io.socialdesk.core.channel.RemotePost.of("1858000000000000001", null));
        assertThat(deleted.toString()).doesNotContain(XFixture.ACCESS, XFixture.REFRESH);
        ImportBatch batch = channel.fetch(XFixture.account(), Stream.MENTIONS, "1858000000000000000");
        if (batch.failed()) {
            assertThat(batch.cursor()).isEqualTo("1858000000000000000");
            assertThat(batch.problem()).doesNotContain(XFixture.ACCESS, XFixture.REFRESH);
        }
        batch.items().forEach(item -> assertThat(item.externalId()).matches("[0-9]{1,19}"));
        AccountHealth health = channel.check(XFixture.account());
        assertThat(health.usable() || health.detail() != null).isTrue();
    }

    private java.util.List<RecordedRequest> drain() throws InterruptedException {
        java.util.List<RecordedRequest> requests = new java.util.ArrayList<>();
        for (RecordedRequest r = server.takeRequest(0, TimeUnit.MILLISECONDS); r != null; r = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
            requests.add(r);
        }
        return requests;
    }

}
