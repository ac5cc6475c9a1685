package io.socialdesk.channel.threads;

import static io.socialdesk.channel.meta.GraphTestSupport.CLOCK;
import static io.socialdesk.channel.meta.GraphTestSupport.NOW;
import static io.socialdesk.channel.meta.GraphTestSupport.form;
import static io.socialdesk.channel.meta.GraphTestSupport.graphError;
import static io.socialdesk.channel.meta.GraphTestSupport.html;
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
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
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
 * Threads against a MockWebServer playing graph.threads.net. Answers follow the payloads in networks.md
 * §3.7 and the Threads documentation's examples (container status, publishing limit); there is no
 * official OpenAPI description to validate against.
 */
class ThreadsContractTest {
    static final String TOKEN = "THAAprofileTokenSecret1234567890";
    static final String USER = "25000000000000001";
    static final OAuthClient APP = new OAuthClient(null, "threads-app-id", "threads-app-secret");
    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    MockWebServer server;
    RateLimits rateLimits;
    RecordingSleeper sleeper;
    ThreadsChannel channel;
    ChannelAccount account;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        rateLimits = new RateLimits(CLOCK);
        sleeper = new RecordingSleeper();
        channel = new ThreadsChannel(GraphTestSupport.http(), rateLimits, CredentialSink.NONE, CLOCK, server.url("/v1.0").uri(),
                URI.create("https://threads.net/oauth/authorize"), sleeper);
        account = new ChannelAccount(11, Network.THREADS, "acme", null, USER,
                new Credentials(TOKEN, null, NOW.plus(Duration.ofDays(40)), Set.of("threads_basic"), Map.of()));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    static MockResponse status(String status) {
        return ok("{\"status\":\"" + status + "\",\"id\":\"c-1\"}");
    }

    static Attachment image(String type, String url, String alt) {
        return new Attachment(type, 1, alt, () -> new java.io.ByteArrayInputStream(new byte[1]), url == null ? null : URI.create(url), 1, 1);
    }

    private static void assertAuthorized(RecordedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getRequestUrl().toString()).doesNotContain(TOKEN).doesNotContain("access_token");
    }

    private void enqueuePublished(String mediaId) {
        server.enqueue(status("FINISHED"));
        server.enqueue(ok("{\"id\":\"" + mediaId + "\"}"));
        server.enqueue(ok("{\"permalink\":\"https://www.threads.net/@acme/post/" + mediaId + "\",\"id\":\"" + mediaId + "\"}"));
    }

    @Nested
    class Connect {
        @Test
        void theAuthorizeAddressAsksForTheThreadsScopesWithoutPkce() {
            HttpUrl url = HttpUrl.get(((Connection.OAuth) channel.connection()).authorizationUri(APP,
                    new Connection.AuthorizationRequest("st", "challenge", URI.create("https://desk.example/cb"))));
            assertThat(url.host()).isEqualTo("threads.net");
            assertThat(url.encodedPath()).isEqualTo("/oauth/authorize");
            assertThat(url.queryParameter("scope")).isEqualTo(
                    "threads_basic,threads_content_publish,threads_read_replies,threads_manage_replies,threads_manage_mentions,threads_delete");
            assertThat(url.queryParameter("response_type")).isEqualTo("code");
            assertThat(url.queryParameter("code_challenge")).isNull();
        }

        @Test
        void theCodeBecomesASixtyDayToken() throws Exception {
            server.enqueue(ok("{\"access_token\":\"THshort00000000000000000\",\"user_id\":" + USER + "}"));
            server.enqueue(ok("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
            server.enqueue(ok("{\"id\":\"" + USER + "\",\"username\":\"acme\"}"));

            Connected connected = ((Connection.OAuth) channel.connection()).exchange(APP, "the-code", null, URI.create("https://desk.example/cb"));

            RecordedRequest code = take(server);
            assertThat(code.getMethod()).isEqualTo("POST");
            assertThat(code.getRequestUrl().encodedPath()).isEqualTo("/oauth/access_token");
            assertThat(form(code)).containsEntry("client_id", "threads-app-id").containsEntry("client_secret", "threads-app-secret")
                    .containsEntry("code", "the-code").containsEntry("grant_type", "authorization_code").containsEntry("redirect_uri", "https://desk.example/cb");
            RecordedRequest exchange = take(server);
            assertThat(exchange.getMethod()).isEqualTo("GET");
            assertThat(exchange.getRequestUrl().encodedPath()).isEqualTo("/access_token");
            assertThat(exchange.getRequestUrl().queryParameter("grant_type")).isEqualTo("th_exchange_token");
            assertThat(exchange.getRequestUrl().queryParameter("client_secret")).isEqualTo("threads-app-secret");
            assertThat(exchange.getRequestUrl().queryParameter("access_token")).isEqualTo("THshort00000000000000000");
            RecordedRequest me = take(server);
            assertThat(me.getRequestUrl().encodedPath()).isEqualTo("/v1.0/me");
            assertAuthorized(me);

            assertThat(connected.remoteId()).isEqualTo(USER);
            assertThat(connected.handle()).isEqualTo("acme");
            assertThat(connected.credentials().accessToken()).isEqualTo(TOKEN);
            assertThat(connected.credentials().expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
        }

        @Test
        void aRefusedExchangeIsAClearFailureWithoutSecrets() {
            server.enqueue(graphError(400, 1, null, "Invalid client_secret=threads-app-secret for code=the-code"));
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).exchange(APP, "the-code", null, URI.create("https://desk.example/cb")))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> assertThat(e.getMessage()).doesNotContain("threads-app-secret").doesNotContain("the-code"));
        }

        @Test
        void aTokenYoungerThanADayIsNotRefreshed() {
            Credentials young = MetaOAuth.longLived(new MetaOAuth.Token(TOKEN, 5183944L), NOW.minus(Duration.ofHours(23)), Set.of(), Map.of());
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).refresh(APP, young)).isInstanceOfSatisfying(ConnectFailure.class, e -> {
                assertThat(e.rule()).isEqualTo("too-early");
                assertThat(e.getMessage()).contains("at least 24 hours old", NOW.plus(Duration.ofHours(1)).toString());
            });
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void anExpiredTokenCannotBeRefreshed() {
            Credentials expired = new Credentials(TOKEN, null, NOW.minusSeconds(1), Set.of(), Map.of(MetaOAuth.ISSUED_AT, "1"));
            assertThatThrownBy(() -> ((Connection.OAuth) channel.connection()).refresh(APP, expired))
                    .isInstanceOfSatisfying(ConnectFailure.class, e -> assertThat(e.rule()).isEqualTo("token-expired"));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void aTokenADayOldIsRefreshedWithThRefreshToken() throws Exception {
            Credentials old = MetaOAuth.longLived(new MetaOAuth.Token(TOKEN, 5183944L), NOW.minus(Duration.ofHours(24)), Set.of("threads_basic"), Map.of());
            server.enqueue(ok("{\"access_token\":\"THrefreshed000000000000000\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
            Credentials fresh = ((Connection.OAuth) channel.connection()).refresh(APP, old);
            RecordedRequest refresh = take(server);
            assertThat(refresh.getMethod()).isEqualTo("GET");
            assertThat(refresh.getRequestUrl().encodedPath()).isEqualTo("/refresh_access_token");
            assertThat(refresh.getRequestUrl().queryParameter("grant_type")).isEqualTo("th_refresh_token");
            assertThat(refresh.getRequestUrl().queryParameter("access_token")).isEqualTo(TOKEN);
            assertThat(fresh.accessToken()).isEqualTo("THrefreshed000000000000000");
            assertThat(fresh.extra(MetaOAuth.ISSUED_AT)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        }
    }

    @Nested
    class Publish {
        @Test
        void textIsATextContainerPublishedOnceItIsFinished() throws Exception {
            server.enqueue(ok("{\"id\":\"c-1\"}"));
            server.enqueue(status("IN_PROGRESS"));
            enqueuePublished("t-1");
            RecordingProgress progress = new RecordingProgress(server);

            Outcome outcome = channel.publish(account, Delivery.text("k", "Hello Threads"), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("t-1", "https://www.threads.net/@acme/post/t-1")));
            RecordedRequest create = take(server);
            assertThat(create.getMethod()).isEqualTo("POST");
            assertThat(create.getRequestUrl().encodedPath()).isEqualTo("/v1.0/" + USER + "/threads");
            assertThat(form(create)).isEqualTo(Map.of("media_type", "TEXT", "text", "Hello Threads"));
            assertAuthorized(create);
            RecordedRequest poll = take(server);
            assertThat(poll.getRequestUrl().encodedPath()).isEqualTo("/v1.0/c-1");
            assertThat(poll.getRequestUrl().queryParameter("fields")).isEqualTo("id,status,error_message");
            take(server);
            RecordedRequest publish = take(server);
            assertThat(publish.getRequestUrl().encodedPath()).isEqualTo("/v1.0/" + USER + "/threads_publish");
            assertThat(form(publish)).containsEntry("creation_id", "c-1");
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
            assertThat(progress.requestsSeenAtRecord.get(ContainerFlow.CONTAINER)).isEqualTo(1);
            assertThat(progress.requestsSeenAtRecord.get(ContainerFlow.PUBLISH_AT)).isEqualTo(3);
        }

        @Test
        void aThreadPartOrReplyCarriesReplyToId() throws Exception {
            server.enqueue(ok("{\"id\":\"c-2\"}"));
            enqueuePublished("t-2");
            RemotePost parent = RemotePost.of("t-1", null);
            assertThat(channel.publish(account, Delivery.text("k2", "Part two").replyingTo(parent, parent), Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            assertThat(form(take(server))).containsEntry("reply_to_id", "t-1").containsEntry("media_type", "TEXT");
        }

        @Test
        void oneImageAndACarouselUseThePublicAddresses() throws Exception {
            server.enqueue(ok("{\"id\":\"c-3\"}"));
            enqueuePublished("t-3");
            Delivery one = Delivery.text("k3", "Look").withMedia(List.of(image("image/png", "https://desk.example/m/a.png", "A chart")));
            assertThat(channel.publish(account, one, Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            assertThat(form(take(server))).containsEntry("media_type", "IMAGE").containsEntry("image_url", "https://desk.example/m/a.png")
                    .containsEntry("alt_text", "A chart").containsEntry("text", "Look");
            for (int i = 0; i < 3; i++) {
                take(server);
            }

            server.enqueue(ok("{\"id\":\"ch-0\"}"));
            server.enqueue(ok("{\"id\":\"ch-1\"}"));
            server.enqueue(ok("{\"id\":\"car-1\"}"));
            enqueuePublished("t-4");
            Delivery two = Delivery.text("k4", "Both").withMedia(List.of(image("image/jpeg", "https://desk.example/m/1.jpg", ""),
                    image("image/png", "https://desk.example/m/2.png", "")));
            assertThat(channel.publish(account, two, Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            assertThat(form(take(server))).containsEntry("is_carousel_item", "true").containsEntry("media_type", "IMAGE");
            take(server);
            assertThat(form(take(server))).containsEntry("media_type", "CAROUSEL").containsEntry("children", "ch-0,ch-1").containsEntry("text", "Both");
        }

        @Test
        void withoutAPublicAddressNothingIsSent() {
            Delivery delivery = Delivery.text("k5", "x").withMedia(List.of(image("image/jpeg", null, "")));
            assertThat(channel.publish(account, delivery, Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("needs-public-url"));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void errorAndExpiredContainersFail() {
            server.enqueue(ok("{\"id\":\"c-6\"}"));
            server.enqueue(ok("{\"status\":\"ERROR\",\"id\":\"c-6\",\"error_message\":\"FAILED_DOWNLOADING_IMAGE\"}"));
            assertThat(channel.publish(account, Delivery.text("k6", "x"), Progress.NONE)).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("media-rejected");
                assertThat(f.reason()).contains("FAILED_DOWNLOADING_IMAGE");
            });
            server.enqueue(status("EXPIRED"));
            assertThat(channel.publish(account, Delivery.text("k7", "x").withProgress(Map.of(ContainerFlow.CONTAINER, "c-7")), Progress.NONE))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("container-expired"));
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void aLostPublishAnswerIsSettledFromThePublishedContainerAmongTheProfilesReplies() throws Exception {
            server.enqueue(ok("{\"id\":\"c-8\"}"));
            server.enqueue(status("FINISHED"));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            RecordingProgress progress = new RecordingProgress(server);
            RemotePost parent = RemotePost.of("t-1", null);
            Delivery reply = Delivery.text("k8", "We are on it").replyingTo(parent, parent);

            assertThat(channel.publish(account, reply, progress)).isInstanceOf(Outcome.Unknown.class);
            for (int i = 0; i < 3; i++) {
                take(server);
            }

            server.enqueue(status("PUBLISHED"));
            server.enqueue(ok("{\"data\":[{\"id\":\"t-9\",\"text\":\"We are on it\",\"timestamp\":\"2025-03-01T10:00:00+0000\","
                    + "\"permalink\":\"https://www.threads.net/@acme/post/t-9\"}],\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}}}"));
            assertThat(channel.settle(account, reply.withProgress(progress.values)))
                    .isEqualTo(new Outcome.Sent(RemotePost.of("t-9", "https://www.threads.net/@acme/post/t-9")));
            take(server);
            RecordedRequest lookup = take(server);
            assertThat(lookup.getRequestUrl().encodedPath()).isEqualTo("/v1.0/" + USER + "/replies");
            assertThat(server.getRequestCount()).as("one create, one publish, never twice").isEqualTo(5);
        }

        @Test
        void settleOfAFinishedContainerLetsThePublisherPublishIt() throws Exception {
            server.enqueue(status("FINISHED"));
            Delivery recorded = Delivery.text("k9", "x").withProgress(Map.of(ContainerFlow.CONTAINER, "c-9"));
            assertThat(channel.settle(account, recorded)).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW));
            enqueuePublished("t-10");
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOf(Outcome.Sent.class);
            take(server);
            take(server);
            assertThat(form(take(server))).containsEntry("creation_id", "c-9");
            assertThat(server.getRequestCount()).as("no second container").isEqualTo(4);
        }

        @Test
        void failuresMapToTheRightOutcome() {
            server.enqueue(graphError(400, 190, 460, "Error validating access token " + TOKEN));
            Outcome revoked = channel.publish(account, Delivery.text("a", "x"), Progress.NONE);
            assertThat(revoked).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("token-invalid"));
            assertThat(reason(revoked)).doesNotContain(TOKEN).contains("password");

            server.enqueue(html(502));
            assertThat(channel.publish(account, Delivery.text("b", "x"), Progress.NONE)).as("a container is not public: retried later")
                    .isInstanceOf(Outcome.RetryLater.class);

            Delivery recorded = Delivery.text("c", "x").withProgress(Map.of(ContainerFlow.CONTAINER, "c-1"));
            server.enqueue(status("FINISHED"));
            server.enqueue(ok("{\"id\":\"t-"));
            assertThat(channel.publish(account, recorded, Progress.NONE)).as("truncated answer to the publish").isInstanceOf(Outcome.Unknown.class);
            server.enqueue(status("FINISHED"));
            server.enqueue(html(500));
            assertThat(channel.publish(account, recorded, Progress.NONE)).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void code4WithOnlyXAppUsagePausesAQuarterOfAnHourAndHoldsTheNextPublish() {
            server.enqueue(graphError(400, 4, null, "Application request limit reached").setHeader("X-App-Usage",
                    "{\"call_count\":95,\"total_cputime\":30,\"total_time\":40}"));
            assertThat(channel.publish(account, Delivery.text("d", "x"), Progress.NONE)).isInstanceOfSatisfying(Outcome.RetryLater.class,
                    r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(15))));
            assertThat(channel.nextAllowedAt(account)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
            assertThat(channel.publish(account, Delivery.text("e", "x"), Progress.NONE)).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void deleteSendsDeleteAndReadsSuccess() throws Exception {
            server.enqueue(ok("{\"success\":true,\"deleted_id\":\"t-1\"}"));
            RemotePost post = RemotePost.of("t-1", null);
            assertThat(channel.delete(account, post)).isEqualTo(new Outcome.Sent(post));
            RecordedRequest request = take(server);
            assertThat(request.getMethod()).isEqualTo("DELETE");
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1.0/t-1");
            assertAuthorized(request);
        }
    }

    @Nested
    class Import {
        static final Instant MARK = Instant.parse("2025-03-01T09:00:00Z");

        String mention(String id, Instant at, String username) {
            return "{\"id\":\"" + id + "\",\"text\":\"@acme hello " + id + "\",\"username\":\"" + username + "\",\"timestamp\":\"" + GRAPH_TIME.format(at)
                    + "\",\"permalink\":\"https://www.threads.net/@" + username + "/post/" + id + "\",\"is_reply\":false}";
        }

        String page(List<String> items, String after) {
            StringJoiner data = new StringJoiner(",", "[", "]");
            items.forEach(data::add);
            return "{\"data\":" + data + ",\"paging\":{\"cursors\":{\"before\":\"BEFORE\"" + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}}}";
        }

        @Test
        void mentionsArePagedWithTheAfterCursorBackToTheMarkThenGivenOldestFirst() throws Exception {
            List<String> first = new java.util.ArrayList<>();
            for (int i = 0; i < ThreadsChannel.PAGE_SIZE; i++) {
                first.add(mention("n" + i, NOW.minusSeconds(60L * i), i == 3 ? "acme" : "fan" + i));
            }
            server.enqueue(ok(page(first, "CURSOR-2")));
            server.enqueue(ok(page(List.of(mention("o1", MARK.plusSeconds(30), "zed"), mention("o2", MARK, "old"), mention("o3", MARK.minusSeconds(60), "old")),
                    "CURSOR-3")));

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, Long.toString(MARK.getEpochSecond()));

            RecordedRequest one = take(server);
            assertThat(one.getRequestUrl().encodedPath()).isEqualTo("/v1.0/" + USER + "/mentions");
            assertThat(one.getRequestUrl().queryParameter("limit")).isEqualTo("25");
            assertThat(one.getRequestUrl().queryParameter("after")).isNull();
            assertAuthorized(one);
            RecordedRequest two = take(server);
            assertThat(two.getRequestUrl().queryParameter("after")).as("the next page is built from the cursor").isEqualTo("CURSOR-2");
            assertThat(two.getRequestUrl().queryParameter("fields")).isEqualTo(one.getRequestUrl().queryParameter("fields"));
            assertThat(server.getRequestCount()).as("stops at the mark").isEqualTo(2);

            // 24 of the first page (our own n3 left out), then o1 and o2: a mark without ids leaves its own second open.
            assertThat(batch.items()).hasSize(ThreadsChannel.PAGE_SIZE - 1 + 2);
            assertThat(batch.items().get(0).externalId()).isEqualTo("o2");
            assertThat(batch.items().get(1).externalId()).isEqualTo("o1");
            assertThat(batch.items().get(batch.items().size() - 1).externalId()).isEqualTo("n0");
            assertThat(batch.items()).extracting(Inbound::externalId).doesNotContain("n3", "o3");
            assertThat(batch.items()).isSortedAccordingTo(java.util.Comparator.comparing(Inbound::createdAt));
            assertThat(batch.cursor()).isEqualTo(NOW.getEpochSecond() + ":n0");
        }

        @Test
        void aShortPageNeedsNoSecondRequest() {
            server.enqueue(ok(page(List.of(mention("m1", MARK.plusSeconds(5), "fan")), "AFTER")));
            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, Long.toString(MARK.getEpochSecond()));
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("m1");
            assertThat(batch.items().get(0).author().profileUrl()).isEqualTo("https://www.threads.net/@fan");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void pagingIsBounded() {
            for (int p = 0; p < ThreadsChannel.MAX_PAGES + 2; p++) {
                List<String> items = new java.util.ArrayList<>();
                for (int i = 0; i < ThreadsChannel.PAGE_SIZE; i++) {
                    items.add(mention("p" + p + "-" + i, NOW.minusSeconds(p * 100L + i), "fan"));
                }
                server.enqueue(ok(page(items, "C" + (p + 1))));
            }
            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, Long.toString(MARK.getEpochSecond()));
            assertThat(server.getRequestCount()).isEqualTo(ThreadsChannel.MAX_PAGES);
            assertThat(batch.items()).hasSize(ThreadsChannel.MAX_PAGES * ThreadsChannel.PAGE_SIZE);
        }

        @Test
        void aFailedPageFailsTheWholeBatchAndKeepsTheCursor() {
            List<String> full = new java.util.ArrayList<>();
            for (int i = 0; i < ThreadsChannel.PAGE_SIZE; i++) {
                full.add(mention("f" + i, NOW.minusSeconds(i), "fan"));
            }
            server.enqueue(ok(page(full, "NEXT")));
            server.enqueue(ok("{\"data\":[{\"id\":\"trunc"));
            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "1740819600");
            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo("1740819600");
            assertThat(batch.items()).isEmpty();
        }

        @Test
        void repliesToRecentPostsAreRead() throws Exception {
            server.enqueue(ok("{\"data\":[{\"id\":\"t-1\",\"timestamp\":\"2025-03-01T08:00:00+0000\"}]}"));
            server.enqueue(ok("{\"data\":[" + mention("r1", MARK.plusSeconds(10), "fan") + "," + mention("r2", MARK.plusSeconds(20), "acme") + "]}"));
            ImportBatch batch = channel.fetch(account, Stream.REPLIES, Long.toString(MARK.getEpochSecond()));
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("r1");
            assertThat(take(server).getRequestUrl().encodedPath()).isEqualTo("/v1.0/" + USER + "/threads");
            RecordedRequest replies = take(server);
            assertThat(replies.getRequestUrl().encodedPath()).isEqualTo("/v1.0/t-1/replies");
            assertThat(replies.getRequestUrl().queryParameter("reverse")).isEqualTo("false");
        }
    }

    @Nested
    class LimitsAndHealth {
        @Test
        void theQuotaComesFromThreadsPublishingLimit() throws Exception {
            server.enqueue(ok("{\"data\":[{\"quota_usage\":4,\"config\":{\"quota_total\":250,\"quota_duration\":86400}}]}"));
            assertThat(channel.limits(account)).contains(new NetworkLimits(500, null, 20, null, 250, 4));
            RecordedRequest request = take(server);
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1.0/me/threads_publishing_limit");
            assertThat(request.getRequestUrl().queryParameter("fields")).isEqualTo("quota_usage,config");
            assertAuthorized(request);
        }

        @Test
        void checkReadsTheProfileAndA190MeansRevoked() throws Exception {
            server.enqueue(ok("{\"id\":\"" + USER + "\",\"username\":\"acme\"}"));
            AccountHealth health = channel.check(account);
            assertThat(health.usable()).isTrue();
            assertThat(health.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(40)));
            assertThat(take(server).getRequestUrl().queryParameter("fields")).isEqualTo("id,username");
            server.enqueue(graphError(400, 190, 463, "Session has expired"));
            assertThat(channel.check(account).problem()).isEqualTo("expired");
        }
    }
}
