package io.socialdesk.channel.facebook;

import static io.socialdesk.channel.meta.GraphTestSupport.CLOCK;
import static io.socialdesk.channel.meta.GraphTestSupport.NOW;
import static io.socialdesk.channel.meta.GraphTestSupport.form;
import static io.socialdesk.channel.meta.GraphTestSupport.graphError;
import static io.socialdesk.channel.meta.GraphTestSupport.html;
import static io.socialdesk.channel.meta.GraphTestSupport.json;
import static io.socialdesk.channel.meta.GraphTestSupport.ok;
import static io.socialdesk.channel.meta.GraphTestSupport.reason;
import static io.socialdesk.channel.meta.GraphTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.meta.GraphTestSupport;
import io.socialdesk.channel.meta.GraphTestSupport.RecordingProgress;
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
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Pkce;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Facebook Pages against a MockWebServer playing graph.facebook.com. Answers follow the payloads in
 * networks.md §3.5 (there is no official OpenAPI description of the Graph API to validate against).
 */
class FacebookContractTest {
    static final String PAGE_TOKEN = "EAAPageTokenSecretValue1234567890";
    static final OAuthClient APP = new OAuthClient(null, "1234567", "app-secret-value");

    MockWebServer server;
    RateLimits rateLimits;
    FacebookChannel channel;
    ChannelAccount page;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        rateLimits = new RateLimits(CLOCK);
        channel = new FacebookChannel(GraphTestSupport.http(), rateLimits, CredentialSink.NONE, CLOCK, server.url("/v21.0").uri(),
                URI.create("https://www.facebook.com/v21.0/dialog/oauth"));
        page = new ChannelAccount(7, Network.FACEBOOK, "Acme", null, "1001", Credentials.bearer(PAGE_TOKEN));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static void assertAuthorized(RecordedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
        assertThat(request.getRequestUrl().toString()).doesNotContain(PAGE_TOKEN).doesNotContain("access_token");
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(PAGE_TOKEN).doesNotContain("app-secret-value").doesNotContain("http://");
    }

    @Nested
    class Connect {
        @Test
        void theAuthorizeAddressCarriesTheAppTheScopesTheStateAndAPkceChallenge() {
            Pkce pkce = Pkce.of("verifier-0123456789-0123456789-0123456789");
            URI uri = ((Connection.OAuth) channel.connection()).authorizationUri(APP,
                    new Connection.AuthorizationRequest("state-1", pkce.challenge(), URI.create("https://desk.example/callback")));
            HttpUrl url = HttpUrl.get(uri);
            assertThat(url.host()).isEqualTo("www.facebook.com");
            assertThat(url.encodedPath()).isEqualTo("/v21.0/dialog/oauth");
            assertThat(url.queryParameter("client_id")).isEqualTo("1234567");
            assertThat(url.queryParameter("redirect_uri")).isEqualTo("https://desk.example/callback");
            assertThat(url.queryParameter("response_type")).isEqualTo("code");
            assertThat(url.queryParameter("state")).isEqualTo("state-1");
            assertThat(url.queryParameter("scope")).contains("pages_manage_posts", "pages_show_list", "pages_read_user_content");
            assertThat(url.queryParameter("code_challenge")).isEqualTo(pkce.challenge());
            assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        }

        @Test
        void theCodeBecomesALongLivedUserTokenThenThePageTokenThatDoesNotExpire() throws Exception {
            server.enqueue(ok("{\"access_token\":\"EAAshortUserToken000000000000\",\"token_type\":\"bearer\",\"expires_in\":5183}"));
            server.enqueue(ok("{\"access_token\":\"EAAlongUserToken0000000000000\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
            server.enqueue(ok("{\"data\":[{\"id\":\"2002\",\"name\":\"Reader only\",\"access_token\":\"EAAother00000000000000\",\"tasks\":[\"ANALYZE\"]},"
                    + "{\"id\":\"1001\",\"name\":\"Acme\",\"access_token\":\"" + PAGE_TOKEN + "\",\"tasks\":[\"ANALYZE\",\"ADVERTISE\",\"MODERATE\",\"CREATE_CONTENT\",\"MANAGE\"]}],"
                    + "\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}}}"));
            server.enqueue(ok("{\"data\":[{\"permission\":\"pages_manage_posts\",\"status\":\"granted\"},"
                    + "{\"permission\":\"pages_read_user_content\",\"status\":\"declined\"}]}"));

            Connected connected = ((Connection.OAuth) channel.connection()).exchange(APP, "the-code", "the-verifier",
                    URI.create("https://desk.example/callback"));

            RecordedRequest code = take(server);
            assertThat(code.getMethod()).isEqualTo("GET");
            assertThat(code.getRequestUrl().encodedPath()).isEqualTo("/v21.0/oauth/access_token");
            assertThat(code.getRequestUrl().queryParameter("client_id")).isEqualTo("1234567");
            assertThat(code.getRequestUrl().queryParameter("client_secret")).isEqualTo("app-secret-value");
            assertThat(code.getRequestUrl().queryParameter("code")).isEqualTo("the-code");
            assertThat(code.getRequestUrl().queryParameter("code_verifier")).isEqualTo("the-verifier");
            assertThat(code.getRequestUrl().queryParameter("redirect_uri")).isEqualTo("https://desk.example/callback");
            RecordedRequest exchange = take(server);
            assertThat(exchange.getRequestUrl().queryParameter("grant_type")).isEqualTo("fb_exchange_token");
            assertThat(exchange.getRequestUrl().queryParameter("fb_exchange_token")).isEqualTo("EAAshortUserToken000000000000");
            RecordedRequest accounts = take(server);
            assertThat(accounts.getRequestUrl().encodedPath()).isEqualTo("/v21.0/me/accounts");
            assertThat(accounts.getHeader("Authorization")).isEqualTo("Bearer EAAlongUserToken0000000000000");
            assertThat(accounts.getRequestUrl().queryParameter("fields")).contains("access_token", "tasks");
            assertThat(take(server).getRequestUrl().encodedPath()).isEqualTo("/v21.0/me/permissions");

            assertThat(connected.remoteId()).isEqualTo("1001");
            assertThat(connected.handle()).isEqualTo("Acme");
            assertThat(connected.credentials().accessToken()).isEqualTo(PAGE_TOKEN);
            assertThat(connected.credentials().expiresAt()).as("Page tokens from a long-lived user token do not expire").isNull();
            assertThat(connected.credentials().scopes()).containsExactly("pages_manage_posts");
        }

        @Test
        void noPageToPublishToIsAClearFailure() {
            server.enqueue(ok("{\"access_token\":\"EAAshort0000000000000000\"}"));
            server.enqueue(ok("{\"access_token\":\"EAAlong00000000000000000\",\"expires_in\":5183944}"));
            server.enqueue(ok("{\"data\":[]}"));
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).exchange(APP, "c", "v", URI.create("https://desk.example/cb")))
                    .isInstanceOf(ConnectFailure.class).hasMessageContaining("no Page").extracting(e -> ((ConnectFailure) e).rule()).isEqualTo("no-page");
        }

        @Test
        void aRefusedCodeSaysSoWithoutEchoingTheSecretOrTheCode() {
            server.enqueue(graphError(400, 100, 36007, "This authorization code has expired. code=the-code client_secret=app-secret-value"));
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).exchange(APP, "the-code", "v", URI.create("https://desk.example/cb")))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> {
                        assertThat(e.rule()).isEqualTo("invalid-credentials");
                        assertThat(e.getMessage()).contains("authorization code has expired").doesNotContain("the-code").doesNotContain("app-secret-value");
                    });
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void withoutAConfiguredAppNothingStarts() {
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).client(null, URI.create("https://d/cb"), null))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> assertThat(e.rule()).isEqualTo("not-configured"));
        }

        @Test
        void pageTokensAreNotRefreshed() {
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).refresh(APP, page.credentials()))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> assertThat(e.rule()).isEqualTo("not-refreshable"));
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    class Publish {
        Delivery dm(String text) {
            return new Delivery("sd-reply-3", text, java.util.List.of(), null, null, null, java.util.Map.of(Delivery.DIRECT_TO, "6100000000000042"));
        }

        @Test
        void aDirectMessageGoesThroughTheSendApiAsAResponseToThePerson() throws Exception {
            assertThat(channel.sendsDirectMessages()).isTrue();
            server.enqueue(ok("{\"recipient_id\":\"6100000000000042\",\"message_id\":\"m_AbC123\"}"));
            RecordingProgress progress = new RecordingProgress(server);

            Outcome outcome = channel.publish(page, dm("Your parcel left today"), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("m_AbC123", null)));
            RecordedRequest send = take(server);
            assertThat(send.getMethod()).isEqualTo("POST");
            assertThat(send.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/messages");
            assertAuthorized(send);
            assertThat(form(send)).containsEntry("recipient", "{\"id\":\"6100000000000042\"}").containsEntry("messaging_type", "RESPONSE")
                    .containsEntry("message", "{\"text\":\"Your parcel left today\"}");
            assertThat(progress.requestsSeenAtRecord.get(FacebookChannel.ATTEMPTED_AT)).as("recorded before the send").isZero();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aDirectMessageOutsideThe24HourWindowFailsSayingSo() {
            server.enqueue(graphError(400, 10, 2018278, "(#10) This message is sent outside of allowed window."));

            Outcome outcome = channel.publish(page, dm("Any news?"), new RecordingProgress(server));

            assertThat(outcome).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) outcome).code()).isEqualTo("direct-window");
            assertThat(reason(outcome)).contains("24 hours");
        }

        @Test
        void aLostDirectMessageAnswerIsSettledFromTheConversation() throws Exception {
            server.enqueue(ok("{\"data\":[{\"id\":\"t_1\",\"messages\":{\"data\":[{\"id\":\"m_AbC123\",\"message\":\"Your parcel left today\","
                    + "\"from\":{\"id\":\"1001\",\"name\":\"Acme\"},\"created_time\":\"2025-03-01T10:00:05+0000\"}]}}]}"));
            Delivery attempted = dm("Your parcel left today").withProgress(java.util.Map.of(Delivery.DIRECT_TO, "6100000000000042",
                    FacebookChannel.ATTEMPTED_AT, Long.toString(NOW.getEpochSecond())));

            assertThat(channel.settle(page, attempted)).isEqualTo(new Outcome.Sent(RemotePost.of("m_AbC123", null)));
            RecordedRequest get = take(server);
            assertThat(get.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/conversations");
            assertThat(get.getRequestUrl().queryParameter("user_id")).isEqualTo("6100000000000042");
        }

        @Test
        void textGoesToThePageFeedWithItsFirstLinkAndTheAttemptIsRecordedFirst() throws Exception {
            server.enqueue(ok("{\"id\":\"1001_555\"}"));
            server.enqueue(ok("{\"permalink_url\":\"https://www.facebook.com/1001/posts/555\",\"id\":\"1001_555\"}"));
            RecordingProgress progress = new RecordingProgress(server);

            Outcome outcome = channel.publish(page, Delivery.text("k1", "Spring sale https://acme.example/sale today"), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("1001_555", "https://www.facebook.com/1001/posts/555")));
            RecordedRequest create = take(server);
            assertThat(create.getMethod()).isEqualTo("POST");
            assertThat(create.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/feed");
            assertThat(create.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertAuthorized(create);
            assertThat(form(create)).containsEntry("message", "Spring sale https://acme.example/sale today")
                    .containsEntry("link", "https://acme.example/sale");
            RecordedRequest link = take(server);
            assertThat(link.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001_555");
            assertThat(link.getRequestUrl().queryParameter("fields")).isEqualTo("permalink_url");
            assertThat(progress.values).containsEntry(FacebookChannel.ATTEMPTED_AT, Long.toString(NOW.getEpochSecond()));
            assertThat(progress.requestsSeenAtRecord.get(FacebookChannel.ATTEMPTED_AT)).as("recorded before the create").isZero();
        }

        @Test
        void oneImageIsOnePhotoPostWithItsMessage() throws Exception {
            server.enqueue(ok("{\"id\":\"9001\",\"post_id\":\"1001_556\"}"));
            server.enqueue(ok("{\"permalink_url\":\"https://www.facebook.com/photo/9001\"}"));
            Delivery delivery = Delivery.text("k2", "Our new shop").withMedia(List.of(Attachment.of("image/jpeg", new byte[] {1, 2, 3}, "A shop front")));

            Outcome outcome = channel.publish(page, delivery, Progress.NONE);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Sent.class, s -> assertThat(s.remote().id()).isEqualTo("1001_556"));
            RecordedRequest upload = take(server);
            assertThat(upload.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/photos");
            assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data");
            String body = upload.getBody().readString(StandardCharsets.ISO_8859_1);
            assertThat(body).contains("name=\"message\"", "Our new shop", "name=\"source\"", "Content-Type: image/jpeg").doesNotContain("published");
            assertAuthorized(upload);
        }

        @Test
        void severalImagesAreUploadedUnpublishedThenAttachedToOneFeedPost() throws Exception {
            server.enqueue(ok("{\"id\":\"p0\"}"));
            server.enqueue(ok("{\"id\":\"p1\"}"));
            server.enqueue(ok("{\"id\":\"1001_557\"}"));
            server.enqueue(ok("{\"permalink_url\":\"https://www.facebook.com/1001/posts/557\"}"));
            RecordingProgress progress = new RecordingProgress(server);
            Delivery delivery = Delivery.text("k3", "Two views").withMedia(List.of(Attachment.of("image/png", new byte[] {1}, ""),
                    Attachment.of("image/jpeg", new byte[] {2}, "")));

            Outcome outcome = channel.publish(page, delivery, progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            for (int i = 0; i < 2; i++) {
                RecordedRequest upload = take(server);
                assertThat(upload.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/photos");
                assertThat(upload.getBody().readString(StandardCharsets.ISO_8859_1)).contains("name=\"published\"", "false");
            }
            RecordedRequest feed = take(server);
            assertThat(feed.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/feed");
            assertThat(form(feed)).containsEntry("message", "Two views").containsEntry("attached_media[0]", "{\"media_fbid\":\"p0\"}")
                    .containsEntry("attached_media[1]", "{\"media_fbid\":\"p1\"}");
            assertThat(progress.order).containsExactly(FacebookChannel.PHOTO + 0, FacebookChannel.PHOTO + 1, FacebookChannel.ATTEMPTED_AT);
        }

        @Test
        void photosUploadedByAnEarlierAttemptAreNotUploadedAgain() throws Exception {
            server.enqueue(ok("{\"id\":\"1001_558\"}"));
            server.enqueue(ok("{\"permalink_url\":\"https://www.facebook.com/1001/posts/558\"}"));
            Delivery delivery = Delivery.text("k4", "Again").withMedia(List.of(Attachment.of("image/png", new byte[] {1}, ""),
                    Attachment.of("image/png", new byte[] {2}, ""))).withProgress(Map.of(FacebookChannel.PHOTO + 0, "p0", FacebookChannel.PHOTO + 1, "p1"));

            assertThat(channel.publish(page, delivery, Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            assertThat(take(server).getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/feed");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void aReplyIsACommentOnThePostOrComment() throws Exception {
            server.enqueue(ok("{\"id\":\"555_777\"}"));
            server.enqueue(ok("{\"permalink_url\":\"https://www.facebook.com/1001/posts/555?comment_id=777\"}"));
            Delivery reply = Delivery.text("k5", "Thanks!").replyingTo(RemotePost.of("1001_555_123", null), RemotePost.of("1001_555", null));

            assertThat(channel.publish(page, reply, Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            RecordedRequest comment = take(server);
            assertThat(comment.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001_555_123/comments");
            assertThat(form(comment)).containsEntry("message", "Thanks!");
        }

        @Test
        void videosAreRefusedBeforeAnyRequest() {
            Delivery video = Delivery.text("k6", "Clip").withMedia(List.of(Attachment.of("video/mp4", new byte[] {1}, "")));
            assertThat(channel.publish(page, video, Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("not-supported"));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void anInvalidTokenIsAFailureThatAsksToReconnectAndNeverShowsTheToken() {
            server.enqueue(graphError(400, 190, 463, "Error validating access token: Session has expired. access_token=" + PAGE_TOKEN));
            Outcome outcome = channel.publish(page, Delivery.text("k7", "Hello"), Progress.NONE);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("token-invalid");
                assertThat(f.reason()).contains("expired", "reconnect");
                assertNoSecret(f.reason());
            });
        }

        @Test
        void aPasswordChangeIsNamed() {
            server.enqueue(graphError(400, 190, 460, "Error validating access token: The session has been invalidated"));
            assertThat(reason(channel.publish(page, Delivery.text("k8", "Hello"), Progress.NONE))).contains("password");
        }

        @Test
        void throttlingWithUsageHeadersWaitsUntilMetaSaysAndHoldsTheNextCallsWithoutSendingThem() {
            server.enqueue(graphError(400, 32, null, "Page request limit reached")
                    .setHeader("X-Business-Use-Case-Usage",
                            "{\"1001\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":12}]}")
                    .setHeader("X-App-Usage", "{\"call_count\":40,\"total_time\":10,\"total_cputime\":10}"));

            Outcome outcome = channel.publish(page, Delivery.text("k9", "Hello"), Progress.NONE);

            assertThat(outcome).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(12))));
            assertThat(channel.nextAllowedAt(page)).isEqualTo(NOW.plus(Duration.ofMinutes(12)));
            Outcome next = channel.publish(page, Delivery.text("k10", "Hello again"), Progress.NONE);
            assertThat(next).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(12))));
            assertThat(server.getRequestCount()).as("the held call is not sent").isEqualTo(1);
        }

        @Test
        void appThrottleCode4WithOnlyXAppUsagePausesAQuarterOfAnHour() {
            server.enqueue(graphError(400, 4, null, "Application request limit reached")
                    .setHeader("X-App-Usage", "{\"call_count\":100,\"total_time\":12,\"total_cputime\":9}"));
            Outcome outcome = channel.publish(page, Delivery.text("k11", "Hello"), Progress.NONE);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(15))));
            assertThat(channel.nextAllowedAt(page)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        }

        @Test
        void highUsageOnASuccessHoldsTheFollowingCalls() {
            server.enqueue(ok("{\"id\":\"1001_600\"}").setHeader("X-App-Usage", "{\"call_count\":85,\"total_time\":10,\"total_cputime\":10}"));
            server.enqueue(ok("{\"permalink_url\":\"https://www.facebook.com/1001/posts/600\"}"));
            assertThat(channel.publish(page, Delivery.text("k12", "Hello"), Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            assertThat(channel.nextAllowedAt(page)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        }

        @Test
        void aTransientServerErrorAfterTheCreateIsUnknown() {
            server.enqueue(json(500, "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true}}"));
            assertThat(channel.publish(page, Delivery.text("k13", "Hello"), Progress.NONE)).isInstanceOf(Outcome.Unknown.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aTransientErrorWithA400IsRetriedLater() {
            server.enqueue(json(400, "{\"error\":{\"message\":\"Please retry your request later.\",\"code\":1,\"is_transient\":true}}"));
            assertThat(channel.publish(page, Delivery.text("k14", "Hello"), Progress.NONE)).isInstanceOf(Outcome.RetryLater.class);
        }

        @Test
        void anHtmlErrorPageIsUnknownAfterACreateAndSaysNoMarkup() {
            server.enqueue(html(502));
            Outcome outcome = channel.publish(page, Delivery.text("k15", "Hello"), Progress.NONE);
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            assertThat(reason(outcome)).doesNotContain("<");
        }

        @Test
        void aServiceUnavailableIsRetriedLater() {
            server.enqueue(html(503));
            assertThat(channel.publish(page, Delivery.text("k16", "Hello"), Progress.NONE)).isInstanceOf(Outcome.RetryLater.class);
        }

        @Test
        void aConnectionDroppedAfterTheRequestIsUnknownAndIsNotSentAgain() {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            Outcome outcome = channel.publish(page, Delivery.text("k17", "Hello"), Progress.NONE);
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            assertThat(reason(outcome)).doesNotContain(PAGE_TOKEN).doesNotContain("?").doesNotContain("/1001/feed");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void truncatedJsonAHtmlSuccessAndAWrongTypeIdAreUnknownNeverSent() {
            server.enqueue(ok("{\"id\":\"1001_5"));
            server.enqueue(html(200));
            server.enqueue(ok("{\"id\":{\"nested\":true}}"));
            for (int i = 0; i < 3; i++) {
                assertThat(channel.publish(page, Delivery.text("k18-" + i, "Hello"), Progress.NONE)).isInstanceOf(Outcome.Unknown.class);
            }
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void anInvalidParameterShowsWhatMetaWroteForPeople() {
            server.enqueue(json(400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,"
                    + "\"error_user_title\":\"Link problem\",\"error_user_msg\":\"The link could not be fetched.\"}}"));
            assertThat(channel.publish(page, Delivery.text("k19", "Hello"), Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("invalid-parameter");
                assertThat(f.reason()).contains("The link could not be fetched.");
            });
        }

        @Test
        void aDuplicateIsAFailure() {
            server.enqueue(graphError(400, 506, null, "Duplicate status message"));
            assertThat(channel.publish(page, Delivery.text("k20", "Hello"), Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("duplicate"));
        }

        @Test
        void aMissingPermissionAsksToReconnect() {
            server.enqueue(graphError(403, 200, null, "(#200) The user hasn't authorized the application to perform this action"));
            assertThat(channel.publish(page, Delivery.text("k21", "Hello"), Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("missing-permission"));
        }
    }

    @Nested
    class Settle {
        Delivery attempted(String text) {
            return Delivery.text("s1", text).withProgress(Map.of(FacebookChannel.ATTEMPTED_AT, Long.toString(NOW.getEpochSecond() - 30)));
        }

        @Test
        void aLostAnswerIsSettledByFindingTheSameMessageInTheFeedSinceTheAttempt() throws Exception {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            RecordingProgress progress = new RecordingProgress(server);
            assertThat(channel.publish(page, Delivery.text("s0", "Launch day!"), progress)).isInstanceOf(Outcome.Unknown.class);
            take(server);

            server.enqueue(ok("{\"data\":[{\"id\":\"1001_900\",\"message\":\"Someone else\",\"from\":{\"id\":\"42\",\"name\":\"Visitor\"},"
                    + "\"created_time\":\"2025-03-01T10:00:01+0000\"},"
                    + "{\"id\":\"1001_901\",\"message\":\"Launch day!\",\"from\":{\"id\":\"1001\",\"name\":\"Acme\"},\"created_time\":\"2025-03-01T10:00:01+0000\","
                    + "\"permalink_url\":\"https://www.facebook.com/1001/posts/901\"}],\"paging\":{\"cursors\":{\"before\":\"x\",\"after\":\"y\"}}}"));
            Outcome settled = channel.settle(page, Delivery.text("s0", "Launch day!").withProgress(progress.values));

            assertThat(settled).isEqualTo(new Outcome.Sent(RemotePost.of("1001_901", "https://www.facebook.com/1001/posts/901")));
            RecordedRequest lookup = take(server);
            assertThat(lookup.getMethod()).isEqualTo("GET");
            assertThat(lookup.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/feed");
            assertThat(lookup.getRequestUrl().queryParameter("since")).isEqualTo(Long.toString(NOW.getEpochSecond() - 60));
            assertThat(lookup.getRequestUrl().queryParameter("fields")).contains("id", "message", "created_time", "permalink_url");
            assertAuthorized(lookup);
            assertThat(server.getRequestCount()).as("the post was created once, looked up once").isEqualTo(2);
        }

        @Test
        void aLookupWithoutTheMessageMeansNothingWasPublished() {
            server.enqueue(ok("{\"data\":[{\"id\":\"1001_1\",\"message\":\"Older\",\"created_time\":\"2025-03-01T09:59:50+0000\"}]}"));
            assertThat(channel.settle(page, attempted("Launch day!"))).isInstanceOfSatisfying(Outcome.RetryLater.class,
                    r -> assertThat(r.notBefore()).isEqualTo(NOW));
        }

        @Test
        void aFailedLookupLeavesItUnknown() {
            server.enqueue(html(500));
            assertThat(channel.settle(page, attempted("Launch day!"))).isInstanceOf(Outcome.Unknown.class);
            server.enqueue(ok("{\"data\":\"not a list\"}"));
            assertThat(channel.settle(page, attempted("Launch day!"))).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void withoutARecordedAttemptNothingWasSentAndNothingIsAsked() {
            assertThat(channel.settle(page, Delivery.text("s2", "x"))).isInstanceOfSatisfying(Outcome.RetryLater.class,
                    r -> assertThat(r.notBefore()).isEqualTo(NOW));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void aReplyIsSettledAmongTheCommentsOfItsParent() throws Exception {
            server.enqueue(ok("{\"data\":[{\"id\":\"555_778\",\"message\":\"Thanks!\",\"from\":{\"id\":\"1001\"},\"created_time\":\"2025-03-01T10:00:00+0000\"}]}"));
            Delivery reply = attempted("Thanks!").replyingTo(RemotePost.of("1001_555", null), null);
            assertThat(channel.settle(page, reply)).isInstanceOfSatisfying(Outcome.Sent.class, s -> assertThat(s.remote().id()).isEqualTo("555_778"));
            assertThat(take(server).getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001_555/comments");
        }
    }

    @Nested
    class Delete {
        @Test
        void deletingAPostSendsDeleteAndReadsSuccess() throws Exception {
            server.enqueue(ok("{\"success\":true}"));
            RemotePost post = RemotePost.of("1001_555", null);
            assertThat(channel.delete(page, post)).isEqualTo(new Outcome.Sent(post));
            RecordedRequest request = take(server);
            assertThat(request.getMethod()).isEqualTo("DELETE");
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001_555");
            assertAuthorized(request);
        }

        @Test
        void aPostThatNoLongerExistsCountsAsDeleted() {
            server.enqueue(graphError(400, 100, 33, "Unsupported delete request. Object with ID '1001_555' does not exist"));
            assertThat(channel.delete(page, RemotePost.of("1001_555", null))).isInstanceOf(Outcome.Sent.class);
        }

        @Test
        void aRevokedTokenFails() {
            server.enqueue(graphError(400, 190, null, "Invalid OAuth access token."));
            assertThat(channel.delete(page, RemotePost.of("1001_555", null))).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("token-invalid"));
        }
    }

    @Nested
    class Import {
        static final String FEED = "{\"data\":["
                + "{\"id\":\"1001_555\",\"created_time\":\"2025-03-01T08:00:00+0000\",\"comments\":{\"data\":["
                + "{\"id\":\"555_3\",\"message\":\"Where is the shop?\",\"from\":{\"id\":\"42\",\"name\":\"Ann\"},\"created_time\":\"2025-03-01T09:30:00+0000\","
                + "\"permalink_url\":\"https://www.facebook.com/1001/posts/555?comment_id=3\"},"
                + "{\"id\":\"555_2\",\"message\":\"Our answer\",\"from\":{\"id\":\"1001\",\"name\":\"Acme\"},\"created_time\":\"2025-03-01T09:20:00+0000\"},"
                + "{\"id\":\"555_1\",\"message\":\"First!\",\"from\":{\"id\":\"43\",\"name\":\"Bob\"},\"created_time\":\"2025-03-01T09:10:00+0000\","
                + "\"parent\":{\"id\":\"555_0\"}},"
                + "{\"id\":\"555_0\",\"message\":\"Old\",\"from\":{\"id\":\"44\"},\"created_time\":\"2025-03-01T08:30:00+0000\"}],"
                + "\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}}}},"
                + "{\"id\":\"1001_556\",\"created_time\":\"2025-03-01T09:00:00+0000\"}]}";

        @Test
        void withoutACursorImportingStartsNowWithoutARequest() {
            ImportBatch batch = channel.fetch(page, Stream.COMMENTS, null);
            assertThat(batch.items()).isEmpty();
            assertThat(batch.cursor()).isEqualTo(Long.toString(NOW.getEpochSecond()));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void commentsOnRecentPostsAfterTheMarkComeOldestFirstWithoutOurOwn() throws Exception {
            server.enqueue(ok(FEED));
            long mark = java.time.Instant.parse("2025-03-01T09:00:00Z").getEpochSecond();

            ImportBatch batch = channel.fetch(page, Stream.COMMENTS, Long.toString(mark));

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("555_1", "555_3");
            Inbound first = batch.items().get(0);
            assertThat(first.kind()).isEqualTo("reply");
            assertThat(first.parentId()).isEqualTo("555_0");
            assertThat(first.rootId()).isEqualTo("1001_555");
            assertThat(first.author().displayName()).isEqualTo("Bob");
            assertThat(batch.items().get(1).url()).isEqualTo("https://www.facebook.com/1001/posts/555?comment_id=3");
            assertThat(batch.cursor()).isEqualTo(java.time.Instant.parse("2025-03-01T09:30:00Z").getEpochSecond() + ":555_3");
            RecordedRequest request = take(server);
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/feed");
            assertThat(request.getRequestUrl().queryParameter("fields")).contains("comments.filter(stream).order(reverse_chronological)");
            assertAuthorized(request);

            server.enqueue(ok(FEED));
            assertThat(channel.fetch(page, Stream.COMMENTS, batch.cursor()).items()).as("nothing twice").isEmpty();
        }

        @Test
        void aWrongTypeOrAnHtmlAnswerIsAFailedBatchThatKeepsTheCursor() {
            server.enqueue(ok("{\"data\":{\"not\":\"a list\"}}"));
            server.enqueue(html(500));
            for (int i = 0; i < 2; i++) {
                ImportBatch batch = channel.fetch(page, Stream.COMMENTS, "1740800000");
                assertThat(batch.failed()).isTrue();
                assertThat(batch.cursor()).isEqualTo("1740800000");
                assertNoSecret(batch.problem());
            }
        }

        @Test
        void aThrottledPollSaysWhenToComeBack() {
            server.enqueue(graphError(400, 80001, null, "There have been too many calls to this Page account")
                    .setHeader("X-Business-Use-Case-Usage", "{\"1001\":[{\"type\":\"pages\",\"call_count\":101,\"estimated_time_to_regain_access\":5}]}"));
            ImportBatch batch = channel.fetch(page, Stream.COMMENTS, "1740800000");
            assertThat(batch.failed()).isTrue();
            assertThat(batch.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        }

        @Test
        void otherStreamsAreRefusedClearly() {
            assertThat(channel.fetch(page, Stream.MENTIONS, "1").problem()).contains("direct messages and comments only");
        }

        @Test
        void directMessagesPeopleSentTheMessengerInboxAreImportedOneThreadPerConversation() throws Exception {
            server.enqueue(ok("{\"data\":[{\"id\":\"t_100\",\"updated_time\":\"2025-03-01T10:05:00+0000\",\"messages\":{\"data\":["
                    + "{\"id\":\"m_3\",\"message\":\"Thanks\",\"from\":{\"id\":\"1001\",\"name\":\"Acme\"},\"created_time\":\"2025-03-01T10:05:00+0000\"},"
                    + "{\"id\":\"m_2\",\"message\":\"My order 42 <b>never</b> came\",\"from\":{\"id\":\"6100042\",\"name\":\"Pat Doe\"},"
                    + "\"created_time\":\"2025-03-01T10:04:00+0000\"},"
                    + "{\"id\":\"m_1\",\"message\":\"old\",\"from\":{\"id\":\"6100042\",\"name\":\"Pat Doe\"},\"created_time\":\"2025-02-01T10:00:00+0000\"}]}}]}"));

            ImportBatch batch = channel.fetch(page, Stream.DIRECT_MESSAGES, Long.toString(NOW.minus(Duration.ofHours(1)).getEpochSecond()));

            RecordedRequest read = take(server);
            assertThat(read.getRequestUrl().encodedPath()).isEqualTo("/v21.0/1001/conversations");
            assertThat(read.getRequestUrl().queryParameter("fields")).contains("messages.limit(20){id,message,from,created_time}");
            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).singleElement().satisfies(i -> {
                assertThat(i.stream()).isEqualTo(Stream.DIRECT_MESSAGES);
                assertThat(i.externalId()).isEqualTo("m_2");
                assertThat(i.text()).isEqualTo("My order 42 <b>never</b> came");
                assertThat(i.author().id()).isEqualTo("6100042");
                assertThat(i.author().displayName()).isEqualTo("Pat Doe");
                assertThat(i.rootId()).isEqualTo("t_100");
            });
        }
    }

    @Nested
    class Check {
        @Test
        void aWorkingPageTokenNamesThePage() throws Exception {
            server.enqueue(ok("{\"id\":\"1001\",\"name\":\"Acme\"}"));
            AccountHealth health = channel.check(page);
            assertThat(health.usable()).isTrue();
            assertThat(health.handle()).isEqualTo("Acme");
            assertThat(health.expiresAt()).isNull();
            RecordedRequest request = take(server);
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v21.0/me");
            assertThat(request.getRequestUrl().queryParameter("fields")).isEqualTo("id,name");
            assertAuthorized(request);
        }

        @Test
        void code190IsExpiredOrRevoked() {
            server.enqueue(graphError(400, 190, 463, "Session has expired"));
            assertThat(channel.check(page).problem()).isEqualTo("expired");
            server.enqueue(graphError(400, 190, 460, "The session has been invalidated because the user changed their password"));
            AccountHealth revoked = channel.check(page);
            assertThat(revoked.problem()).isEqualTo("revoked");
            assertThat(revoked.detail()).contains("password");
        }

        @Test
        void aDroppedConnectionIsUnreachable() {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
            assertThat(channel.check(page).problem()).isEqualTo("unreachable");
        }
    }
}
