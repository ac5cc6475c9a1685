package io.socialdesk.channel.mastodon;

import static io.socialdesk.channel.mastodon.MastodonFixtures.account;
import static io.socialdesk.channel.mastodon.MastodonFixtures.answer;
import static io.socialdesk.channel.mastodon.MastodonFixtures.application;
import static io.socialdesk.channel.mastodon.MastodonFixtures.array;
import static io.socialdesk.channel.mastodon.MastodonFixtures.credentialAccount;
import static io.socialdesk.channel.mastodon.MastodonFixtures.error;
import static io.socialdesk.channel.mastodon.MastodonFixtures.instance;
import static io.socialdesk.channel.mastodon.MastodonFixtures.media;
import static io.socialdesk.channel.mastodon.MastodonFixtures.notification;
import static io.socialdesk.channel.mastodon.MastodonFixtures.reply;
import static io.socialdesk.channel.mastodon.MastodonFixtures.status;
import static io.socialdesk.channel.mastodon.MastodonFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.NetworkLimits;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Pkce;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Mastodon connector against a real HTTP server playing a Mastodon instance (MockWebServer): every request's
 * method, path, headers and body, checked against Mastodon's published schema, and every canned answer checked too.
 */
class MastodonContractTest {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String TOKEN = "tok-4f1c9a7e-secret";
    static final String OUR_ID = "1001";
    static final String REDIRECT = "https://desk.example.com/oauth/callback/mastodon";

    MockWebServer server;
    RateLimits rateLimits;
    List<Duration> slept;
    MastodonChannel channel;
    ChannelAccount account;
    Map<String, String> recorded;
    Progress progress;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        rateLimits = new RateLimits(clock);
        slept = new ArrayList<>();
        channel = new MastodonChannel(new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(1)), rateLimits,
                CredentialSink.NONE, clock, slept::add);
        account = new ChannelAccount(7, Network.MASTODON, "desk@localhost", instanceUri(), OUR_ID,
                new Credentials(TOKEN, null, null, Set.of("write:statuses", "write:media", "read:notifications", "read:statuses"), Map.of()));
        recorded = new LinkedHashMap<>();
        progress = recorded::put;
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    URI instanceUri() {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    static JsonNode json(RecordedRequest request) throws Exception {
        return MastodonFixtures.JSON.readTree(request.getBody().clone().readUtf8());
    }

    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().clone().readUtf8().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The parts of a multipart/form-data body: name to content (a file part's content as text). */
    static Map<String, String> multipart(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : request.getBody().clone().readString(StandardCharsets.ISO_8859_1).split(java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (name.find()) {
                String content = part.substring(headersEnd + 4);
                parts.put(name.group(1), content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content);
                java.util.regex.Matcher type = java.util.regex.Pattern.compile("Content-Type: (\\S+)").matcher(headers);
                if (type.find()) {
                    parts.put(name.group(1) + ".type", type.group(1));
                }
            }
        }
        return parts;
    }

    static Delivery delivery(String key, String text) {
        return new Delivery(key, text, List.of(), null, null, "en", Map.of());
    }

    static ObjectNode ourStatus(String id, String html) {
        return status(id, account(OUR_ID, "desk", "Social Desk", 300), html, NOW);
    }

    /** Checks a status request against the spec and returns its JSON body. */
    static JsonNode statusRequest(RecordedRequest request) throws Exception {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/api/v1/statuses");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        return MastodonSpec.checkRequest("/api/v1/statuses", "post", json(request));
    }

    static MockResponse rateLimited(String reset) {
        return answer(429, "Error", error("Too many requests")).setHeader("X-RateLimit-Limit", "300")
                .setHeader("X-RateLimit-Remaining", "0").setHeader("X-RateLimit-Reset", reset);
    }

    // =====================================================================================================
    @Nested
    class Connecting {
        Connection.OAuth oauth() {
            return (Connection.OAuth) channel.connection();
        }

        @Test
        void registersSocialDeskAsAnAppOnTheInstanceWithItsScopesAndCallback() throws Exception {
            server.enqueue(answer("CredentialApplication", application("cid-1", "csecret-1", REDIRECT)));

            OAuthClient client = oauth().client(instanceUri(), URI.create(REDIRECT), null);

            assertThat(client.clientId()).isEqualTo("cid-1");
            assertThat(client.clientSecret()).isEqualTo("csecret-1");
            assertThat(client.instance()).isEqualTo(instanceUri());
            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getPath()).isEqualTo("/api/v1/apps");
            assertThat(request.getHeader("Authorization")).isNull();
            JsonNode body = MastodonSpec.checkRequest("/api/v1/apps", "post", json(request));
            assertThat(body.path("client_name").asText()).isEqualTo("Social Desk");
            assertThat(body.path("redirect_uris").get(0).asText()).isEqualTo(REDIRECT);
            assertThat(body.path("scopes").asText()).isEqualTo("write:statuses write:media read:notifications read:statuses");
            assertThat(body.path("website").asText()).isEqualTo("https://desk.example.com");
        }

        @Test
        void reusesTheAppAlreadyRegisteredOnTheSameInstance() throws Exception {
            OAuthClient known = new OAuthClient(URI.create(instanceUri() + "/"), "cid-1", "csecret-1");

            assertThat(oauth().client(instanceUri(), URI.create(REDIRECT), known)).isSameAs(known);
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void sendsTheBrowserToAuthorizeWithPkceS256() throws Exception {
            OAuthClient client = new OAuthClient(instanceUri(), "cid-1", "csecret-1");
            Pkce pkce = Pkce.create();

            URI uri = oauth().authorizationUri(client, new Connection.AuthorizationRequest("state-xyz", pkce.challenge(), URI.create(REDIRECT)));

            HttpUrl url = HttpUrl.get(uri);
            assertThat(url.encodedPath()).isEqualTo("/oauth/authorize");
            assertThat(url.queryParameter("response_type")).isEqualTo("code");
            assertThat(url.queryParameter("client_id")).isEqualTo("cid-1");
            assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT);
            assertThat(url.queryParameter("scope")).isEqualTo("write:statuses write:media read:notifications read:statuses");
            assertThat(url.queryParameter("state")).isEqualTo("state-xyz");
            assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
            String expected = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(pkce.verifier().getBytes(StandardCharsets.US_ASCII)));
            assertThat(url.queryParameter("code_challenge")).isEqualTo(expected);
            assertThat(uri.toString()).doesNotContain("csecret-1").doesNotContain(pkce.verifier());
        }

        @Test
        void exchangesTheCodeWithItsVerifierThenReadsWhoTheAccountIs() throws Exception {
            server.enqueue(answer("Token", token("new-token-1", "write:statuses write:media read:notifications read:statuses")));
            server.enqueue(answer("CredentialAccount", credentialAccount("1001", "desk", "Social Desk")));
            OAuthClient client = new OAuthClient(instanceUri(), "cid-1", "csecret-1");

            Connected connected = oauth().exchange(client, "code-abc", "verifier-123", URI.create(REDIRECT));

            assertThat(connected.remoteId()).isEqualTo("1001");
            assertThat(connected.handle()).isEqualTo("desk@" + server.getHostName());
            assertThat(connected.displayName()).isEqualTo("Social Desk");
            assertThat(connected.credentials().accessToken()).isEqualTo("new-token-1");
            assertThat(connected.credentials().refreshToken()).isNull();
            assertThat(connected.credentials().scopes()).containsExactlyInAnyOrder("write:statuses", "write:media", "read:notifications", "read:statuses");

            RecordedRequest exchange = take();
            assertThat(exchange.getMethod()).isEqualTo("POST");
            assertThat(exchange.getPath()).isEqualTo("/oauth/token");
            assertThat(exchange.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            Map<String, String> form = form(exchange);
            assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-abc")
                    .containsEntry("client_id", "cid-1").containsEntry("client_secret", "csecret-1")
                    .containsEntry("redirect_uri", REDIRECT).containsEntry("code_verifier", "verifier-123");
            MastodonSpec.checkRequest("/oauth/token", "post", MastodonFixtures.JSON.valueToTree(form));

            RecordedRequest who = take();
            assertThat(who.getMethod()).isEqualTo("GET");
            assertThat(who.getPath()).isEqualTo("/api/v1/accounts/verify_credentials");
            assertThat(who.getHeader("Authorization")).isEqualTo("Bearer new-token-1");
        }

        @Test
        void aRefusedCodeIsAFailureThatNamesTheRuleAndLeaksNoSecret() {
            ObjectNode refused = error("invalid_grant").put("error_description",
                    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
            server.enqueue(answer(400, "Error", refused));
            OAuthClient client = new OAuthClient(instanceUri(), "cid-1", "csecret-1");

            ConnectFailure failure = catchThrowableOfType(() -> oauth().exchange(client, "code-abc", "verifier-123", URI.create(REDIRECT)),
                    ConnectFailure.class);

            assertThat(failure.rule()).isEqualTo("invalid-grant");
            assertThat(failure.getMessage()).contains("authorization grant is invalid")
                    .doesNotContain("csecret-1").doesNotContain("code-abc").doesNotContain("verifier-123");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void anAccountAnswerWithFieldsOfTheWrongTypeIsAClearFailure() {
            server.enqueue(answer("Token", token("new-token-1", "read")));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\": 5, \"acct\": {}}"));
            OAuthClient client = new OAuthClient(instanceUri(), "cid-1", "csecret-1");

            ConnectFailure failure = catchThrowableOfType(() -> oauth().exchange(client, "code", "v", URI.create(REDIRECT)), ConnectFailure.class);

            assertThat(failure.rule()).isEqualTo("malformed-answer");
            assertThat(failure.getMessage()).doesNotContain("new-token-1");
        }

        @Test
        void mastodonTokensAreNotRefreshed() {
            assertThatThrownBy(() -> oauth().refresh(new OAuthClient(instanceUri(), "cid", "s"), account.credentials()))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("refresh-not-supported"));
            assertThat(server.getRequestCount()).isZero();
        }
    }

    // =====================================================================================================
    @Nested
    class AddressesPeopleType {
        MastodonChannel production() {
            return new MastodonChannel(new HttpCalls(AddressPolicy.PUBLIC_HTTPS), rateLimits, CredentialSink.NONE,
                    Clock.fixed(NOW, ZoneOffset.UTC), slept::add);
        }

        String refusedRule(String instance) {
            Connection.OAuth oauth = (Connection.OAuth) production().connection();
            return catchThrowableOfType(() -> oauth.client(URI.create(instance), URI.create(REDIRECT), null), ConnectFailure.class).rule();
        }

        @Test
        void aPlainHttpInstanceIsRefused() {
            assertThat(refusedRule("http://127.0.0.1:" + server.getPort())).isEqualTo("https-only");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void anInstanceUrlWithCredentialsIsRefused() {
            assertThat(refusedRule("https://user:pw@example.social")).isEqualTo("no-credentials-in-url");
        }

        @Test
        void anInstanceOnAPrivateAddressIsRefused() {
            assertThat(refusedRule("https://127.0.0.1:" + server.getPort())).isEqualTo("address-not-allowed");
            assertThat(refusedRule("https://10.0.0.8")).isEqualTo("address-not-allowed");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void anAccountOnARefusedAddressIsNeitherPublishedToNorRead() {
            ChannelAccount onLoopback = new ChannelAccount(7, Network.MASTODON, "desk@localhost", instanceUri(), OUR_ID, account.credentials());
            MastodonChannel production = production();

            Outcome outcome = production.publish(onLoopback, delivery("k", "Hello"), progress);
            ImportBatch batch = production.fetch(onLoopback, Stream.MENTIONS, "5");
            AccountHealth health = production.check(onLoopback);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("https-only"));
            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo("5");
            assertThat(health.problem()).isEqualTo("unreachable");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    // =====================================================================================================
    @Nested
    class Publishing {
        @Test
        void postsTheTextWithTheDeliveryKeyAsIdempotencyKey() throws Exception {
            server.enqueue(answer("Status", ourStatus("110001", "<p>Hello Fediverse</p>")));

            Outcome outcome = channel.publish(account, delivery("post-42/account-7/part-0", "Hello Fediverse"), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("110001", MastodonFixtures.HOST + "/@desk/110001")));
            RecordedRequest request = take();
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo("post-42/account-7/part-0");
            JsonNode body = statusRequest(request);
            assertThat(body.path("status").asText()).isEqualTo("Hello Fediverse");
            assertThat(body.path("visibility").asText()).isEqualTo("public");
            assertThat(body.path("language").asText()).isEqualTo("en");
            assertThat(body.has("in_reply_to_id")).isFalse();
            assertThat(body.has("media_ids")).isFalse();
            assertThat(recorded).containsEntry("sent-at", NOW.toString());
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void everyAttemptOfOneDeliverySendsTheSameKeyAndAnotherDeliveryAnother() throws Exception {
            server.enqueue(answer(503, "Error", error("Service unavailable")));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Hello</p>")));
            server.enqueue(answer("Status", ourStatus("110002", "<p>Hello</p>")));
            Delivery first = delivery("post-42/account-7/part-0", "Hello");

            assertThat(channel.publish(account, first, progress)).isInstanceOf(Outcome.RetryLater.class);
            assertThat(channel.publish(account, first.withProgress(recorded), progress)).isInstanceOf(Outcome.Sent.class);
            channel.publish(account, delivery("post-43/account-7/part-0", "Hello"), Progress.NONE);

            String key1 = take().getHeader("Idempotency-Key");
            String key2 = take().getHeader("Idempotency-Key");
            String key3 = take().getHeader("Idempotency-Key");
            assertThat(key1).isEqualTo(key2).isEqualTo(first.key());
            assertThat(key3).isNotEqualTo(key1);
            assertThat(recorded).containsEntry("sent-at", NOW.toString());
        }

        @Test
        void aReplyNamesThePostItAnswers() throws Exception {
            server.enqueue(answer("Status", reply(ourStatus("110002", "<p>Part two</p>"), "110001", OUR_ID)));
            RemotePost parent = RemotePost.of("110001", MastodonFixtures.HOST + "/@desk/110001");

            Outcome outcome = channel.publish(account, delivery("k-2", "Part two").replyingTo(parent, null), progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(statusRequest(take()).path("in_reply_to_id").asText()).isEqualTo("110001");
        }

        @Test
        void aDirectMessageIsADirectStatusThatNamesItsRecipient() throws Exception {
            assertThat(channel.sendsDirectMessages()).isTrue();
            ObjectNode sent = reply(ourStatus("110003", "<p>@pat@other.example It left today</p>"), "110001", "2002");
            sent.put("visibility", "direct");
            server.enqueue(answer("Status", sent));
            server.enqueue(answer("Status", sent));
            RemotePost theirs = RemotePost.of("110001", "https://other.example/@pat/1");
            Delivery dm = new Delivery("sd-reply-1", "It left today", List.of(), null, null, null,
                    Map.of(Delivery.DIRECT_TO, "2002", Delivery.DIRECT_HANDLE, "pat@other.example")).replyingTo(theirs, null);

            Outcome outcome = channel.publish(account, dm, progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            RecordedRequest request = take();
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo("sd-reply-1");
            JsonNode body = statusRequest(request);
            assertThat(body.path("visibility").asText()).isEqualTo("direct");
            assertThat(body.path("status").asText()).isEqualTo("@pat@other.example It left today");
            assertThat(body.path("in_reply_to_id").asText()).isEqualTo("110001");

            // A text that already names the person is sent as written.
            channel.publish(account, new Delivery("sd-reply-2", "Hi @Pat@other.example, done", List.of(), null, null, null,
                    Map.of(Delivery.DIRECT_TO, "2002", Delivery.DIRECT_HANDLE, "pat@other.example")), Progress.NONE);
            assertThat(statusRequest(take()).path("status").asText()).isEqualTo("Hi @Pat@other.example, done");
            assertThat(MastodonChannel.addressed("mail @patrick", "pat")).isEqualTo("@pat mail @patrick");
        }

        @Test
        void aReplyToAPostThatIsGoneFailsSayingSo() throws Exception {
            server.enqueue(answer(404, "Error", error("Record not found")));
            RemotePost parent = RemotePost.of("110001", null);

            Outcome outcome = channel.publish(account, delivery("k-2", "Part two").replyingTo(parent, null), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("reply-target-missing");
                assertThat(f.reason()).contains("no longer on Mastodon");
            });
            statusRequest(take());
        }

        @Test
        void aValidationRefusalFailsWithMastodonsOwnSentence() throws Exception {
            server.enqueue(answer(422, "Error", error("Validation failed: Text character limit of 500 exceeded")));

            Outcome outcome = channel.publish(account, delivery("k", "x".repeat(600)), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("validation-failed");
                assertThat(f.reason()).contains("Validation failed: Text character limit of 500 exceeded");
            });
            statusRequest(take());
        }

        @Test
        void aRevokedTokenFailsAskingToReconnect() throws Exception {
            server.enqueue(answer(401, "Error", error("The access token was revoked")));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("token-invalid");
                assertThat(f.reason()).contains("reconnect").doesNotContain(TOKEN);
            });
        }

        @Test
        void aForbiddenAnswerFailsAskingToReconnect() {
            server.enqueue(answer(403, "Error", error("This action is outside the authorized scopes")));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("forbidden");
                assertThat(f.reason()).contains("outside the authorized scopes").contains("reconnect");
            });
        }

        @Test
        void aGoneAccountFails() {
            server.enqueue(new MockResponse().setResponseCode(410));

            assertThat(channel.publish(account, delivery("k", "Hello"), progress))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("gone"));
        }

        @Test
        void unavailableIsRetryLaterButAServerErrorAfterSendingIsUnknown() {
            server.enqueue(answer(503, "Error", error("Service unavailable")));
            server.enqueue(answer(500, "Error", error("Internal server error")));

            assertThat(channel.publish(account, delivery("k", "Hello"), progress)).isInstanceOf(Outcome.RetryLater.class);
            assertThat(channel.publish(account, delivery("k", "Hello"), progress)).isInstanceOf(Outcome.Unknown.class);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void anHtmlErrorPageFromAProxyIsUnknownAndReadable() {
            server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setBody("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>"));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Unknown.class, u -> assertThat(u.reason()).contains("502").doesNotContain("<"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aConnectionResetAfterTheRequestIsUnknownAndNotResent() {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Hello</p>")));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void noAnswerInTimeIsUnknown() {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Unknown.class, u -> assertThat(u.reason()).contains("in time"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aTruncatedJsonAnswerIsUnknown() {
            String whole = ourStatus("110001", "<p>Hello</p>").toString();
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(whole.substring(0, whole.length() / 2)));

            assertThat(channel.publish(account, delivery("k", "Hello"), progress)).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aStatusWithAnIdOfTheWrongTypeIsUnknown() {
            ObjectNode wrong = ourStatus("110001", "<p>Hello</p>");
            wrong.put("id", 5);
            wrong.putObject("content");
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(wrong.toString()));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Unknown.class, u -> assertThat(u.reason()).contains("id is not text"));
        }

        @Test
        void aSuccessThatIsAnHtmlPageIsUnknown() {
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html><body>Welcome to nginx!</body></html>"));

            assertThat(channel.publish(account, delivery("k", "Hello"), progress)).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aRateLimitIsRetryLaterAtTheResetAndHoldsTheAccountWithoutAnotherRequest() {
            server.enqueue(rateLimited("2026-03-02T10:05:00.000Z"));
            Instant reset = Instant.parse("2026-03-02T10:05:00Z");

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isEqualTo(new Outcome.RetryLater(reset, "Mastodon asks us to slow down (rate limit)"));
            assertThat(channel.nextAllowedAt(account)).isEqualTo(reset);
            Outcome held = channel.publish(account, delivery("k", "Hello"), progress);
            assertThat(held).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(reset));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aSpentBudgetHoldsTheAccountUntilTheResetAfterASuccess() {
            server.enqueue(answer("Status", ourStatus("110001", "<p>Hello</p>")).setHeader("X-RateLimit-Limit", "300")
                    .setHeader("X-RateLimit-Remaining", "0").setHeader("X-RateLimit-Reset", "2026-03-02T10:04:30+00:00"));

            assertThat(channel.publish(account, delivery("k", "Hello"), progress)).isInstanceOf(Outcome.Sent.class);
            assertThat(channel.nextAllowedAt(account)).isEqualTo(Instant.parse("2026-03-02T10:04:30Z"));
        }

        @Test
        void theSpecsOwnStatusExampleIsReadAsARealServerSendsIt() {
            Optional<MastodonSpec> spec = MastodonSpec.available();
            org.junit.jupiter.api.Assumptions.assumeTrue(spec.isPresent(), "Mastodon's OpenAPI description is absent");
            JsonNode example = spec.get().document().path("components").path("schemas").path("Status").path("example");
            List<com.networknt.schema.Error> missing = MastodonSpec.assertValidAllowingMissingNewerFields(spec.get().component("Status"), example,
                    "the spec's Status example");
            assertThat(missing).as("fields newer servers add, warned about only").isNotEmpty();
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(example.toString()));

            Outcome outcome = channel.publish(account, delivery("k", "Hello"), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of(example.path("id").asText(), example.path("url").asText())));
        }
    }

    // =====================================================================================================
    @Nested
    class PublishingMedia {
        Delivery withImage() {
            return delivery("post-9/account-7/part-0", "Look").withMedia(List.of(Attachment.of("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                    "A cat asleep on a keyboard")));
        }

        @Test
        void uploadsTheImageWithItsAltTextThenAttachesIt() throws Exception {
            server.enqueue(answer("MediaAttachment", media("22348641", true, "A cat asleep on a keyboard")));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Look</p>")));

            Outcome outcome = channel.publish(account, withImage(), progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            RecordedRequest upload = take();
            assertThat(upload.getMethod()).isEqualTo("POST");
            assertThat(upload.getPath()).isEqualTo("/api/v2/media");
            assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(upload.getHeader("Idempotency-Key")).isNull();
            Map<String, String> parts = multipart(upload);
            assertThat(parts).containsEntry("description", "A cat asleep on a keyboard").containsEntry("file.type", "image/png");
            assertThat(parts.get("file")).isEqualTo("\u0089PNG");
            MastodonSpec.available().ifPresent(spec -> MastodonSpec.assertValid(spec.requestBody("/api/v2/media", "post", "multipart/form-data"),
                    MastodonFixtures.JSON.createObjectNode().put("file", parts.get("file")).put("description", parts.get("description")), "media upload"));
            JsonNode status = statusRequest(take());
            assertThat(status.path("media_ids").get(0).asText()).isEqualTo("22348641");
            assertThat(status.path("status").asText()).isEqualTo("Look");
            assertThat(recorded).containsEntry("media.0", "22348641").containsEntry("media.0.ready", "true");
            assertThat(slept).isEmpty();
        }

        @Test
        void waitsForAsynchronousProcessingThenAttaches() throws Exception {
            server.enqueue(answer(202, "MediaAttachment", media("22348641", false, "A cat asleep on a keyboard")));
            server.enqueue(new MockResponse().setResponseCode(206));
            server.enqueue(answer("MediaAttachment", media("22348641", true, "A cat asleep on a keyboard")));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Look</p>")));

            Outcome outcome = channel.publish(account, withImage(), progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(take().getPath()).isEqualTo("/api/v2/media");
            RecordedRequest poll1 = take();
            assertThat(poll1.getMethod()).isEqualTo("GET");
            assertThat(poll1.getPath()).isEqualTo("/api/v1/media/22348641");
            assertThat(poll1.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(take().getPath()).isEqualTo("/api/v1/media/22348641");
            assertThat(statusRequest(take()).path("media_ids").get(0).asText()).isEqualTo("22348641");
            assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(recorded).containsKeys("media.0", "media.0.ready", "sent-at");
        }

        @Test
        void mediaStillProcessingAfterThirtySecondsIsRetryLaterAndTheRetryReusesTheUpload() throws Exception {
            server.enqueue(answer(202, "MediaAttachment", media("22348641", false, "alt")));
            for (int i = 0; i < 8; i++) {
                server.enqueue(new MockResponse().setResponseCode(206));
            }

            Outcome outcome = channel.publish(account, withImage(), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> {
                assertThat(r.notBefore()).isAfter(NOW);
                assertThat(r.reason()).contains("still processing");
            });
            assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
            assertThat(slept).hasSize(8);
            assertThat(server.getRequestCount()).isEqualTo(9);
            assertThat(take().getPath()).isEqualTo("/api/v2/media");
            for (int i = 0; i < 8; i++) {
                assertThat(take().getPath()).isEqualTo("/api/v1/media/22348641");
            }
            assertThat(recorded).containsEntry("media.0", "22348641").doesNotContainKey("media.0.ready").doesNotContainKey("sent-at");

            server.enqueue(answer("MediaAttachment", media("22348641", true, "alt")));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Look</p>")));

            assertThat(channel.publish(account, withImage().withProgress(recorded), progress)).isInstanceOf(Outcome.Sent.class);
            assertThat(take().getPath()).as("the retry looks at the same upload, it does not upload again").isEqualTo("/api/v1/media/22348641");
            assertThat(statusRequest(take()).path("media_ids").get(0).asText()).isEqualTo("22348641");
        }

        @Test
        void anUploadCleanedUpMeanwhileIsUploadedAgain() throws Exception {
            server.enqueue(answer(404, "Error", error("Record not found")));
            server.enqueue(answer("MediaAttachment", media("555", true, "alt")));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Look</p>")));

            Outcome outcome = channel.publish(account, withImage().withProgress(Map.of("media.0", "22348641")), progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(take().getPath()).isEqualTo("/api/v1/media/22348641");
            assertThat(take().getPath()).isEqualTo("/api/v2/media");
            assertThat(statusRequest(take()).path("media_ids").get(0).asText()).isEqualTo("555");
            assertThat(recorded).containsEntry("media.0", "555");
        }

        @Test
        void aRetryReusesMediaAlreadyProcessedWithoutUploadingAgain() throws Exception {
            server.enqueue(answer("Status", ourStatus("110001", "<p>Look</p>")));

            Outcome outcome = channel.publish(account, withImage().withProgress(Map.of("media.0", "777", "media.0.ready", "true")), progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(statusRequest(take()).path("media_ids").get(0).asText()).isEqualTo("777");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aRefusedFileFailsWithMastodonsSentenceAndNoStatusIsSent() {
            server.enqueue(answer(422, "Error", error("Validation failed: File content type is invalid")));

            Outcome outcome = channel.publish(account, withImage(), progress);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.reason()).contains("File content type is invalid"));
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(recorded).isEmpty();
        }

        @Test
        void aLostUploadAnswerIsRetryLaterBecauseAnUnattachedFileIsNoPost() {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

            assertThat(channel.publish(account, withImage(), progress)).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    // =====================================================================================================
    @Nested
    class Settling {
        Delivery sentAt(Instant at, String text) {
            return delivery("post-42/account-7/part-0", text).withProgress(Map.of("sent-at", at.toString()));
        }

        @Test
        void withinTheKeysHourSettlingSendsTheSameRequestAndMastodonReturnsTheOriginal() throws Exception {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(answer("Status", ourStatus("110001", "<p>Hello</p>")));
            Delivery d = delivery("post-42/account-7/part-0", "Hello");

            assertThat(channel.publish(account, d, progress)).isInstanceOf(Outcome.Unknown.class);
            Outcome settled = channel.settle(account, d.withProgress(recorded));

            assertThat(settled).isEqualTo(new Outcome.Sent(RemotePost.of("110001", MastodonFixtures.HOST + "/@desk/110001")));
            RecordedRequest first = take();
            RecordedRequest replay = take();
            assertThat(replay.getHeader("Idempotency-Key")).isEqualTo(first.getHeader("Idempotency-Key")).isEqualTo(d.key());
            assertThat(statusRequest(replay)).isEqualTo(statusRequest(first));
        }

        @Test
        void nothingRecordedAsSentMeansItCanBeSent() {
            Outcome settled = channel.settle(account, delivery("k", "Hello"));

            assertThat(settled).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void aReplayThatCannotBeConfirmedStaysUnknown() {
            server.enqueue(answer(503, "Error", error("Service unavailable")));

            Outcome settled = channel.settle(account, sentAt(NOW.minusSeconds(600), "Hello"));

            assertThat(settled).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void afterTheHourSettlingFindsThePostAmongTheAccountsRecentStatuses() throws Exception {
            Instant first = NOW.minus(Duration.ofHours(3));
            String text = "Release day!\nRead https://example.com/notes/2026/march-release cc @ana@other.social";
            String html = "<p>Release day!<br />Read <a href=\"https://example.com/notes/2026/march-release\" rel=\"nofollow noopener\" target=\"_blank\">"
                    + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/notes/2026/march-r</span>"
                    + "<span class=\"invisible\">elease</span></a> cc <span class=\"h-card\"><a href=\"https://other.social/@ana\" class=\"u-url mention\">"
                    + "@<span>ana</span></a></span></p>";
            ObjectNode older = status("109990", account(OUR_ID, "desk", "Social Desk", 300), html, first.minus(Duration.ofDays(2)));
            ObjectNode ours = status("110001", account(OUR_ID, "desk", "Social Desk", 300), html, first.plusSeconds(2));
            ObjectNode other = status("110005", account(OUR_ID, "desk", "Social Desk", 300), "<p>Something else</p>", first.plusSeconds(900));
            server.enqueue(answer("[Status]", array(other, ours, older)));

            Outcome settled = channel.settle(account, sentAt(first, text));

            assertThat(settled).isEqualTo(new Outcome.Sent(RemotePost.of("110001", MastodonFixtures.HOST + "/@desk/110001")));
            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/v1/accounts/" + OUR_ID + "/statuses");
            assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("40");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void afterTheHourAPostNotFoundIsUnknownAndOlderTwinsDoNotCount() {
            Instant first = NOW.minus(Duration.ofHours(3));
            ObjectNode older = status("109990", account(OUR_ID, "desk", "Social Desk", 300), "<p>Hello</p>", first.minus(Duration.ofDays(2)));
            server.enqueue(answer("[Status]", array(older)));

            Outcome settled = channel.settle(account, sentAt(first, "Hello"));

            assertThat(settled).isInstanceOf(Outcome.Unknown.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    // =====================================================================================================
    @Nested
    class Deleting {
        @Test
        void deletesTheStatus() throws Exception {
            server.enqueue(answer("Status", ourStatus("110001", "<p>Hello</p>")));
            RemotePost post = RemotePost.of("110001", null);

            assertThat(channel.delete(account, post)).isEqualTo(new Outcome.Sent(post));
            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("DELETE");
            assertThat(request.getPath()).isEqualTo("/api/v1/statuses/110001");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        }

        @Test
        void aStatusAlreadyGoneCountsAsDeleted() {
            server.enqueue(answer(404, "Error", error("Record not found")));
            RemotePost post = RemotePost.of("110001", null);

            assertThat(channel.delete(account, post)).isEqualTo(new Outcome.Sent(post));
        }

        @Test
        void anIdFromElsewhereCannotClimbOutOfItsPath() throws Exception {
            server.enqueue(answer(404, "Error", error("Record not found")));

            channel.delete(account, RemotePost.of("../../admin/accounts/1", null));

            assertThat(take().getPath()).isEqualTo("/api/v1/statuses/..%2F..%2Fadmin%2Faccounts%2F1");
        }

        @Test
        void aRevokedTokenFails() {
            server.enqueue(answer(401, "Error", error("The access token is invalid")));

            assertThat(channel.delete(account, RemotePost.of("110001", null)))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("token-invalid"));
        }
    }

    // =====================================================================================================
    @Nested
    class Importing {
        ObjectNode mention(String notificationId, String statusId, String html) {
            ObjectNode author = account("2002", "ana@other.social", "Ana", 1534);
            author.put("url", "https://other.social/@ana");
            ObjectNode s = status(statusId, author, html, NOW.minusSeconds(60));
            s.put("uri", "https://other.social/users/ana/statuses/" + statusId).put("url", "https://other.social/@ana/" + statusId);
            return notification(notificationId, s);
        }

        void assertNotificationsRequest(RecordedRequest request, String minId) {
            HttpUrl url = request.getRequestUrl();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(url.encodedPath()).isEqualTo("/api/v1/notifications");
            assertThat(url.queryParameterValues("types[]")).containsExactly("mention");
            assertThat(url.queryParameter("since_id")).as("since_id skips items; min_id pages forward").isNull();
            assertThat(url.queryParameter("min_id")).isEqualTo(minId);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        }

        @Test
        void theFirstFetchMarksTheNewestMentionWithoutImportingHistory() throws Exception {
            server.enqueue(answer("[Notification]", array(mention("35000", "1100", "<p>old</p>"))));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, null);

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).isEmpty();
            assertThat(batch.cursor()).isEqualTo("35000");
            RecordedRequest request = take();
            assertNotificationsRequest(request, null);
            assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("1");
        }

        @Test
        void theFirstFetchOfAnAccountWithoutMentionsStartsFromTheBeginning() {
            server.enqueue(answer("[Notification]", array()));

            assertThat(channel.fetch(account, Stream.MENTIONS, null).cursor()).isEqualTo("0");
        }

        @Test
        void pagesForwardWithMinIdAndReturnsMentionsOldestFirstUpToTheHighestId() throws Exception {
            // Newest first, as Mastodon sends them; "999" < "1000" although it is lexically greater.
            server.enqueue(answer("[Notification]", array(mention("1002", "5002", "<p>third</p>"), mention("1000", "5000", "<p>second</p>"),
                    mention("999", "4999", "<p>first</p>"))));
            server.enqueue(answer("[Notification]", array(mention("1003", "5003", "<p>fourth</p>"))));
            server.enqueue(answer("[Notification]", array()));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "990");

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).extracting(Inbound::text).containsExactly("first", "second", "third", "fourth");
            assertThat(batch.cursor()).isEqualTo("1003");
            assertThat(batch.more()).isFalse();
            assertNotificationsRequest(take(), "990");
            assertNotificationsRequest(take(), "1002");
            RecordedRequest last = take();
            assertNotificationsRequest(last, "1003");
            assertThat(last.getRequestUrl().queryParameter("limit")).isEqualTo("80"); // the documented maximum for notifications
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void sinceIdIsNeverSentWhateverTheCursor() throws Exception {
            for (String cursor : new String[] {null, "0", "35000"}) {
                for (Stream stream : Stream.values()) {
                    server.enqueue(answer("[Notification]", array()));
                    channel.fetch(account, stream, cursor);
                }
            }
            int count = server.getRequestCount();
            assertThat(count).as("mentions and direct messages are read; other streams send nothing").isEqualTo(6);
            for (int i = 0; i < count; i++) {
                RecordedRequest request = take();
                assertThat(request.getRequestUrl().queryParameterNames()).doesNotContain("since_id");
                assertThat(request.getPath()).doesNotContain("since_id");
            }
        }

        @Test
        void aMentionBecomesAnInboundItemWithItsPlainTextAuthorAndThread() {
            ObjectNode n = mention("1001", "5001",
                    "<p><span class=\"h-card\"><a href=\"https://example.social/@desk\" class=\"u-url mention\">@<span>desk</span></a></span> "
                            + "my order &amp; invoice are wrong<br>since Monday</p><p>Please help &lt;3<script>alert(1)</script></p>");
            reply((ObjectNode) n.path("status"), "110001", OUR_ID);
            server.enqueue(answer("[Notification]", array(n)));
            server.enqueue(answer("[Notification]", array()));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.items()).hasSize(1);
            Inbound item = batch.items().get(0);
            assertThat(item.network()).isEqualTo(Network.MASTODON);
            assertThat(item.stream()).isEqualTo(Stream.MENTIONS);
            assertThat(item.kind()).isEqualTo("reply");
            assertThat(item.externalId()).as("the status id on the instance, as in_reply_to_id names a parent").isEqualTo("5001");
            assertThat(item.url()).isEqualTo("https://other.social/@ana/5001");
            assertThat(item.parentId()).isEqualTo("110001");
            assertThat(item.text()).isEqualTo("@desk my order & invoice are wrong\nsince Monday\n\nPlease help <3");
            assertThat(item.createdAt()).isEqualTo(NOW.minusSeconds(60));
            assertThat(item.language()).isEqualTo("en");
            assertThat(item.author()).isEqualTo(new Inbound.Author("2002", "ana@other.social", "Ana", 1534L, "https://other.social/@ana"));
        }

        @Test
        void statusesTheInboxHasStoredAreCountedNotConvertedAndTheInboxIsAskedOnceAFetch() {
            server.enqueue(answer("[Notification]", array(mention("1001", "5001", "<p>stored <b>before</b></p>"),
                    mention("1002", "5002", "<p>new &amp; unread</p>"))));
            server.enqueue(answer("[Notification]", array(mention("1003", "5003", "<p>stored too</p>"))));
            server.enqueue(answer("[Notification]", array()));
            List<java.util.Collection<String>> asked = new java.util.ArrayList<>();

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000", ids -> {
                asked.add(java.util.Set.copyOf(ids));
                return java.util.Set.of("5001", "5003", "9999");
            });

            assertThat(asked).as("one question for the fetch's three statuses").containsExactly(java.util.Set.of("5001", "5002", "5003"));
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("5002");
            assertThat(batch.items().get(0).text()).isEqualTo("new & unread");
            assertThat(batch.leftOut()).isEqualTo(2);
            assertThat(batch.received()).isEqualTo(3);
            assertThat(batch.cursor()).as("the cursor passes the statuses left out too").isEqualTo("1003");
        }

        @Test
        void aReplyNamesItsParentInTheFormItselfIsKeyedBySoThatItFindsItsConversation() {
            server.enqueue(answer("[Notification]", array(mention("1001", "5001", "<p>my order is late</p>"))));
            server.enqueue(answer("[Notification]", array()));
            ObjectNode reply = mention("1002", "5002", "<p>still nothing</p>");
            reply((ObjectNode) reply.path("status"), "5001", "2002");
            server.enqueue(answer("[Notification]", array(reply)));
            server.enqueue(answer("[Notification]", array()));

            Inbound first = channel.fetch(account, Stream.MENTIONS, "1000").items().get(0);
            Inbound second = channel.fetch(account, Stream.MENTIONS, "1001").items().get(0);

            assertThat(second.parentId()).isEqualTo(first.externalId());
            assertThat(second.url()).isEqualTo("https://other.social/@ana/5002");
        }

        @Test
        void ancestorsComeFromTheStatusContextNearestFirstWithoutOurOwnStatuses() throws Exception {
            ObjectNode root = ourStatus("4000", "<p>our announcement</p>");
            ObjectNode ana = (ObjectNode) mention("1", "4001", "<p>question</p>").path("status");
            reply(ana, "4000", OUR_ID);
            ObjectNode ben = status("4002", account("2003", "ben@third.social", "Ben", 7), "<p>same here</p>", NOW.minusSeconds(30));
            reply(ben, "4001", "2002");
            ObjectNode context = MastodonFixtures.JSON.createObjectNode();
            context.putArray("ancestors").add(root).add(ana).add(ben);
            context.putArray("descendants");
            server.enqueue(answer("Context", context));
            Inbound item = new Inbound(Network.MASTODON, Stream.MENTIONS, "4003", "reply", "me too", NOW,
                    new Inbound.Author("2004", "cy", null, null, null), null, "4002", null, null);

            List<Inbound> ancestors = channel.ancestors(account, item, 5);

            assertThat(ancestors).extracting(Inbound::externalId).containsExactly("4002", "4001");
            assertThat(ancestors.get(0).parentId()).isEqualTo("4001");
            assertThat(ancestors.get(0).author().handle()).isEqualTo("ben@third.social");
            assertThat(ancestors.get(1).text()).isEqualTo("question");
            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/v1/statuses/4003/context");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);

            server.enqueue(answer("Context", context));
            assertThat(channel.ancestors(account, item, 1)).extracting(Inbound::externalId).containsExactly("4002");
            server.enqueue(answer(404, "Error", error("Record not found")));
            assertThat(channel.ancestors(account, item, 5)).isEmpty();
        }

        @Test
        void directMessagesAreTheirOwnStreamAndOurOwnStatusesAreSkipped() {
            ObjectNode dm = mention("1002", "5002", "<p>private question</p>");
            ((ObjectNode) dm.path("status")).put("visibility", "direct");
            ObjectNode own = notification("1003", ourStatus("5003", "<p>@desk note to self</p>"));
            ObjectNode public1 = mention("1001", "5001", "<p>public hello</p>");
            for (int i = 0; i < 2; i++) {
                server.enqueue(answer("[Notification]", array(own, dm, public1)));
                server.enqueue(answer("[Notification]", array()));
            }

            ImportBatch mentions = channel.fetch(account, Stream.MENTIONS, "1000");
            ImportBatch direct = channel.fetch(account, Stream.DIRECT_MESSAGES, "1000");

            assertThat(mentions.items()).extracting(Inbound::text).containsExactly("public hello");
            assertThat(direct.items()).extracting(Inbound::text).containsExactly("private question");
            assertThat(direct.items().get(0).stream()).isEqualTo(Stream.DIRECT_MESSAGES);
            assertThat(mentions.cursor()).isEqualTo("1003");
            assertThat(direct.cursor()).isEqualTo("1003");
        }

        @Test
        void aRateLimitFailsTheFetchUntilTheResetAndKeepsTheCursor() {
            server.enqueue(rateLimited("2026-03-02T10:15:00Z"));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo("1000");
            assertThat(batch.notBefore()).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
            assertThat(channel.nextAllowedAt(account)).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
            assertThat(channel.fetch(account, Stream.MENTIONS, "1000").failed()).isTrue();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aFieldOfTheWrongTypeFailsTheFetchWithoutLosingAnything() {
            ObjectNode bad = mention("1001", "5001", "<p>x</p>");
            ((ObjectNode) bad.path("status")).putObject("content");
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(array(bad).toString()));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo("1000");
            assertThat(batch.problem()).contains("1001").contains("content is not text");
        }

        @Test
        void aNotificationIdOfTheWrongTypeFailsTheFetch() {
            ObjectNode bad = mention("1001", "5001", "<p>x</p>");
            bad.put("id", 1001);
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(array(bad).toString()));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo("1000");
        }

        @Test
        void anHtmlPageOrTruncatedJsonFailsTheFetch() {
            server.enqueue(new MockResponse().setResponseCode(502).setBody("<html><body>Bad gateway</body></html>"));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("[{\"id\":\"1001\",\"type\":\"ment"));

            ImportBatch gateway = channel.fetch(account, Stream.MENTIONS, "1000");
            ImportBatch truncated = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(gateway.failed()).isTrue();
            assertThat(gateway.notBefore()).isAfter(NOW);
            assertThat(truncated.failed()).isTrue();
            assertThat(truncated.cursor()).isEqualTo("1000");
        }

        @Test
        void aRevokedTokenFailsTheFetch() {
            server.enqueue(answer(401, "Error", error("The access token was revoked")));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.failed()).isTrue();
            assertThat(batch.problem()).contains("reconnect");
        }

        @Test
        void aFailureAfterTheFirstPageKeepsWhatArrivedAndSaysThereIsMore() {
            server.enqueue(answer("[Notification]", array(mention("1001", "5001", "<p>one</p>"))));
            server.enqueue(answer(503, "Error", error("Service unavailable")));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).extracting(Inbound::text).containsExactly("one");
            assertThat(batch.cursor()).isEqualTo("1001");
            assertThat(batch.more()).isTrue();
        }

        @Test
        void aServerThatIgnoresMinIdDoesNotMakeUsImportTwice() {
            server.enqueue(answer("[Notification]", array(mention("1001", "5001", "<p>one</p>"))));
            server.enqueue(answer("[Notification]", array(mention("1001", "5001", "<p>one</p>"))));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1000");

            assertThat(batch.items()).hasSize(1);
            assertThat(batch.cursor()).isEqualTo("1001");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    // =====================================================================================================
    @Nested
    class HealthAndLimits {
        @Test
        void aWorkingAccountReportsWhoItIsAndItsScopes() throws Exception {
            server.enqueue(answer("CredentialAccount", credentialAccount(OUR_ID, "desk", "Social Desk")));

            AccountHealth health = channel.check(account);

            assertThat(health.usable()).isTrue();
            assertThat(health.remoteId()).isEqualTo(OUR_ID);
            assertThat(health.handle()).isEqualTo("desk@" + server.getHostName());
            assertThat(health.scopes()).contains("write:statuses");
            assertThat(health.checkedAt()).isEqualTo(NOW);
            RecordedRequest request = take();
            assertThat(request.getPath()).isEqualTo("/api/v1/accounts/verify_credentials");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        }

        @Test
        void aTokenWithoutTheNeededScopesIsReported() {
            server.enqueue(answer("CredentialAccount", credentialAccount(OUR_ID, "desk", "Social Desk")));
            ChannelAccount readOnly = account.withCredentials(new Credentials(TOKEN, null, null, Set.of("read", "write:media"), Map.of()));

            AccountHealth health = channel.check(readOnly);

            assertThat(health.problem()).isEqualTo("missing-scopes");
            assertThat(health.detail()).contains("write:statuses").doesNotContain("read:notifications");
        }

        @Test
        void aRevokedTokenIsReportedRevoked() {
            server.enqueue(answer(401, "Error", error("The access token was revoked")));

            AccountHealth health = channel.check(account);

            assertThat(health.problem()).isEqualTo("revoked");
            assertThat(health.detail()).doesNotContain(TOKEN);
        }

        @Test
        void anUnreachableInstanceIsReported() {
            ChannelAccount nowhere = new ChannelAccount(7, Network.MASTODON, "desk@localhost", URI.create("http://127.0.0.1:1"), OUR_ID,
                    account.credentials());

            AccountHealth health = channel.check(nowhere);

            assertThat(health.problem()).isEqualTo("unreachable");
            assertThat(health.detail()).doesNotContain(TOKEN);
        }

        @Test
        void theInstancesOwnLimitsFeedTheRulesTable() throws Exception {
            server.enqueue(answer("Instance", instance(1000, 23, 6, 16_777_216)));

            Optional<NetworkLimits> limits = channel.limits(account);

            assertThat(limits).contains(new NetworkLimits(1000, 23, 6, 16_777_216L, null, null));
            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getPath()).isEqualTo("/api/v2/instance");
            assertThat(request.getHeader("Authorization")).as("a public endpoint: the token is not sent").isNull();
        }

        @Test
        void limitsOfTheWrongTypeAreIgnoredAndAFailureGivesNone() {
            ObjectNode odd = instance(1000, 23, 6, 16_777_216);
            ((ObjectNode) odd.path("configuration").path("statuses")).put("max_characters", "lots");
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(odd.toString()));
            server.enqueue(new MockResponse().setResponseCode(500).setBody("<html>oops</html>"));

            assertThat(channel.limits(account)).contains(new NetworkLimits(null, 23, 6, 16_777_216L, null, null));
            assertThat(channel.limits(account)).isEmpty();
        }

        @Test
        void offersMentionsAndDirectMessages() {
            assertThat(channel.streams()).containsExactlyInAnyOrder(Stream.MENTIONS, Stream.DIRECT_MESSAGES);
            assertThat(channel.network()).isEqualTo(Network.MASTODON);
        }
    }
}
