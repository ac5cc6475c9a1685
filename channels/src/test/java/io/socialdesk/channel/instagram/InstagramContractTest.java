package io.socialdesk.channel.instagram;

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
import io.socialdesk.channel.meta.ContainerFlow;
import io.socialdesk.channel.meta.GraphTestSupport;
import io.socialdesk.channel.meta.GraphTestSupport.RecordingProgress;
import io.socialdesk.channel.meta.GraphTestSupport.RecordingSleeper;
import io.socialdesk.channel.meta.MetaOAuth;
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
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Instagram against a MockWebServer playing graph.instagram.com (and graph.facebook.com for the Facebook
 * Login variant). Answers follow the payloads in networks.md §3.6; there is no official OpenAPI
 * description to validate against.
 */
class InstagramContractTest {
    static final String TOKEN = "IGAAaccountTokenSecret1234567890";
    static final String IG = "17841400000000001";
    static final OAuthClient APP = new OAuthClient(null, "990602627938098", "ig-app-secret");

    MockWebServer server;
    RateLimits rateLimits;
    RecordingSleeper sleeper;
    InstagramChannel channel;
    ChannelAccount account;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        rateLimits = new RateLimits(CLOCK);
        sleeper = new RecordingSleeper();
        channel = new InstagramChannel(GraphTestSupport.http(), rateLimits, CredentialSink.NONE, CLOCK,
                new InstagramChannel.Hosts(InstagramChannel.Login.INSTAGRAM, server.url("/").uri(), URI.create("https://www.instagram.com/oauth/authorize"),
                        server.url("/oauth/access_token").uri()), sleeper);
        account = new ChannelAccount(9, Network.INSTAGRAM, "acme.shop", null, IG,
                new Credentials(TOKEN, null, NOW.plus(Duration.ofDays(50)), Set.of("instagram_business_basic"), Map.of()));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    static Attachment jpeg(String url, String alt) {
        return new Attachment("image/jpeg", 3, alt, () -> new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), url == null ? null : URI.create(url),
                1080, 1080);
    }

    static Delivery post(String text, Attachment... media) {
        return Delivery.text("ig-1", text).withMedia(List.of(media));
    }

    static MockResponse status(String code) {
        return ok("{\"status_code\":\"" + code + "\",\"id\":\"c-1\"}");
    }

    private static void assertAuthorized(RecordedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getRequestUrl().toString()).doesNotContain(TOKEN).doesNotContain("access_token");
    }

    private List<RecordedRequest> all() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest next;
        while ((next = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            requests.add(next);
        }
        return requests;
    }

    private static long count(List<RecordedRequest> requests, String method, String path) {
        return requests.stream().filter(r -> r.getMethod().equals(method) && r.getRequestUrl().encodedPath().equals(path)).count();
    }

    @Nested
    class ConnectWithInstagramLogin {
        @Test
        void theAuthorizeAddressAsksForTheBusinessScopesWithoutPkce() {
            URI uri = ((Connection.OAuth) channel.connection()).authorizationUri(APP,
                    new Connection.AuthorizationRequest("st", "challenge", URI.create("https://desk.example/cb")));
            HttpUrl url = HttpUrl.get(uri);
            assertThat(url.host()).isEqualTo("www.instagram.com");
            assertThat(url.queryParameter("scope")).isEqualTo("instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,"
                    + "instagram_business_manage_messages");
            assertThat(url.queryParameter("state")).isEqualTo("st");
            assertThat(url.queryParameter("code_challenge")).as("Instagram Login documents no PKCE").isNull();
        }

        @Test
        void theCodeBecomesASixtyDayTokenForTheProfessionalAccount() throws Exception {
            server.enqueue(ok("{\"data\":[{\"access_token\":\"IGAAshort000000000000000\",\"user_id\":\"1234\","
                    + "\"permissions\":\"instagram_business_basic,instagram_business_content_publish\"}]}"));
            server.enqueue(ok("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
            server.enqueue(ok("{\"user_id\":\"" + IG + "\",\"username\":\"acme.shop\",\"id\":\"1234\"}"));

            Connected connected = ((Connection.OAuth) channel.connection()).exchange(APP, "the-code", null, URI.create("https://desk.example/cb"));

            RecordedRequest code = take(server);
            assertThat(code.getMethod()).isEqualTo("POST");
            assertThat(code.getRequestUrl().encodedPath()).isEqualTo("/oauth/access_token");
            assertThat(form(code)).containsEntry("client_id", "990602627938098").containsEntry("client_secret", "ig-app-secret")
                    .containsEntry("grant_type", "authorization_code").containsEntry("code", "the-code")
                    .containsEntry("redirect_uri", "https://desk.example/cb");
            RecordedRequest exchange = take(server);
            assertThat(exchange.getRequestUrl().encodedPath()).isEqualTo("/access_token");
            assertThat(exchange.getRequestUrl().queryParameter("grant_type")).isEqualTo("ig_exchange_token");
            assertThat(exchange.getRequestUrl().queryParameter("access_token")).isEqualTo("IGAAshort000000000000000");
            RecordedRequest me = take(server);
            assertThat(me.getRequestUrl().encodedPath()).isEqualTo("/me");
            assertThat(me.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);

            assertThat(connected.remoteId()).isEqualTo(IG);
            assertThat(connected.handle()).isEqualTo("acme.shop");
            assertThat(connected.credentials().expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
            assertThat(connected.credentials().scopes()).containsExactlyInAnyOrder("instagram_business_basic", "instagram_business_content_publish");
            assertThat(connected.credentials().extra(MetaOAuth.ISSUED_AT)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        }

        @Test
        void aTokenYoungerThanADayIsNotRefreshedAndNothingIsAsked() {
            Credentials young = MetaOAuth.longLived(new MetaOAuth.Token(TOKEN, 5183944L), NOW.minus(Duration.ofHours(3)), Set.of(), Map.of());
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).refresh(APP, young)).isInstanceOfSatisfying(ConnectFailure.class, e -> {
                assertThat(e.rule()).isEqualTo("too-early");
                assertThat(e.getMessage()).contains("24 hours");
            });
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void aTokenOlderThanADayIsRefreshed() throws Exception {
            Credentials old = MetaOAuth.longLived(new MetaOAuth.Token(TOKEN, 5183944L), NOW.minus(Duration.ofDays(30)), Set.of("a"), Map.of());
            server.enqueue(ok("{\"access_token\":\"IGAArefreshed0000000000000\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
            Credentials fresh = ((Connection.OAuth) channel.connection()).refresh(APP, old);
            RecordedRequest refresh = take(server);
            assertThat(refresh.getRequestUrl().encodedPath()).isEqualTo("/refresh_access_token");
            assertThat(refresh.getRequestUrl().queryParameter("grant_type")).isEqualTo("ig_refresh_token");
            assertThat(fresh.accessToken()).isEqualTo("IGAArefreshed0000000000000");
            assertThat(fresh.expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
            assertThat(fresh.scopes()).containsExactly("a");
        }
    }

    @Nested
    class ConnectWithFacebookLogin {
        InstagramChannel viaPage;

        @BeforeEach
        void viaPage() {
            viaPage = new InstagramChannel(GraphTestSupport.http(), rateLimits, CredentialSink.NONE, CLOCK,
                    new InstagramChannel.Hosts(InstagramChannel.Login.FACEBOOK, server.url("/v21.0").uri(),
                            URI.create("https://www.facebook.com/v21.0/dialog/oauth"), null), sleeper);
        }

        @Test
        void theInstagramAccountIsTheOneLinkedToTheGrantedPage() throws Exception {
            server.enqueue(ok("{\"access_token\":\"EAAshort0000000000000000\"}"));
            server.enqueue(ok("{\"access_token\":\"EAAlong00000000000000000\",\"expires_in\":5183944}"));
            server.enqueue(ok("{\"data\":[{\"id\":\"1001\",\"name\":\"Acme\",\"access_token\":\"EAApage0000000000000000\",\"tasks\":[\"CREATE_CONTENT\"],"
                    + "\"instagram_business_account\":{\"id\":\"" + IG + "\",\"username\":\"acme.shop\"}}]}"));
            server.enqueue(ok("{\"data\":[{\"permission\":\"instagram_content_publish\",\"status\":\"granted\"}]}"));

            Connected connected = ((Connection.OAuth) viaPage.connection()).exchange(APP, "code", "verifier", URI.create("https://desk.example/cb"));

            assertThat(connected.remoteId()).isEqualTo(IG);
            assertThat(connected.handle()).isEqualTo("acme.shop");
            assertThat(connected.credentials().accessToken()).isEqualTo("EAApage0000000000000000");
            assertThat(connected.credentials().expiresAt()).isNull();
            assertThat(connected.credentials().extra("pageId")).isEqualTo("1001");
            assertThat(take(server).getRequestUrl().queryParameter("code_verifier")).isEqualTo("verifier");
        }

        @Test
        void aPageWithoutALinkedAccountIsAClearFailure() {
            server.enqueue(ok("{\"access_token\":\"EAAshort0000000000000000\"}"));
            server.enqueue(ok("{\"access_token\":\"EAAlong00000000000000000\"}"));
            server.enqueue(ok("{\"data\":[{\"id\":\"1001\",\"name\":\"Acme\",\"access_token\":\"EAApage0000000000000000\"}]}"));
            assertThatThrownBy(() -> ((Connection.OAuth) viaPage.connection()).exchange(APP, "c", "v", URI.create("https://desk.example/cb")))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> assertThat(e.rule()).isEqualTo("no-instagram-account"));
        }

        @Test
        void pageTokensAreNotRefreshed() {
            assertThatThrownBy(() -> ((Connection.OAuth) viaPage.connection()).refresh(APP, account.credentials()))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> assertThat(e.rule()).isEqualTo("not-refreshable"));
        }
    }

    @Nested
    class Publish {
        @Test
        void aDirectMessageGoesToThePersonThroughTheSendApi() throws Exception {
            assertThat(channel.sendsDirectMessages()).isTrue();
            server.enqueue(GraphTestSupport.ok("{\"recipient_id\":\"17841400000000042\",\"message_id\":\"aWdfZAG1faW\"}"));
            Delivery dm = new Delivery("sd-reply-4", "Thanks, we sent it", List.of(), null, null, null,
                    Map.of(Delivery.DIRECT_TO, "17841400000000042"));

            Outcome outcome = channel.publish(account, dm, new RecordingProgress(server));

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            RecordedRequest send = GraphTestSupport.take(server);
            assertThat(send.getRequestUrl().encodedPath()).endsWith("/me/messages");
            assertThat(GraphTestSupport.form(send)).containsEntry("recipient", "{\"id\":\"17841400000000042\"}")
                    .containsEntry("messaging_type", "RESPONSE").containsEntry("message", "{\"text\":\"Thanks, we sent it\"}");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void oneImageContainerIsRecordedThenWaitedForThenPublishedOnce() throws Exception {
            server.enqueue(ok("{\"id\":\"c-1\"}"));
            server.enqueue(status("IN_PROGRESS"));
            server.enqueue(status("FINISHED"));
            server.enqueue(ok("{\"id\":\"m-1\"}"));
            server.enqueue(ok("{\"permalink\":\"https://www.instagram.com/p/ABC/\",\"id\":\"m-1\"}"));
            RecordingProgress progress = new RecordingProgress(server);

            Outcome outcome = channel.publish(account, post("Spring #sale", jpeg("https://desk.example/media/a.jpg", "A red chair")), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("m-1", "https://www.instagram.com/p/ABC/")));
            RecordedRequest create = take(server);
            assertThat(create.getMethod()).isEqualTo("POST");
            assertThat(create.getRequestUrl().encodedPath()).isEqualTo("/" + IG + "/media");
            assertThat(form(create)).containsEntry("image_url", "https://desk.example/media/a.jpg").containsEntry("caption", "Spring #sale")
                    .containsEntry("alt_text", "A red chair");
            assertThat(create.getBody().clone().readUtf8()).as("the hashtag is encoded").contains("caption=Spring%20%23sale");
            assertAuthorized(create);
            RecordedRequest firstStatus = take(server);
            assertThat(firstStatus.getMethod()).isEqualTo("GET");
            assertThat(firstStatus.getRequestUrl().encodedPath()).isEqualTo("/c-1");
            assertThat(firstStatus.getRequestUrl().queryParameter("fields")).isEqualTo("status_code,status");
            take(server);
            RecordedRequest publish = take(server);
            assertThat(publish.getMethod()).isEqualTo("POST");
            assertThat(publish.getRequestUrl().encodedPath()).isEqualTo("/" + IG + "/media_publish");
            assertThat(form(publish)).containsEntry("creation_id", "c-1");
            assertAuthorized(publish);
            assertThat(take(server).getRequestUrl().queryParameter("fields")).isEqualTo("permalink");

            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
            assertThat(progress.values).containsEntry(ContainerFlow.CONTAINER, "c-1");
            assertThat(progress.requestsSeenAtRecord.get(ContainerFlow.CONTAINER)).as("recorded right after the create").isEqualTo(1);
            assertThat(progress.requestsSeenAtRecord.get(ContainerFlow.PUBLISH_AT)).as("recorded before media_publish").isEqualTo(3);
        }

        @Test
        void aCarouselCreatesItsChildrenThenTheCarouselContainer() throws Exception {
            server.enqueue(ok("{\"id\":\"ch-0\"}"));
            server.enqueue(ok("{\"id\":\"ch-1\"}"));
            server.enqueue(ok("{\"id\":\"car-1\"}"));
            server.enqueue(status("FINISHED"));
            server.enqueue(ok("{\"id\":\"m-2\"}"));
            server.enqueue(ok("{\"permalink\":\"https://www.instagram.com/p/DEF/\"}"));
            RecordingProgress progress = new RecordingProgress(server);

            Outcome outcome = channel.publish(account, post("Two", jpeg("https://desk.example/m/1.jpg", "one"), jpeg("https://desk.example/m/2.jpg", "")),
                    progress);

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(form(take(server))).containsEntry("image_url", "https://desk.example/m/1.jpg").containsEntry("is_carousel_item", "true")
                    .containsEntry("alt_text", "one");
            assertThat(form(take(server))).containsEntry("is_carousel_item", "true").doesNotContainKey("alt_text");
            assertThat(form(take(server))).containsEntry("media_type", "CAROUSEL").containsEntry("children", "ch-0,ch-1").containsEntry("caption", "Two");
            assertThat(progress.order).startsWith(ContainerFlow.CHILD + 0, ContainerFlow.CHILD + 1, ContainerFlow.CONTAINER);
        }

        @Test
        void withoutAPublicAddressTheImageCannotBeFetchedAndNothingIsSent() {
            Outcome outcome = channel.publish(account, post("x", jpeg(null, "")), Progress.NONE);
            assertThat(outcome).isEqualTo(new Outcome.Failed("needs-public-url",
                    "Instagram fetches images from a public address; set the server's public URL."));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void pngTextOnlyAndVideoAreRefusedBeforeAnyRequest() {
            Attachment png = new Attachment("image/png", 1, "", () -> new java.io.ByteArrayInputStream(new byte[1]), URI.create("https://d/x.png"), 1, 1);
            assertThat(channel.publish(account, post("x", png), Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("unsupported-media"));
            assertThat(channel.publish(account, Delivery.text("t", "text only"), Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("media-required"));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void anErrorContainerFailsWithInstagramsReason() {
            server.enqueue(ok("{\"id\":\"c-1\"}"));
            server.enqueue(ok("{\"status_code\":\"ERROR\",\"status\":\"Error: The image could not be downloaded (2207052)\"}"));
            Outcome outcome = channel.publish(account, post("x", jpeg("https://desk.example/a.jpg", "")), Progress.NONE);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("media-rejected");
                assertThat(f.reason()).contains("could not be downloaded");
            });
            assertThat(server.getRequestCount()).as("never published").isEqualTo(2);
        }

        @Test
        void anExpiredContainerFails() {
            server.enqueue(status("EXPIRED"));
            Delivery recorded = post("x", jpeg("https://desk.example/a.jpg", "")).withProgress(Map.of(ContainerFlow.CONTAINER, "c-1"));
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("container-expired"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aContainerStillProcessingAfterTheWaitsIsKeptAndPublishedByTheNextAttemptWithoutASecondContainer() throws Exception {
            server.enqueue(ok("{\"id\":\"c-1\"}"));
            for (int i = 0; i <= ContainerFlow.WAITS.size(); i++) {
                server.enqueue(status("IN_PROGRESS"));
            }
            RecordingProgress progress = new RecordingProgress(server);
            Delivery delivery = post("x", jpeg("https://desk.example/a.jpg", ""));

            Outcome first = channel.publish(account, delivery, progress);

            assertThat(first).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(1))));
            assertThat(sleeper.waits).containsExactlyElementsOf(ContainerFlow.WAITS);

            server.enqueue(status("FINISHED"));
            server.enqueue(ok("{\"id\":\"m-3\"}"));
            server.enqueue(ok("{\"permalink\":\"https://www.instagram.com/p/GHI/\"}"));
            Outcome second = channel.publish(account, delivery.withProgress(progress.values), Progress.NONE);

            assertThat(second).isInstanceOf(Outcome.Sent.class);
            List<RecordedRequest> requests = all();
            assertThat(count(requests, "POST", "/" + IG + "/media")).as("one container only").isEqualTo(1);
            assertThat(count(requests, "POST", "/" + IG + "/media_publish")).isEqualTo(1);
        }

        @Test
        void aLostPublishAnswerIsUnknownThenSettledAsSentFromThePublishedContainer() throws Exception {
            server.enqueue(ok("{\"id\":\"c-1\"}"));
            server.enqueue(status("FINISHED"));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            RecordingProgress progress = new RecordingProgress(server);
            Delivery delivery = post("Launch", jpeg("https://desk.example/a.jpg", ""));

            assertThat(channel.publish(account, delivery, progress)).isInstanceOf(Outcome.Unknown.class);

            server.enqueue(status("PUBLISHED"));
            server.enqueue(ok("{\"data\":[{\"id\":\"m-9\",\"caption\":\"Other\",\"timestamp\":\"2025-03-01T10:00:01+0000\"},"
                    + "{\"id\":\"m-4\",\"caption\":\"Launch\",\"timestamp\":\"2025-03-01T10:00:02+0000\",\"permalink\":\"https://www.instagram.com/p/JKL/\"}],"
                    + "\"paging\":{\"cursors\":{\"after\":\"x\"}}}"));
            Outcome settled = channel.settle(account, delivery.withProgress(progress.values));

            assertThat(settled).isEqualTo(new Outcome.Sent(RemotePost.of("m-4", "https://www.instagram.com/p/JKL/")));
            List<RecordedRequest> requests = all();
            assertThat(count(requests, "POST", "/" + IG + "/media_publish")).as("published once").isEqualTo(1);
            RecordedRequest lookup = requests.get(requests.size() - 1);
            assertThat(lookup.getRequestUrl().encodedPath()).isEqualTo("/" + IG + "/media");
            assertThat(lookup.getRequestUrl().queryParameter("fields")).isEqualTo("id,permalink,caption,timestamp");
        }

        @Test
        void aFinishedContainerFoundBySettleMayBePublishedSafelyAndSettleItselfSendsNothing() {
            server.enqueue(status("FINISHED"));
            Delivery recorded = post("x", jpeg("https://desk.example/a.jpg", "")).withProgress(Map.of(ContainerFlow.CONTAINER, "c-1"));
            Outcome settled = channel.settle(account, recorded);
            assertThat(settled).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> {
                assertThat(r.notBefore()).isEqualTo(NOW);
                assertThat(r.reason()).contains("safe", "at most once");
            });
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void settleWithoutAContainerKnowsNothingWasSent() {
            assertThat(channel.settle(account, post("x", jpeg("https://d/a.jpg", "")))).isInstanceOfSatisfying(Outcome.RetryLater.class,
                    r -> assertThat(r.notBefore()).isEqualTo(NOW));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void settleThatCannotReadTheStatusIsUnknown() {
            server.enqueue(html(502));
            Delivery recorded = post("x", jpeg("https://d/a.jpg", "")).withProgress(Map.of(ContainerFlow.CONTAINER, "c-1"));
            assertThat(channel.settle(account, recorded)).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aLostContainerAnswerIsRetriedLaterBecauseNothingIsPublicYet() {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            RecordingProgress progress = new RecordingProgress(server);
            assertThat(channel.publish(account, post("x", jpeg("https://d/a.jpg", "")), progress)).isInstanceOf(Outcome.RetryLater.class);
            assertThat(progress.values).isEmpty();
        }

        @Test
        void aServerErrorOrAnHtmlPageOnPublishIsUnknown() {
            Delivery recorded = post("x", jpeg("https://d/a.jpg", "")).withProgress(Map.of(ContainerFlow.CONTAINER, "c-1"));
            server.enqueue(status("FINISHED"));
            server.enqueue(json(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1,\"is_transient\":true}}"));
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOf(Outcome.Unknown.class);
            server.enqueue(status("FINISHED"));
            server.enqueue(html(200));
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void truncatedOrWrongTypeStatusAnswersAreRetriedLaterWithoutPublishing() {
            Delivery recorded = post("x", jpeg("https://d/a.jpg", "")).withProgress(Map.of(ContainerFlow.CONTAINER, "c-1"));
            server.enqueue(ok("{\"status_code\":\"FINI"));
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOf(Outcome.RetryLater.class);
            server.enqueue(ok("{\"status_code\":{\"value\":\"FINISHED\"}}"));
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void anInvalidTokenFailsAndTheTokenNeverShows() {
            server.enqueue(graphError(400, 190, null, "Invalid OAuth access token - Cannot parse access token " + TOKEN));
            Outcome outcome = channel.publish(account, post("x", jpeg("https://d/a.jpg", "")), Progress.NONE);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("token-invalid"));
            assertThat(reason(outcome)).doesNotContain(TOKEN).contains("reconnect");
        }

        @Test
        void throttlingIsRetriedWhenTheUsageHeaderSays() {
            server.enqueue(graphError(400, 4, null, "Application request limit reached")
                    .setHeader("X-Business-Use-Case-Usage", "{\"" + IG + "\":[{\"type\":\"instagram\",\"call_count\":100,\"estimated_time_to_regain_access\":30}]}"));
            assertThat(channel.publish(account, post("x", jpeg("https://d/a.jpg", "")), Progress.NONE)).isInstanceOfSatisfying(Outcome.RetryLater.class,
                    r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(30))));
            assertThat(channel.nextAllowedAt(account)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        }

        @Test
        void aReplyToACommentUsesRepliesAndAThreadPartOnOurMediaUsesComments() throws Exception {
            server.enqueue(ok("{\"id\":\"r-1\"}"));
            server.enqueue(ok("{\"id\":\"r-2\"}"));
            RemotePost media = RemotePost.of("m-1", "https://www.instagram.com/p/ABC/");
            assertThat(channel.publish(account, Delivery.text("r", "Thanks!").replyingTo(RemotePost.of("cm-7", null), media), Progress.NONE))
                    .isInstanceOf(Outcome.Sent.class);
            assertThat(channel.publish(account, Delivery.text("r2", "More below").replyingTo(media, media), Progress.NONE))
                    .isInstanceOf(Outcome.Sent.class);
            RecordedRequest reply = take(server);
            assertThat(reply.getRequestUrl().encodedPath()).isEqualTo("/cm-7/replies");
            assertThat(form(reply)).containsEntry("message", "Thanks!");
            assertThat(take(server).getRequestUrl().encodedPath()).isEqualTo("/m-1/comments");
        }

        @Test
        void deletingIsNotSupportedByTheApiAndSendsNothing() {
            assertThat(channel.delete(account, RemotePost.of("m-1", null))).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("not-supported");
                assertThat(f.reason()).contains("Instagram app");
            });
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    class Import {
        @Test
        void commentsOnRecentMediaComeOldestFirstWithoutOurOwn() throws Exception {
            server.enqueue(ok("{\"data\":[{\"id\":\"m-1\",\"timestamp\":\"2025-03-01T08:00:00+0000\",\"permalink\":\"https://www.instagram.com/p/ABC/\","
                    + "\"comments\":{\"data\":["
                    + "{\"id\":\"cm-3\",\"text\":\"Price?\",\"timestamp\":\"2025-03-01T09:40:00+0000\",\"username\":\"ann\",\"from\":{\"id\":\"51\",\"username\":\"ann\"}},"
                    + "{\"id\":\"cm-2\",\"text\":\"It is 20\",\"timestamp\":\"2025-03-01T09:41:00+0000\",\"username\":\"acme.shop\"},"
                    + "{\"id\":\"cm-1\",\"text\":\"Nice\",\"timestamp\":\"2025-03-01T09:30:00+0000\",\"username\":\"bob\",\"parent_id\":\"cm-0\"},"
                    + "{\"id\":\"cm-0\",\"text\":\"Old\",\"timestamp\":\"2025-03-01T08:10:00+0000\",\"username\":\"cy\"}]}}]}"));

            ImportBatch batch = channel.fetch(account, Stream.COMMENTS, Long.toString(Instant.parse("2025-03-01T09:00:00Z").getEpochSecond()));

            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("cm-1", "cm-3");
            assertThat(batch.items().get(0).kind()).isEqualTo("reply");
            assertThat(batch.items().get(0).parentId()).isEqualTo("cm-0");
            assertThat(batch.items().get(1).author().handle()).isEqualTo("ann");
            assertThat(batch.items().get(1).rootId()).isEqualTo("m-1");
            RecordedRequest request = take(server);
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/" + IG + "/media");
            assertThat(request.getRequestUrl().queryParameter("fields")).contains("comments.limit(50)");
            assertAuthorized(request);
        }

        @Test
        void taggedMediaAreMentions() {
            server.enqueue(ok("{\"data\":[{\"id\":\"t-1\",\"caption\":\"Look @acme.shop\",\"timestamp\":\"2025-03-01T09:50:00+0000\",\"username\":\"dee\","
                    + "\"permalink\":\"https://www.instagram.com/p/TAG/\"}]}"));
            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1740819600");
            assertThat(batch.items()).singleElement().satisfies(item -> {
                assertThat(item.stream()).isEqualTo(Stream.MENTIONS);
                assertThat(item.text()).isEqualTo("Look @acme.shop");
                assertThat(item.url()).isEqualTo("https://www.instagram.com/p/TAG/");
            });
        }

        @Test
        void aMentionAnnouncedByTheWebhookIsCompletedFromTheApi() throws Exception {
            server.enqueue(ok("{\"mentioned_comment\":{\"id\":\"cm-9\",\"text\":\"@acme.shop help\",\"timestamp\":\"2025-03-01T09:59:00+0000\","
                    + "\"username\":\"eve\",\"media\":{\"id\":\"m-7\",\"permalink\":\"https://www.instagram.com/p/XYZ/\"}},\"id\":\"" + IG + "\"}"));
            Inbound mention = channel.mentionDetails(account, "m-7", "cm-9").orElseThrow();
            assertThat(mention.text()).isEqualTo("@acme.shop help");
            assertThat(mention.author().handle()).isEqualTo("eve");
            assertThat(take(server).getRequestUrl().queryParameter("fields")).startsWith("mentioned_comment.comment_id(cm-9)");
        }
    }

    @Nested
    class LimitsAndHealth {
        @Test
        void theQuotaComesFromContentPublishingLimit() throws Exception {
            server.enqueue(ok("{\"data\":[{\"quota_usage\":3,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}"));
            assertThat(channel.limits(account)).contains(new NetworkLimits(2200, null, 10, null, 50, 3));
            RecordedRequest request = take(server);
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/" + IG + "/content_publishing_limit");
            assertThat(request.getRequestUrl().queryParameter("fields")).isEqualTo("quota_usage,config");
        }

        @Test
        void unreadableLimitsAreAbsent() {
            server.enqueue(ok("{\"data\":[{\"quota_usage\":\"many\"}]}"));
            assertThat(channel.limits(account)).isEmpty();
        }

        @Test
        void checkNamesTheAccountAndItsExpiry() {
            server.enqueue(ok("{\"id\":\"" + IG + "\",\"username\":\"acme.shop\"}"));
            AccountHealth health = channel.check(account);
            assertThat(health.usable()).isTrue();
            assertThat(health.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(50)));
        }

        @Test
        void anExpiredTokenIsSeenWithoutAskingAndA190IsRevoked() {
            ChannelAccount expired = account.withCredentials(new Credentials(TOKEN, null, NOW.minusSeconds(1), Set.of(), Map.of()));
            assertThat(channel.check(expired).problem()).isEqualTo("expired");
            assertThat(server.getRequestCount()).isZero();
            server.enqueue(graphError(400, 190, null, "Invalid OAuth access token"));
            assertThat(channel.check(account).problem()).isEqualTo("revoked");
        }
    }
}
