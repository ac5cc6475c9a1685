package io.socialdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signed webhook, received by MockWebServer: headers, signature, each format's body, answers. */
class WebhookContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final String SECRET = "whsec-0123456789abcdef";

    MockWebServer server;
    WebhookChannel webhook;
    int taken;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        webhook = new WebhookChannel(new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(2)), new RateLimits(clock),
                CredentialSink.NONE, clock);
    }

    @AfterEach
    void everyRequestWasChecked() throws IOException {
        assertThat(server.getRequestCount()).isEqualTo(taken);
        server.shutdown();
    }

    ChannelAccount account(String format) {
        return new ChannelAccount(3, Network.WEBHOOK, "hooks.example", server.url("/hooks/social").uri(), server.url("/hooks/social").toString(),
                new Credentials(SECRET, null, null, Set.of(), format == null ? Map.of() : Map.of("format", format)));
    }

    /** The next request, checked for what every delivery carries; the signature recomputed here independently. */
    RecordedRequest next() throws Exception {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        taken++;
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/hooks/social");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.getHeader("X-SocialDesk-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        byte[] body = request.getBody().clone().readByteArray();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("X-SocialDesk-Signature")).isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal(body)));
        return request;
    }

    static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().readUtf8());
    }

    Outcome publish(ChannelAccount account, Delivery delivery) {
        return webhook.publish(account, delivery, Progress.NONE);
    }

    static Delivery withPicture() {
        Attachment picture = new Attachment("image/png", 3, "A shop", () -> new java.io.ByteArrayInputStream(new byte[3]),
                URI.create("https://desk.example/media/abc"), null, null);
        return new Delivery("post-5-account-3-part-0", "Sale <today> & tomorrow @everyone", List.of(picture), null, null, "en", Map.of());
    }

    @Test
    void theGenericFormatIsOurDocumentedJsonWithTheKeyInBodyAndHeader() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"url\":\"https://intranet.example/news/5\"}"));

        Outcome outcome = publish(account(null), withPicture());

        assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("post-5-account-3-part-0", "https://intranet.example/news/5")));
        RecordedRequest request = next();
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("post-5-account-3-part-0");
        assertThat(body(request)).isEqualTo(JSON.readTree("""
                {"id":"post-5-account-3-part-0","key":"post-5-account-3-part-0","text":"Sale <today> & tomorrow @everyone","language":"en",
                 "media":[{"url":"https://desk.example/media/abc","type":"image/png","altText":"A shop"}],
                 "account":{"id":3,"handle":"hooks.example"},"inReplyTo":null,"publishedAt":"2026-11-28T10:00:00Z"}"""));
    }

    @Test
    void withARunningClockAndNoHoldTheDeliveryIsSentNotHeldUntilNow() throws Exception {
        // The limits answer their own "now" when nothing holds the account: a moment after the channel's; that is no hold.
        Clock running = Clock.systemUTC();
        WebhookChannel live = new WebhookChannel(new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new RateLimits(running), CredentialSink.NONE, running);
        for (int i = 0; i < 20; i++) server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));

        for (int i = 0; i < 20; i++) {
            assertThat(live.publish(account(null), withPicture(), Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            assertThat(server.takeRequest(2, TimeUnit.SECONDS)).isNotNull();
            taken++;
        }
    }

    @Test
    void slackGetsItsTextWithMrkdwnEscapedAndAPlainOkIsSent() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));

        Outcome outcome = publish(account("slack"), withPicture());

        assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("post-5-account-3-part-0", null)));
        assertThat(body(next())).isEqualTo(JSON.readTree(
                "{\"text\":\"Sale &lt;today&gt; &amp; tomorrow @everyone\\nhttps://desk.example/media/abc\"}"));
    }

    @Test
    void teamsGetsAnAdaptiveCardInAMessage() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));

        assertThat(publish(account("teams"), withPicture())).isInstanceOf(Outcome.Sent.class);

        JsonNode body = body(next());
        assertThat(body.path("type").asText()).isEqualTo("message");
        JsonNode attachment = body.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(attachment.path("content").path("body").get(0)).isEqualTo(JSON.readTree(
                "{\"type\":\"TextBlock\",\"text\":\"Sale <today> & tomorrow @everyone\",\"wrap\":true}"));
        assertThat(attachment.path("content").path("body").get(1).path("url").asText()).isEqualTo("https://desk.example/media/abc");
    }

    @Test
    void discordGetsContentThatPingsNobodyAndItsEmpty204IsSent() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));

        assertThat(publish(account("discord"), withPicture())).isInstanceOf(Outcome.Sent.class);

        assertThat(body(next())).isEqualTo(JSON.readTree(
                "{\"content\":\"Sale <today> & tomorrow @everyone\\nhttps://desk.example/media/abc\",\"allowed_mentions\":{\"parse\":[]}}"));
    }

    @Test
    void aDiscordMessageOverItsLimitIsRefusedWithoutARequest() {
        Outcome outcome = publish(account("discord"), Delivery.text("k", "x".repeat(2001)));

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).code()).isEqualTo("too-long");
    }

    @Test
    void refusalsFailAndThrottlingWaitsForRetryAfter() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("invalid_payload"));
        server.enqueue(new MockResponse().setResponseCode(404).setBody("<html><h1>Not Found</h1></html>"));
        server.enqueue(new MockResponse().setResponseCode(429).addHeader("Retry-After", "30"));

        Outcome bad = publish(account("slack"), Delivery.text("k1", "a"));
        Outcome gone = publish(account("slack"), Delivery.text("k2", "a"));
        Outcome slow = publish(account("slack"), Delivery.text("k3", "a"));
        Outcome held = publish(account("slack"), Delivery.text("k4", "a"));

        assertThat(bad).isEqualTo(new Outcome.Failed("rejected", "The webhook refused the post (400): invalid_payload"));
        assertThat(gone).isEqualTo(new Outcome.Failed("webhook-gone", "The webhook refused the post (404): Not Found"));
        assertThat(slow).isEqualTo(new Outcome.RetryLater(NOW.plusSeconds(30), "The webhook asked us to slow down (429)"));
        assertThat(held).isInstanceOf(Outcome.RetryLater.class);
        assertThat(webhook.nextAllowedAt(account("slack"))).isEqualTo(NOW.plusSeconds(30));
        for (int i = 0; i < 3; i++) next();
    }

    @Test
    void serverErrorsAndADroppedConnectionAreUnknownOr503Retried() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        assertThat(publish(account(null), Delivery.text("k1", "a"))).isInstanceOf(Outcome.Unknown.class);
        assertThat(publish(account(null), Delivery.text("k2", "a"))).isInstanceOf(Outcome.RetryLater.class);
        assertThat(publish(account(null), Delivery.text("k3", "a"))).isInstanceOf(Outcome.Unknown.class);
        for (int i = 0; i < 3; i++) next();
    }

    @Test
    void settlingIsSafeResendForTheGenericFormatOnlyAndNothingCanBeDeletedOrImported() {
        assertThat(webhook.settle(account(null), Delivery.text("k", "a"))).isInstanceOf(Outcome.RetryLater.class);
        assertThat(webhook.settle(account("slack"), Delivery.text("k", "a"))).isInstanceOf(Outcome.Unknown.class);
        assertThat(webhook.delete(account(null), RemotePost.of("k", null))).isInstanceOf(Outcome.Failed.class);
        assertThat(webhook.streams()).isEmpty();
        assertThat(webhook.check(account(null)).usable()).isTrue();
    }

    @Test
    void connectingTakesTheUrlAndALongEnoughSecretAndInfersTheFormat() throws Exception {
        Connected slack = webhook.login(null, "https://hooks.slack.com/services/T0/B0/xyz", SECRET);
        Connected discord = webhook.login(null, "https://discord.com/api/webhooks/1/abc", SECRET);
        Connected generic = webhook.login(null, " https://hooks.example/social ", SECRET);

        assertThat(slack.credentials().extra("format")).isEqualTo("slack");
        assertThat(discord.credentials().extra("format")).isEqualTo("discord");
        assertThat(generic.credentials().extra("format")).isEqualTo("generic");
        assertThat(generic.remoteId()).isEqualTo("https://hooks.example/social");
        assertThat(generic.credentials().toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> webhook.login(null, "https://hooks.example/social", "short"))
                .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("secret-length"));
    }

    @Test
    void productionRefusesPlainHttpPrivateAddressesAndCredentialsInTheUrl() {
        WebhookChannel production = new WebhookChannel(new HttpCalls(AddressPolicy.PUBLIC_HTTPS), new RateLimits(Clock.systemUTC()),
                CredentialSink.NONE, Clock.systemUTC());

        assertThatThrownBy(() -> production.login(null, "http://hooks.example/x", SECRET))
                .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("https-only"));
        assertThatThrownBy(() -> production.login(null, "https://127.0.0.1/x", SECRET))
                .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("address-not-allowed"));
        assertThatThrownBy(() -> production.login(null, "https://user:pw@10.0.0.1/x", SECRET))
                .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("no-credentials-in-url"));
        Outcome refused = production.publish(account(null), Delivery.text("k", "a"), Progress.NONE);
        assertThat(refused).isInstanceOf(Outcome.Failed.class);
    }
}
