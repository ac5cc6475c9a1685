package io.socialdesk.channel.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * LinkedIn's contract, played by MockWebServer: every request is taken and checked for its method,
 * path, {@code LinkedIn-Version}, {@code X-Restli-Protocol-Version} and bearer token, and after each
 * test no request is left unchecked, so a request sent twice fails the test. Shapes follow
 * reference/networks.md §3.4 (LinkedIn publishes no OpenAPI document to validate against).
 */
class LinkedInContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String VERSION = "202510";
    static final String TOKEN = "li-access-token-1";
    static final String ORG = "urn:li:organization:5515715";
    static final String ORG_ENCODED = "urn%3Ali%3Aorganization%3A5515715";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    MockWebServer server;
    LinkedInChannel linkedIn;
    RateLimits rateLimits;
    int taken;
    final Map<String, String> progress = new LinkedHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        rateLimits = new RateLimits(clock);
        linkedIn = new LinkedInChannel(new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(2)), rateLimits,
                CredentialSink.NONE, clock, server.url("/").uri(), server.url("/oauth/v2").uri(), VERSION);
    }

    @AfterEach
    void everyRequestWasChecked() throws IOException {
        assertThat(server.getRequestCount()).as("requests sent (each checked once)").isEqualTo(taken);
        server.shutdown();
    }

    ChannelAccount account() {
        return new ChannelAccount(7, Network.LINKEDIN, ORG, null, ORG,
                new Credentials(TOKEN, null, NOW.plus(Duration.ofDays(50)), Set.of("w_organization_social"), Map.of("member", "urn:li:person:abc")));
    }

    /** The next request, with the headers every LinkedIn call carries. */
    RecordedRequest next(String method, String path) throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request " + method + " " + path).isNotNull();
        taken++;
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getPath()).isEqualTo(path);
        assertThat(request.getHeader("LinkedIn-Version")).isEqualTo(VERSION);
        assertThat(request.getHeader("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        return request;
    }

    RecordedRequest nextApi(String method, String path) throws InterruptedException {
        RecordedRequest request = next(method, path);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        return request;
    }

    static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().readUtf8());
    }

    static MockResponse created(String urn) {
        return new MockResponse().setResponseCode(201).addHeader("x-restli-id", urn);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).addHeader("Content-Type", "application/json").setBody(body);
    }

    Outcome publish(Delivery delivery) {
        return linkedIn.publish(account(), delivery, progress::put);
    }

    @Nested
    class Publishing {
        @Test
        void aTextPostIsOnePostToRestPostsWithItsCommentaryEscapedAndItsUrnFromTheHeader() throws Exception {
            server.enqueue(created("urn:li:share:7001"));

            Outcome outcome = publish(Delivery.text("d-1", "Winter sale (50% off) #deals @team"));

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("urn:li:share:7001", "https://www.linkedin.com/feed/update/urn:li:share:7001/")));
            RecordedRequest post = nextApi("POST", "/rest/posts");
            assertThat(post.getHeader("Content-Type")).startsWith("application/json");
            assertThat(body(post)).isEqualTo(JSON.readTree("""
                    {"author":"urn:li:organization:5515715","commentary":"Winter sale \\\\(50% off\\\\) \\\\#deals \\\\@team","visibility":"PUBLIC",
                     "distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],"thirdPartyDistributionChannels":[]},
                     "lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}"""));
            assertThat(progress).containsEntry(LinkedInChannel.PROGRESS_ATTEMPTED_AT, NOW.toString());
        }

        @Test
        void anImageIsInitializedThenPutThenReferencedWithItsAltText() throws Exception {
            server.enqueue(json(200, "{\"value\":{\"uploadUrlExpiresAt\":1795000000000,\"uploadUrl\":\"" + server.url("/dms-uploads/abc?x=1")
                    + "\",\"image\":\"urn:li:image:C4D1\"}}"));
            server.enqueue(new MockResponse().setResponseCode(201));
            server.enqueue(created("urn:li:share:7002"));

            Outcome outcome = publish(Delivery.text("d-2", "With a picture").withMedia(List.of(Attachment.of("image/png", PNG, "A snowy shop front"))));

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            RecordedRequest init = nextApi("POST", "/rest/images?action=initializeUpload");
            assertThat(body(init)).isEqualTo(JSON.readTree("{\"initializeUploadRequest\":{\"owner\":\"" + ORG + "\"}}"));
            RecordedRequest put = nextApi("PUT", "/dms-uploads/abc?x=1");
            assertThat(put.getBody().readByteArray()).isEqualTo(PNG);
            assertThat(put.getHeader("Content-Type")).isEqualTo("image/png");
            JsonNode post = body(nextApi("POST", "/rest/posts"));
            assertThat(post.path("content")).isEqualTo(JSON.readTree("{\"media\":{\"id\":\"urn:li:image:C4D1\",\"altText\":\"A snowy shop front\"}}"));
            assertThat(progress).containsEntry(LinkedInChannel.PROGRESS_IMAGE + 0, "urn:li:image:C4D1");
        }

        @Test
        void severalImagesBecomeAMultiImageAndImagesUploadedBeforeAreNotUploadedAgain() throws Exception {
            server.enqueue(json(200, "{\"value\":{\"uploadUrl\":\"" + server.url("/dms-uploads/two") + "\",\"image\":\"urn:li:image:B2\"}}"));
            server.enqueue(new MockResponse().setResponseCode(201));
            server.enqueue(created("urn:li:share:7003"));
            Delivery delivery = Delivery.text("d-3", "Two pictures")
                    .withMedia(List.of(Attachment.of("image/png", PNG, "first"), Attachment.of("image/png", PNG, "second")))
                    .withProgress(Map.of(LinkedInChannel.PROGRESS_IMAGE + 0, "urn:li:image:A1"));

            assertThat(publish(delivery)).isInstanceOf(Outcome.Sent.class);

            nextApi("POST", "/rest/images?action=initializeUpload");
            nextApi("PUT", "/dms-uploads/two");
            assertThat(body(nextApi("POST", "/rest/posts")).path("content")).isEqualTo(JSON.readTree(
                    "{\"multiImage\":{\"images\":[{\"id\":\"urn:li:image:A1\",\"altText\":\"first\"},{\"id\":\"urn:li:image:B2\",\"altText\":\"second\"}]}}"));
        }

        @Test
        void aReplyIsACommentOnThePostItAnswers() throws Exception {
            server.enqueue(created("urn:li:comment:(urn:li:activity:99,123)"));
            RemotePost parent = RemotePost.of("urn:li:share:7001", "https://www.linkedin.com/feed/update/urn:li:share:7001/");

            Outcome outcome = publish(Delivery.text("d-4", "First comment: details [here]").replyingTo(parent, null));

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("urn:li:comment:(urn:li:activity:99,123)",
                    "https://www.linkedin.com/feed/update/urn:li:share:7001/")));
            RecordedRequest comment = nextApi("POST", "/rest/socialActions/urn%3Ali%3Ashare%3A7001/comments");
            assertThat(body(comment)).isEqualTo(JSON.readTree(
                    "{\"actor\":\"" + ORG + "\",\"object\":\"urn:li:share:7001\",\"message\":{\"text\":\"First comment: details \\\\[here\\\\]\"}}"));
        }

        @Test
        void aReplyToACommentIsANestedCommentWithItsParent() throws Exception {
            server.enqueue(json(201, "{\"id\":\"456\",\"object\":\"urn:li:activity:99\"}"));
            RemotePost parent = RemotePost.of("urn:li:comment:(urn:li:activity:99,123)", null);

            Outcome outcome = publish(Delivery.text("d-5", "Thanks!").replyingTo(parent, RemotePost.of("urn:li:share:7001", null)));

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(((Outcome.Sent) outcome).remote().id()).isEqualTo("urn:li:comment:(urn:li:activity:99,456)");
            JsonNode body = body(nextApi("POST", "/rest/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A99%2C123%29/comments"));
            assertThat(body.path("object").asText()).isEqualTo("urn:li:activity:99");
            assertThat(body.path("parentComment").asText()).isEqualTo("urn:li:comment:(urn:li:activity:99,123)");
        }
    }

    @Nested
    class Failures {
        @Test
        void a429WithoutRetryAfterWaitsForTheDailyQuotaAtMidnightUtcAndSendsNothingBefore() throws Exception {
            server.enqueue(json(429, "{\"message\":\"Resource level throttle APPLICATION DAY limit for calls to this resource is reached.\",\"status\":429}"));

            Outcome first = publish(Delivery.text("d-6", "hello"));
            Outcome second = publish(Delivery.text("d-6", "hello"));

            Instant midnight = Instant.parse("2026-11-23T00:00:00Z");
            assertThat(first).isEqualTo(new Outcome.RetryLater(midnight, "LinkedIn's quota for this account is spent (429)"));
            assertThat(second).isInstanceOf(Outcome.RetryLater.class);
            assertThat(((Outcome.RetryLater) second).notBefore()).isEqualTo(midnight);
            assertThat(linkedIn.nextAllowedAt(account())).isEqualTo(midnight);
            nextApi("POST", "/rest/posts");
        }

        @Test
        void a429WithRetryAfterWaitsThatLong() throws Exception {
            server.enqueue(json(429, "{}").addHeader("Retry-After", "120"));

            assertThat(publish(Delivery.text("d-7", "hello"))).isEqualTo(
                    new Outcome.RetryLater(NOW.plusSeconds(120), "LinkedIn's quota for this account is spent (429)"));
            nextApi("POST", "/rest/posts");
        }

        @Test
        void aServerErrorAfterTheCreateIsUnknownButA503IsRetried() throws Exception {
            server.enqueue(json(500, "{\"message\":\"Internal Server Error\",\"status\":500}"));
            server.enqueue(new MockResponse().setResponseCode(503).setBody("<html><body>Service Unavailable</body></html>"));

            assertThat(publish(Delivery.text("d-8", "hello"))).isInstanceOf(Outcome.Unknown.class);
            assertThat(publish(Delivery.text("d-9", "hello"))).isInstanceOf(Outcome.RetryLater.class);
            nextApi("POST", "/rest/posts");
            nextApi("POST", "/rest/posts");
        }

        @Test
        void aConnectionDroppedAfterTheRequestIsUnknownAndSettlesToSentFromTheAuthorsPosts() throws Exception {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(json(200, """
                    {"paging":{"start":0,"count":20},"elements":[
                     {"id":"urn:li:share:6999","commentary":"an older post","author":"urn:li:organization:5515715"},
                     {"id":"urn:li:share:7010","commentary":"Launch day \\\\#news","author":"urn:li:organization:5515715"}]}"""));
            Delivery delivery = Delivery.text("d-10", "Launch day #news");

            Outcome outcome = publish(delivery);
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            assertThat(progress).containsKey(LinkedInChannel.PROGRESS_ATTEMPTED_AT);
            Outcome settled = linkedIn.settle(account(), delivery.withProgress(progress));

            assertThat(settled).isEqualTo(new Outcome.Sent(RemotePost.of("urn:li:share:7010", "https://www.linkedin.com/feed/update/urn:li:share:7010/")));
            nextApi("POST", "/rest/posts");
            nextApi("GET", "/rest/posts?q=author&author=" + ORG_ENCODED + "&count=20");
        }

        @Test
        void settlingWithoutAMatchMeansSendAgainNowAndAFailedLookupStaysUnknown() throws Exception {
            server.enqueue(json(200, "{\"elements\":[{\"id\":\"urn:li:share:1\",\"commentary\":\"something else\"}]}"));
            server.enqueue(new MockResponse().setResponseCode(500));
            server.enqueue(json(200, "{\"elements\":{\"id\":\"not a list\"}}"));

            assertThat(linkedIn.settle(account(), Delivery.text("d-11", "Launch"))).isEqualTo(
                    new Outcome.RetryLater(NOW, "The post is not on LinkedIn: it may be sent again"));
            assertThat(linkedIn.settle(account(), Delivery.text("d-11", "Launch"))).isInstanceOf(Outcome.Unknown.class);
            assertThat(linkedIn.settle(account(), Delivery.text("d-11", "Launch"))).isInstanceOf(Outcome.Unknown.class);
            for (int i = 0; i < 3; i++) nextApi("GET", "/rest/posts?q=author&author=" + ORG_ENCODED + "&count=20");
        }

        @Test
        void a426SaysTheVersionWasSunset() throws Exception {
            server.enqueue(json(426, "{\"message\":\"Requested version 20241000 is not active\",\"serviceErrorCode\":0,\"status\":426}"));

            Outcome outcome = publish(Delivery.text("d-12", "hello"));

            assertThat(outcome).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) outcome).code()).isEqualTo("version-sunset");
            assertThat(((Outcome.Failed) outcome).reason()).startsWith("LinkedIn-Version sunset: update Social Desk");
            nextApi("POST", "/rest/posts");
        }

        @Test
        void a401AsksToReconnectAndA422CarriesLinkedInsMessage() throws Exception {
            server.enqueue(json(401, "{\"message\":\"Invalid access token\",\"serviceErrorCode\":65600,\"status\":401}"));
            server.enqueue(json(422, "{\"message\":\"/commentary :: length exceeds 3000\",\"serviceErrorCode\":100,\"status\":422}"));

            Outcome expired = publish(Delivery.text("d-13", "hello"));
            Outcome rejected = publish(Delivery.text("d-14", "x".repeat(3100)));

            assertThat(expired).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) expired).code()).isEqualTo("token-invalid");
            assertThat(((Outcome.Failed) expired).reason()).contains("reconnect").doesNotContain(TOKEN);
            assertThat(rejected).isEqualTo(new Outcome.Failed("rejected", "LinkedIn refused the post: /commentary :: length exceeds 3000"));
            nextApi("POST", "/rest/posts");
            nextApi("POST", "/rest/posts");
        }

        @Test
        void a201WithoutTheIdHeaderIsUnknown() throws Exception {
            server.enqueue(new MockResponse().setResponseCode(201).setBody("<html>ok</html>"));

            assertThat(publish(Delivery.text("d-15", "hello"))).isInstanceOf(Outcome.Unknown.class);
            nextApi("POST", "/rest/posts");
        }

        @Test
        void aMalformedTruncatedHtmlOrWrongTypedUploadAnswerStopsBeforeThePost() throws Exception {
            server.enqueue(json(200, "{\"value\":{\"uploadUrl\":\"" + server.url("/up")));
            server.enqueue(new MockResponse().setResponseCode(200).setBody("<!DOCTYPE html><html><body>Sign in</body></html>"));
            server.enqueue(json(200, "{\"value\":{\"uploadUrl\":5,\"image\":[\"urn:li:image:X\"]}}"));
            server.enqueue(json(200, "[]"));
            Delivery delivery = Delivery.text("d-16", "pic").withMedia(List.of(Attachment.of("image/png", PNG, "")));

            for (int i = 0; i < 4; i++) {
                Outcome outcome = publish(delivery);
                assertThat(outcome).as("attempt %s", i).isInstanceOf(Outcome.RetryLater.class);
                assertThat(((Outcome.RetryLater) outcome).reason()).contains("lacked");
                nextApi("POST", "/rest/images?action=initializeUpload");
            }
            assertThat(progress).doesNotContainKey(LinkedInChannel.PROGRESS_ATTEMPTED_AT);
        }

        @Test
        void anUploadAddressOutsideLinkedInGetsNeitherTheTokenNorTheImage() throws Exception {
            server.enqueue(json(200, "{\"value\":{\"uploadUrl\":\"https://collector.example/steal\",\"image\":\"urn:li:image:X\"}}"));

            Outcome outcome = publish(Delivery.text("d-17", "pic").withMedia(List.of(Attachment.of("image/png", PNG, ""))));

            assertThat(outcome).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) outcome).code()).isEqualTo("unexpected-upload-address");
            nextApi("POST", "/rest/images?action=initializeUpload");
        }

        @Test
        void aFailedImageUploadIsRetriedLaterAndNoPostIsAttempted() throws Exception {
            server.enqueue(json(200, "{\"value\":{\"uploadUrl\":\"" + server.url("/dms-uploads/x") + "\",\"image\":\"urn:li:image:X\"}}"));
            server.enqueue(new MockResponse().setResponseCode(500));

            assertThat(publish(Delivery.text("d-18", "pic").withMedia(List.of(Attachment.of("image/png", PNG, "")))))
                    .isInstanceOf(Outcome.RetryLater.class);
            nextApi("POST", "/rest/images?action=initializeUpload");
            nextApi("PUT", "/dms-uploads/x");
            assertThat(progress).isEmpty();
        }
    }

    @Nested
    class Deleting {
        @Test
        void aDeleteIsOneDeleteOnTheEncodedUrnAnd404MeansAlreadyGone() throws Exception {
            server.enqueue(new MockResponse().setResponseCode(204));
            server.enqueue(json(404, "{\"message\":\"Not found\",\"status\":404}"));
            server.enqueue(new MockResponse().setResponseCode(500));
            RemotePost post = RemotePost.of("urn:li:share:7001", null);

            assertThat(linkedIn.delete(account(), post)).isEqualTo(new Outcome.Sent(post));
            assertThat(linkedIn.delete(account(), post)).isEqualTo(new Outcome.Sent(post));
            assertThat(linkedIn.delete(account(), post)).isInstanceOf(Outcome.RetryLater.class);
            for (int i = 0; i < 3; i++) nextApi("DELETE", "/rest/posts/urn%3Ali%3Ashare%3A7001");
        }
    }

    @Nested
    class Connecting {
        final OAuthClient configured = new OAuthClient(null, "client-1", "client-secret-1");

        @Test
        void theAuthorizationUrlAsksForTheCodeWithThePageScopesAndNoPkce() throws Exception {
            OAuthClient client = linkedIn.client(URI.create("https://www.linkedin.com/company/5515715/admin/"), URI.create("https://desk.example/cb"),
                    configured);

            URI uri = linkedIn.authorizationUri(client, new Connection.AuthorizationRequest("state-1", "challenge-ignored",
                    URI.create("https://desk.example/cb")));

            HttpUrl url = HttpUrl.get(uri);
            assertThat(url.encodedPath()).isEqualTo("/oauth/v2/authorization");
            assertThat(url.queryParameter("response_type")).isEqualTo("code");
            assertThat(url.queryParameter("client_id")).isEqualTo("client-1");
            assertThat(url.queryParameter("redirect_uri")).isEqualTo("https://desk.example/cb");
            assertThat(url.queryParameter("state")).isEqualTo("state-1");
            assertThat(url.queryParameter("scope")).isEqualTo("openid profile w_member_social w_organization_social r_organization_social rw_organization_admin");
            assertThat(url.queryParameter("code_challenge")).isNull();
            assertThat(uri.toString()).doesNotContain("client-secret-1");
        }

        @Test
        void exchangingTheCodeReadsTheTokenAndTheMemberAndConnectsThePage() throws Exception {
            server.enqueue(json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":5184000,\"scope\":\"w_organization_social,openid\"}"));
            server.enqueue(json(200, "{\"sub\":\"782bbtaQ\",\"name\":\"Alice Martin\",\"email_verified\":true}"));
            OAuthClient client = linkedIn.client(URI.create("urn:li:organization:5515715"), URI.create("https://desk.example/cb"), configured);

            Connected connected = linkedIn.exchange(client, "code-1", null, URI.create("https://desk.example/cb"));

            assertThat(connected.remoteId()).isEqualTo(ORG);
            assertThat(connected.credentials().accessToken()).isEqualTo(TOKEN);
            assertThat(connected.credentials().expiresAt()).isEqualTo(NOW.plusSeconds(5184000));
            assertThat(connected.credentials().refreshToken()).isNull();
            assertThat(connected.credentials().scopes()).containsExactlyInAnyOrder("w_organization_social", "openid");
            assertThat(connected.credentials().extra("member")).isEqualTo("urn:li:person:782bbtaQ");
            RecordedRequest token = next("POST", "/oauth/v2/accessToken");
            assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(token.getBody().readUtf8()).isEqualTo(
                    "grant_type=authorization_code&code=code-1&redirect_uri=https%3A%2F%2Fdesk.example%2Fcb&client_id=client-1&client_secret=client-secret-1");
            nextApi("GET", "/v2/userinfo");
        }

        @Test
        void withoutAPageTheMemberIsTheAuthor() throws Exception {
            server.enqueue(json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":5184000}"));
            server.enqueue(json(200, "{\"sub\":\"782bbtaQ\",\"name\":\"Alice Martin\"}"));

            Connected connected = linkedIn.exchange(linkedIn.client(null, URI.create("https://desk.example/cb"), configured), "c", null,
                    URI.create("https://desk.example/cb"));

            assertThat(connected.remoteId()).isEqualTo("urn:li:person:782bbtaQ");
            assertThat(connected.displayName()).isEqualTo("Alice Martin");
            next("POST", "/oauth/v2/accessToken");
            nextApi("GET", "/v2/userinfo");
        }

        @Test
        void aRefusedCodeOrAnAnswerWithoutTokenIsAConnectFailureThatHoldsNoSecret() throws Exception {
            server.enqueue(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Unable to retrieve access token: authorization code not found\"}"));
            server.enqueue(json(200, "{\"access_token\":12}"));
            OAuthClient client = linkedIn.client(null, URI.create("https://desk.example/cb"), configured);

            assertThatThrownBy(() -> linkedIn.exchange(client, "c", null, URI.create("https://desk.example/cb")))
                    .isInstanceOf(ConnectFailure.class).hasMessageNotContaining("client-secret-1")
                    .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("invalid-credentials"));
            assertThatThrownBy(() -> linkedIn.exchange(client, "c", null, URI.create("https://desk.example/cb")))
                    .isInstanceOf(ConnectFailure.class).satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("malformed-answer"));
            next("POST", "/oauth/v2/accessToken");
            next("POST", "/oauth/v2/accessToken");
        }

        @Test
        void aPageMustBeNamedByItsNumberAndAClientNeedsItsSecret() {
            assertThatThrownBy(() -> linkedIn.client(URI.create("https://www.linkedin.com/company/acme/"), null, configured))
                    .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("organization-url"));
            assertThatThrownBy(() -> linkedIn.client(null, null, new OAuthClient(null, "client-1", null)))
                    .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("not-configured"));
        }

        @Test
        void onlyPartnerAppsRefreshAndTheirRefreshTokenIsKeptWhenNotReturned() throws Exception {
            assertThatThrownBy(() -> linkedIn.refresh(configured, Credentials.bearer(TOKEN)))
                    .satisfies(e -> assertThat(((ConnectFailure) e).rule()).isEqualTo("refresh-unavailable"));

            server.enqueue(json(200, "{\"access_token\":\"new-token\",\"expires_in\":5184000,\"refresh_token_expires_in\":3000000}"));
            Credentials fresh = linkedIn.refresh(configured, new Credentials(TOKEN, "refresh-1", NOW, Set.of("openid"), Map.of("member", "m")));

            assertThat(fresh.accessToken()).isEqualTo("new-token");
            assertThat(fresh.refreshToken()).isEqualTo("refresh-1");
            assertThat(fresh.extra("member")).isEqualTo("m");
            assertThat(next("POST", "/oauth/v2/accessToken").getBody().readUtf8())
                    .isEqualTo("grant_type=refresh_token&refresh_token=refresh-1&client_id=client-1&client_secret=client-secret-1");
        }
    }

    @Nested
    class Importing {
        static final long CURSOR = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();

        @Test
        void aFirstFetchStartsFromNowWithoutReadingHistory() {
            ImportBatch batch = linkedIn.fetch(account(), Stream.COMMENTS, null);

            assertThat(batch.items()).isEmpty();
            assertThat(batch.cursor()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        }

        @Test
        void commentsOnRecentPostsComeOldestFirstWithoutOurOwnOrOlderOnes() throws Exception {
            long recent = NOW.minus(Duration.ofDays(2)).toEpochMilli();
            long old = NOW.minus(Duration.ofDays(40)).toEpochMilli();
            server.enqueue(json(200, "{\"elements\":[{\"id\":\"urn:li:share:7001\",\"createdAt\":" + recent + "},"
                    + "{\"id\":\"urn:li:share:5000\",\"createdAt\":" + old + "}]}"));
            long t1 = CURSOR + 60_000, t2 = CURSOR + 120_000;
            server.enqueue(json(200, "{\"paging\":{\"start\":0,\"count\":50},\"elements\":["
                    + comment("3", "urn:li:person:bob", "Second!", t2) + ","
                    + comment("2", ORG, "Our own answer", t1) + ","
                    + comment("1", "urn:li:person:ann", "Is it <b>free</b>?", t1) + ","
                    + comment("0", "urn:li:person:old", "Seen before", CURSOR) + "]}"));

            ImportBatch batch = linkedIn.fetch(account(), Stream.COMMENTS, Long.toString(CURSOR));

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly(
                    "urn:li:comment:(urn:li:activity:99,1)", "urn:li:comment:(urn:li:activity:99,3)");
            Inbound first = batch.items().get(0);
            assertThat(first.stream()).isEqualTo(Stream.COMMENTS);
            assertThat(first.text()).isEqualTo("Is it <b>free</b>?");
            assertThat(first.author().id()).isEqualTo("urn:li:person:ann");
            assertThat(first.rootId()).isEqualTo("urn:li:share:7001");
            assertThat(first.createdAt()).isEqualTo(Instant.ofEpochMilli(t1));
            assertThat(batch.cursor()).isEqualTo(Long.toString(t2));
            nextApi("GET", "/rest/posts?q=author&author=" + ORG_ENCODED + "&count=10");
            nextApi("GET", "/rest/socialActions/urn%3Ali%3Ashare%3A7001/comments?start=0&count=50");
        }

        @Test
        void aThrottledCommentReadFailsTheBatchAndKeepsTheCursor() throws Exception {
            server.enqueue(json(200, "{\"elements\":[{\"id\":\"urn:li:share:7001\",\"createdAt\":" + NOW.toEpochMilli() + "}]}"));
            server.enqueue(json(429, "{\"status\":429}"));

            ImportBatch batch = linkedIn.fetch(account(), Stream.COMMENTS, Long.toString(CURSOR));

            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo(Long.toString(CURSOR));
            assertThat(batch.notBefore()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
            nextApi("GET", "/rest/posts?q=author&author=" + ORG_ENCODED + "&count=10");
            nextApi("GET", "/rest/socialActions/urn%3Ali%3Ashare%3A7001/comments?start=0&count=50");
        }

        @Test
        void anHtmlAnswerToThePostListFailsTheBatchWithASentence() throws Exception {
            server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>maintenance</html>"));

            ImportBatch batch = linkedIn.fetch(account(), Stream.COMMENTS, Long.toString(CURSOR));

            assertThat(batch.failed()).isTrue();
            assertThat(batch.problem()).contains("not the expected list");
            nextApi("GET", "/rest/posts?q=author&author=" + ORG_ENCODED + "&count=10");
        }

        static String comment(String id, String actor, String text, long time) {
            return "{\"id\":\"" + id + "\",\"actor\":\"" + actor + "\",\"object\":\"urn:li:activity:99\",\"message\":{\"text\":"
                    + JSON.valueToTree(text) + "},\"created\":{\"actor\":\"" + actor + "\",\"time\":" + time + "}}";
        }
    }

    @Nested
    class Health {
        @Test
        void aWorkingTokenIsHealthyAndARevokedOneSaysSo() throws Exception {
            server.enqueue(json(200, "{\"sub\":\"782bbtaQ\",\"name\":\"Alice Martin\"}"));
            server.enqueue(json(401, "{\"message\":\"Empty oauth2_access_token\",\"serviceErrorCode\":401,\"status\":401}"));

            AccountHealth ok = linkedIn.check(account());
            AccountHealth revoked = linkedIn.check(account());

            assertThat(ok.usable()).isTrue();
            assertThat(ok.remoteId()).isEqualTo(ORG);
            assertThat(ok.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(50)));
            assertThat(revoked.problem()).isEqualTo("revoked");
            nextApi("GET", "/v2/userinfo");
            nextApi("GET", "/v2/userinfo");
        }
    }

    @Nested
    class Webhook {
        final LinkedInWebhook webhook = new LinkedInWebhook("li-client-secret", Clock.fixed(NOW, ZoneOffset.UTC));

        @Test
        void theValidationChallengeIsAnsweredWithTheHexHmacOfTheCode() {
            // Computed independently: printf %s CODE | openssl dgst -sha256 -hmac li-client-secret
            assertThat(webhook.challenge("890e4665-4dfe-4ab1-b689-ed553bceeed0")).containsExactly(
                    Map.entry("challengeCode", "890e4665-4dfe-4ab1-b689-ed553bceeed0"),
                    Map.entry("challengeResponse", "313e20a5110164b82333ba6cb7cdad9e864a8e809bb93b22935d24b57f42823f"));
        }

        @Test
        void aDeliveryIsVerifiedOverItsExactBytes() {
            byte[] body = "{\"type\":\"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS\",\"notifications\":[]}".getBytes(StandardCharsets.UTF_8);
            // printf %s "hmacsha256=BODY" | openssl dgst -sha256 -hmac li-client-secret
            String signature = "b16bb3f667e1aa0c637fdee295bb40e387af021a39c0d4a26c8970f71bd1c011";

            assertThat(webhook.verify(body, signature)).isTrue();
            assertThat(webhook.verify(body, signature.toUpperCase())).isTrue();
            assertThat(webhook.verify((new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8), signature)).isFalse();
            assertThat(webhook.verify(body, "0".repeat(64))).isFalse();
            assertThat(webhook.verify(body, null)).isFalse();
            assertThat(new LinkedInWebhook("another-secret", Clock.systemUTC()).verify(body, signature)).isFalse();
        }

        @Test
        void commentsAndMentionsBecomeItemsOldestFirstAndLikesAndOurOwnCommentsDoNot() {
            String body = """
                    {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[
                     {"notificationId":3,"action":"COMMENT","organizationalEntity":"urn:li:organization:5515715","sourcePost":"urn:li:share:7001",
                      "generatedActivity":"urn:li:comment:(urn:li:activity:99,5)","lastModifiedAt":1795000002000,
                      "decoratedGeneratedActivity":{"comment":{"entity":"urn:li:comment:(urn:li:activity:99,5)","owner":"urn:li:person:ann","text":"When does it open?"}}},
                     {"notificationId":2,"action":"SHARE_MENTION","sourcePost":"urn:li:share:8000","generatedActivity":"urn:li:share:8000",
                      "lastModifiedAt":1795000001000,"decoratedGeneratedActivity":{"share":{"owner":"urn:li:person:bob","text":"Great work @Acme"}}},
                     {"notificationId":1,"action":"LIKE","sourcePost":"urn:li:share:7001","generatedActivity":"urn:li:reaction:1","lastModifiedAt":1795000000000},
                     {"notificationId":4,"action":"ADMIN_COMMENT","sourcePost":"urn:li:share:7001","generatedActivity":"urn:li:comment:(urn:li:activity:99,6)"},
                     {"notificationId":5,"action":"COMMENT","generatedActivity":42},
                     "not an object"]}""";

            List<Inbound> items = webhook.parse(body.getBytes(StandardCharsets.UTF_8));

            assertThat(items).extracting(Inbound::externalId).containsExactly("urn:li:share:8000", "urn:li:comment:(urn:li:activity:99,5)");
            assertThat(items.get(0).stream()).isEqualTo(Stream.MENTIONS);
            assertThat(items.get(1).stream()).isEqualTo(Stream.COMMENTS);
            assertThat(items.get(1).text()).isEqualTo("When does it open?");
            assertThat(items.get(1).author().id()).isEqualTo("urn:li:person:ann");
            assertThat(webhook.parse("<html/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
            assertThat(webhook.parse("{\"type\":\"LEAD_ACTION\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        }
    }
}
