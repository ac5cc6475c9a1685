package io.socialdesk.channel.bluesky;

import static io.socialdesk.channel.bluesky.BlueskyFixtures.assertValidPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.bluesky.BlueskyFixtures.Recorded;
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
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Bluesky connector against a real HTTP server (MockWebServer) playing a PDS: the requests it
 * sends (method, path, headers, bodies, and how many) and what it makes of every kind of answer,
 * including the ones a real PDS will not produce on demand (rate limits, expired sessions, server
 * errors, dropped connections, truncated or hostile bodies). Shapes from networks.md section 3.2.
 */
class BlueskyContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final String DID = "did:plc:alice";
    static final String CID = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm";
    static final String BLOB_CID = "bafkreibabalobzn6cd366ukcsjycp4yymjymgfnqnekpgznuldlzmc3kjm";

    MockWebServer server;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    RateLimits rateLimits;
    List<Credentials> rotated;
    List<Integer> requestsWhenRotated;
    BlueskyChannel channel;
    ChannelAccount account;
    String pds;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        pds = server.url("/").toString().replaceAll("/$", "");
        rateLimits = new RateLimits(clock);
        rotated = new CopyOnWriteArrayList<>();
        requestsWhenRotated = new CopyOnWriteArrayList<>();
        HttpCalls http = new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(2), Duration.ofSeconds(2));
        channel = new BlueskyChannel(http, rateLimits, (id, fresh) -> {
            rotated.add(fresh);
            requestsWhenRotated.add(server.getRequestCount());
        }, clock, URI.create(pds));
        account = account("acc-1", "ref-1");
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    ChannelAccount account(String access, String refresh) {
        return new ChannelAccount(7, Network.BLUESKY, "alice.test", URI.create(pds), DID,
                new Credentials(access, refresh, null, Set.of(), Map.of("did", DID, "pds", pds)));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    static MockResponse created(String rkey) {
        return json(200, "{\"uri\":\"at://" + DID + "/app.bsky.feed.post/" + rkey + "\",\"cid\":\"" + CID
                + "\",\"commit\":{\"cid\":\"" + CID + "\",\"rev\":\"3lbrev2222222\"},\"validationStatus\":\"valid\"}");
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().readUtf8());
    }

    static String xrpc(RecordedRequest request) {
        return request.getRequestUrl().encodedPath();
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Connect {
        @Test
        void connectsWithAnAppPasswordAndKeepsThePdsOfItsDidDocument() throws Exception {
            server.enqueue(json(200, "{\"did\":\"did:plc:alice\",\"handle\":\"alice.test\",\"accessJwt\":\"acc-1\",\"refreshJwt\":\"ref-1\","
                    + "\"didDoc\":{\"id\":\"did:plc:alice\",\"service\":[{\"id\":\"#atproto_pds\",\"type\":\"AtprotoPersonalDataServer\","
                    + "\"serviceEndpoint\":\"https://morel.us-east.host.bsky.network\"}]},\"active\":true}"));

            Connection.AppPassword login = (Connection.AppPassword) channel.connection();
            Connected connected = login.login(URI.create(pds), " @alice.test ", "abcd-efgh-ijkl-mnop");

            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(xrpc(request)).isEqualTo("/xrpc/com.atproto.server.createSession");
            assertThat(request.getHeader("Authorization")).isNull();
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(body(request)).isEqualTo(JSON.readTree("{\"identifier\":\"alice.test\",\"password\":\"abcd-efgh-ijkl-mnop\"}"));
            assertThat(connected.remoteId()).isEqualTo("did:plc:alice");
            assertThat(connected.handle()).isEqualTo("alice.test");
            assertThat(connected.credentials().accessToken()).isEqualTo("acc-1");
            assertThat(connected.credentials().refreshToken()).isEqualTo("ref-1");
            assertThat(connected.credentials().extra()).containsEntry("did", "did:plc:alice")
                    .containsEntry("pds", "https://morel.us-east.host.bsky.network");
            assertThat(connected.credentials().toString()).doesNotContain("acc-1", "ref-1");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void withoutADidDocumentThePdsIsTheInstanceSignedInto() throws Exception {
            server.enqueue(json(200, "{\"did\":\"did:plc:alice\",\"handle\":\"alice.test\",\"accessJwt\":\"a\",\"refreshJwt\":\"r\"}"));
            Connected connected = channel.login(null, "alice.test", "account-password-too");
            assertThat(connected.credentials().extra("pds")).isEqualTo(pds);
            assertThat(take().getRequestUrl().port()).isEqualTo(server.getPort()); // null instance: the default (here the test server)
        }

        @Test
        void aWrongPasswordIsRefusedWithoutEchoingIt() {
            server.enqueue(json(401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password wxyz-wxyz-wxyz-wxyz\"}"));
            assertThatThrownBy(() -> channel.login(URI.create(pds), "alice.test", "wxyz-wxyz-wxyz-wxyz"))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> {
                        assertThat(f.rule()).isEqualTo("invalid-credentials");
                        assertThat(f.getMessage()).doesNotContain("wxyz");
                    });
        }

        @Test
        void anAccountThatWantsAnEmailCodeIsAskedForAnAppPassword() {
            server.enqueue(json(401, "{\"error\":\"AuthFactorTokenRequired\",\"message\":\"A sign in code has been sent to your email address\"}"));
            assertThatThrownBy(() -> channel.login(URI.create(pds), "alice.test", "secret"))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("two-factor-required"));
        }

        @Test
        void theSignInRateLimitSaysWhenToTryAgain() {
            long reset = NOW.plusSeconds(300).getEpochSecond();
            server.enqueue(json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                    .setHeader("RateLimit-Limit", "30").setHeader("RateLimit-Remaining", "0").setHeader("RateLimit-Reset", String.valueOf(reset)));
            assertThatThrownBy(() -> channel.login(URI.create(pds), "alice.test", "secret"))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> {
                        assertThat(f.rule()).isEqualTo("rate-limited");
                        assertThat(f.getMessage()).contains(Instant.ofEpochSecond(reset).toString());
                    });
        }

        @Test
        void anHtmlPageOrAnAnswerWithoutTokensIsNotASession() {
            server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html><body>Welcome</body></html>"));
            server.enqueue(json(200, "{\"did\":\"did:plc:alice\",\"handle\":\"alice.test\",\"accessJwt\":42}"));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> channel.login(URI.create(pds), "alice.test", "secret"))
                        .isInstanceOfSatisfying(ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("malformed-answer"));
            }
        }

        @Test
        void productionRefusesPlainHttpAndPrivateAddressesWithoutCallingThem() {
            BlueskyChannel production = new BlueskyChannel(new HttpCalls(AddressPolicy.PUBLIC_HTTPS), rateLimits, null, clock);
            assertThatThrownBy(() -> production.login(URI.create(pds), "alice.test", "secret"))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("https-only"));
            assertThatThrownBy(() -> production.login(URI.create("https://127.0.0.1:" + server.getPort()), "alice.test", "secret"))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("address-not-allowed"));
            assertThatThrownBy(() -> production.login(URI.create("https://user:pw@bsky.social"), "alice.test", "secret"))
                    .isInstanceOfSatisfying(ConnectFailure.class, f -> assertThat(f.rule()).isEqualTo("no-credentials-in-url"));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void thePdsIsTheAtprotoPdsServiceOfTheDidDocument() throws Exception {
            assertThat(BlueskyChannel.pdsOf(JSON.readTree("{\"service\":[{\"id\":\"#atproto_labeler\",\"serviceEndpoint\":\"https://labels.example\"},"
                    + "{\"id\":\"did:plc:alice#atproto_pds\",\"serviceEndpoint\":\"https://pds.example/\"}]}"))).isEqualTo("https://pds.example");
            assertThat(BlueskyChannel.pdsOf(JSON.readTree("{\"service\":[{\"id\":\"#atproto_pds\",\"serviceEndpoint\":{\"not\":\"a url\"}}]}"))).isNull();
            assertThat(BlueskyChannel.pdsOf(JSON.createObjectNode())).isNull();
        }

        @Test
        void appPasswordsHaveFourGroupsOfFour() {
            assertThat(BlueskyChannel.looksLikeAppPassword("abcd-efgh-1234-mnop")).isTrue();
            assertThat(BlueskyChannel.looksLikeAppPassword("hunter2")).isFalse();
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * Direct messages through the chat service: the lexicons chat.bsky.convo.getConvoForMembers, sendMessage and
     * getMessages (messageView: id, rev, text, sender.did, sentAt), called on the PDS with the atproto-proxy header.
     * The local reference peer runs no chat service, so these are contract tests only.
     */
    @Nested
    class DirectMessages {
        static final String BOB = "did:plc:bob";

        Delivery dm(String text) {
            return new Delivery("sd-reply-5", text, List.of(), null, null, null, Map.of(Delivery.DIRECT_TO, BOB));
        }

        @Test
        void findsTheConversationRecordsItThenSendsTheMessageThroughThePdsToTheChatService() throws Exception {
            assertThat(channel.sendsDirectMessages()).isTrue();
            server.enqueue(json(200, "{\"convo\":{\"id\":\"convo-1\",\"rev\":\"2222\",\"members\":[],\"muted\":false,\"unreadCount\":0}}"));
            server.enqueue(json(200, "{\"id\":\"msg-9\",\"rev\":\"2223\",\"text\":\"Your parcel left today\","
                    + "\"sender\":{\"did\":\"" + DID + "\"},\"sentAt\":\"2025-03-01T12:00:00.000Z\"}"));
            Recorded progress = new Recorded();

            Outcome outcome = channel.publish(account, dm("Your parcel left today"), progress);

            assertThat(outcome).isEqualTo(new Outcome.Sent(RemotePost.of("msg-9", null)));
            RecordedRequest find = take();
            assertThat(find.getMethod()).isEqualTo("GET");
            assertThat(xrpc(find)).isEqualTo("/xrpc/chat.bsky.convo.getConvoForMembers");
            assertThat(find.getRequestUrl().queryParameterValues("members")).containsExactly(BOB);
            assertThat(find.getHeader("atproto-proxy")).isEqualTo("did:web:api.bsky.chat#bsky_chat");
            assertThat(find.getHeader("Authorization")).isEqualTo("Bearer acc-1");
            RecordedRequest send = take();
            assertThat(send.getMethod()).isEqualTo("POST");
            assertThat(xrpc(send)).isEqualTo("/xrpc/chat.bsky.convo.sendMessage");
            assertThat(send.getHeader("atproto-proxy")).isEqualTo("did:web:api.bsky.chat#bsky_chat");
            assertThat(body(send)).isEqualTo(JSON.readTree("{\"convoId\":\"convo-1\",\"message\":{\"text\":\"Your parcel left today\"}}"));
            assertThat(progress.values).containsEntry("chat.convo", "convo-1").containsKey("chat.sent-at");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void anAppPasswordWithoutChatAccessSaysHowToFixIt() {
            server.enqueue(json(400, "{\"error\":\"InvalidToken\",\"message\":\"Bad token scope\"}"));

            Outcome outcome = channel.publish(account, dm("hi"), new Recorded());

            assertThat(outcome).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) outcome).code()).isEqualTo("direct-not-allowed");
            assertThat(((Outcome.Failed) outcome).reason()).contains("Allow access to your direct messages");
        }

        @Test
        void aPersonWhoOnlyTakesMessagesFromPeopleTheyFollowIsAClearRefusal() {
            server.enqueue(json(400, "{\"error\":\"InvalidRequest\",\"message\":\"recipient requires incoming messages to come from someone they follow\"}"));

            Outcome outcome = channel.publish(account, dm("hi"), new Recorded());

            assertThat(((Outcome.Failed) outcome).code()).isEqualTo("direct-refused");
            assertThat(((Outcome.Failed) outcome).reason()).contains("someone they follow");
        }

        @Test
        void aLostAnswerIsSettledFromTheConversationsMessages() throws Exception {
            server.enqueue(json(200, "{\"messages\":[{\"id\":\"msg-8\",\"rev\":\"1\",\"text\":\"Your parcel left today\",\"sender\":{\"did\":\""
                    + BOB + "\"},\"sentAt\":\"2025-03-01T12:00:01.000Z\"},{\"id\":\"msg-9\",\"rev\":\"2\",\"text\":\"Your parcel left today\","
                    + "\"sender\":{\"did\":\"" + DID + "\"},\"sentAt\":\"2025-03-01T12:00:02.000Z\"}]}"));
            Delivery attempted = dm("Your parcel left today").withProgress(Map.of(Delivery.DIRECT_TO, BOB, "chat.convo", "convo-1",
                    "chat.sent-at", "2025-03-01T12:00:00Z"));

            assertThat(channel.settle(account, attempted)).isEqualTo(new Outcome.Sent(RemotePost.of("msg-9", null)));
            RecordedRequest read = take();
            assertThat(xrpc(read)).isEqualTo("/xrpc/chat.bsky.convo.getMessages");
            assertThat(read.getRequestUrl().queryParameter("convoId")).isEqualTo("convo-1");
            assertThat(read.getHeader("atproto-proxy")).isEqualTo("did:web:api.bsky.chat#bsky_chat");
            assertThat(channel.settle(account, dm("x"))).isInstanceOf(Outcome.RetryLater.class);
        }
    }

    @Nested
    class Publish {
        @Test
        void textWithMentionLinkAndTagFacetsAtUtf8ByteOffsets() throws Exception {
            String text = "Hi 👨‍👩‍👧 @bob.test and @ghost.test: https://example.com/a?x=1 #launch";
            server.enqueue(json(200, "{\"did\":\"did:plc:bob\"}"));
            server.enqueue(json(400, "{\"error\":\"InvalidRequest\",\"message\":\"Unable to resolve handle\"}"));
            server.enqueue(created("3lbxyz2222222"));
            Recorded progress = new Recorded();

            Outcome outcome = channel.publish(account, new Delivery("post-1/alice/0", text, List.of(), null, null, "en", Map.of()), progress);

            RecordedRequest resolveBob = take();
            assertThat(resolveBob.getMethod()).isEqualTo("GET");
            assertThat(xrpc(resolveBob)).isEqualTo("/xrpc/com.atproto.identity.resolveHandle");
            assertThat(resolveBob.getRequestUrl().queryParameter("handle")).isEqualTo("bob.test");
            assertThat(take().getRequestUrl().queryParameter("handle")).isEqualTo("ghost.test");
            RecordedRequest create = take();
            assertThat(create.getMethod()).isEqualTo("POST");
            assertThat(xrpc(create)).isEqualTo("/xrpc/com.atproto.repo.createRecord");
            assertThat(create.getHeader("Authorization")).isEqualTo("Bearer acc-1");
            assertThat(create.getHeader("Content-Type")).isEqualTo("application/json");
            JsonNode sent = body(create);
            String rkey = progress.values.get("rkey");
            assertThat(AtprotoSyntax.isTid(rkey)).isTrue();
            assertThat(sent.path("repo").asText()).isEqualTo(DID);
            assertThat(sent.path("collection").asText()).isEqualTo("app.bsky.feed.post");
            assertThat(sent.path("rkey").asText()).isEqualTo(rkey);
            // "Hi " is 3 bytes and the family emoji 18, so @bob.test starts at byte 22; the unknown @ghost.test stays plain text.
            assertThat(sent.path("record")).isEqualTo(JSON.readTree("""
                    {"$type":"app.bsky.feed.post","text":"Hi 👨‍👩‍👧 @bob.test and @ghost.test: https://example.com/a?x=1 #launch",
                     "createdAt":"2025-03-01T12:00:00.000Z","langs":["en"],
                     "facets":[
                       {"index":{"byteStart":22,"byteEnd":31},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:bob"}]},
                       {"index":{"byteStart":49,"byteEnd":74},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/a?x=1"}]},
                       {"index":{"byteStart":75,"byteEnd":82},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"launch"}]}]}
                    """));
            assertValidPost(sent.path("record"));
            assertThat(outcome).isEqualTo(new Outcome.Sent(new RemotePost("at://did:plc:alice/app.bsky.feed.post/3lbxyz2222222",
                    "https://bsky.app/profile/alice.test/post/3lbxyz2222222", CID)));
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void aReplyCarriesRootAndParentStrongRefs() throws Exception {
            RemotePost root = new RemotePost("at://did:plc:carol/app.bsky.feed.post/3lbroot222222", null, "bafyreiroot2222222222222222");
            RemotePost parent = new RemotePost("at://did:plc:dave/app.bsky.feed.post/3lbparent2222", null, "bafyreiparent22222222222222");
            server.enqueue(created("3lbreply22222"));
            server.enqueue(created("3lbfirst22222"));

            channel.publish(account, Delivery.text("k1", "Thanks!").replyingTo(parent, root), new Recorded());
            channel.publish(account, Delivery.text("k2", "Second part").replyingTo(parent, null), new Recorded());

            JsonNode deep = body(take()).path("record");
            assertThat(deep.path("reply")).isEqualTo(JSON.readTree("""
                    {"root":{"uri":"at://did:plc:carol/app.bsky.feed.post/3lbroot222222","cid":"bafyreiroot2222222222222222"},
                     "parent":{"uri":"at://did:plc:dave/app.bsky.feed.post/3lbparent2222","cid":"bafyreiparent22222222222222"}}"""));
            assertValidPost(deep);
            JsonNode first = body(take()).path("record");
            assertThat(first.path("reply").path("root")).isEqualTo(first.path("reply").path("parent"));
            assertValidPost(first);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void aReplyTargetKnownByItsUriOnlyHasItsCidLookedUpInTheAppViewBeforeTheReplyIsCreated() throws Exception {
            // The inbox answers a post it imported, which it knows by its URI: Bluesky needs its content id too.
            String uri = "at://did:plc:dave/app.bsky.feed.post/3lbparent2222";
            server.enqueue(json(200, "{\"posts\":[{\"uri\":\"" + uri + "\",\"cid\":\"bafyreiparent22222222222222\","
                    + "\"author\":{\"did\":\"did:plc:dave\",\"handle\":\"dave.test\"},\"record\":{},\"indexedAt\":\"2026-11-22T10:00:00Z\"}]}"));
            server.enqueue(created("3lbreply33333"));

            Outcome outcome = channel.publish(account, Delivery.text("k", "We are on it").replyingTo(RemotePost.of(uri, null), null), new Recorded());

            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            RecordedRequest lookup = take();
            assertThat(lookup.getRequestUrl().encodedPath()).endsWith("/xrpc/app.bsky.feed.getPosts");
            assertThat(lookup.getRequestUrl().queryParameter("uris")).isEqualTo(uri);
            JsonNode reply = body(take()).path("record").path("reply");
            assertThat(reply.path("parent").path("cid").asText()).isEqualTo("bafyreiparent22222222222222");
            assertThat(reply.path("root")).isEqualTo(reply.path("parent"));
        }

        @Test
        void aReplyTargetTheAppViewDoesNotShowFailsBeforeAnythingIsCreated() {
            server.enqueue(json(200, "{\"posts\":[]}"));
            RemotePost parent = RemotePost.of("at://did:plc:dave/app.bsky.feed.post/3lbgone222222", null);

            Outcome outcome = channel.publish(account, Delivery.text("k", "hi").replyingTo(parent, null), new Recorded());

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("bad-reply-target");
                assertThat(f.reason()).contains("may have been deleted");
            });
            assertThat(server.getRequestCount()).as("the lookup only").isEqualTo(1);
        }

        @Test
        void eachImageIsUploadedOnceWithItsContentTypeThenEmbeddedWithItsAltText() throws Exception {
            byte[] png = BlueskyFixtures.png(3, 2);
            Attachment image = new Attachment("image/png", png.length, "A small chart", () -> new java.io.ByteArrayInputStream(png), null, 3, 2);
            String blob = "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + BLOB_CID + "\"},\"mimeType\":\"image/png\",\"size\":" + png.length + "}";
            server.enqueue(json(200, "{\"blob\":" + blob + "}"));
            server.enqueue(created("3lbimage22222"));
            Recorded progress = new Recorded();

            Outcome outcome = channel.publish(account, Delivery.text("k", "Look").withMedia(List.of(image)), progress);

            RecordedRequest upload = take();
            assertThat(upload.getMethod()).isEqualTo("POST");
            assertThat(xrpc(upload)).isEqualTo("/xrpc/com.atproto.repo.uploadBlob");
            assertThat(upload.getHeader("Content-Type")).isEqualTo("image/png");
            assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer acc-1");
            assertThat(upload.getBody().readByteArray()).isEqualTo(png);
            assertThat(progress.values).containsKey("blob.0");
            JsonNode record = body(take()).path("record");
            assertThat(record.path("embed")).isEqualTo(JSON.readTree("{\"$type\":\"app.bsky.embed.images\",\"images\":[{\"alt\":\"A small chart\","
                    + "\"image\":" + blob + ",\"aspectRatio\":{\"width\":3,\"height\":2}}]}"));
            assertValidPost(record);
            assertThat(outcome).isInstanceOf(Outcome.Sent.class);

            // A second attempt (the first one's answer was lost, say) does not upload again.
            server.enqueue(created("3lbimage22222"));
            channel.publish(account, Delivery.text("k", "Look").withMedia(List.of(image)).withProgress(progress.values), new Recorded());
            RecordedRequest retry = take();
            assertThat(xrpc(retry)).isEqualTo("/xrpc/com.atproto.repo.createRecord");
            JsonNode retried = body(retry);
            assertThat(retried.path("record").path("embed")).isEqualTo(record.path("embed"));
            assertThat(retried.path("rkey").asText()).isEqualTo(progress.values.get("rkey"));
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void fiveImagesOrAnImageOverTwoMillionBytesFailBeforeAnyRequest() {
            Attachment small = Attachment.of("image/png", BlueskyFixtures.png(1, 1), "x");
            Outcome five = channel.publish(account, Delivery.text("k", "many").withMedia(Collections.nCopies(5, small)), new Recorded());
            assertThat(five).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("too-many-images");
                assertThat(f.reason()).contains("at most 4 images");
            });
            Attachment big = new Attachment("image/jpeg", 2_000_001, "", () -> new java.io.ByteArrayInputStream(new byte[2_000_001]), null, null, null);
            Outcome large = channel.publish(account, Delivery.text("k", "big").withMedia(List.of(big)), new Recorded());
            assertThat(large).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("image-too-large");
                assertThat(f.reason()).contains("2,000,001").contains("2,000,000");
            });
            Attachment lying = new Attachment("image/jpeg", 10, "", () -> new java.io.ByteArrayInputStream(new byte[2_000_001]), null, null, null);
            assertThat(channel.publish(account, Delivery.text("k", "big").withMedia(List.of(lying)), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("image-too-large"));
            Attachment video = Attachment.of("video/mp4", new byte[10], "");
            assertThat(channel.publish(account, Delivery.text("k", "film").withMedia(List.of(video)), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("media-not-supported"));
            assertThat(channel.publish(account, Delivery.text("k", "x".repeat(301)), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("text-too-long"));
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void theRecordKeyIsRecordedBeforeTheCreateRequestArrives() throws Exception {
            Recorded progress = new Recorded();
            List<String> recordedOnArrival = new CopyOnWriteArrayList<>();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    recordedOnArrival.add(String.valueOf(progress.values.get("rkey")));
                    return created("3lbwhatever22");
                }
            });

            channel.publish(account, Delivery.text("k", "hello"), progress);

            RecordedRequest create = take();
            assertThat(recordedOnArrival).hasSize(1);
            assertThat(recordedOnArrival.get(0)).isEqualTo(body(create).path("rkey").asText()).matches("[2-7a-j][2-7a-z]{12}");
        }

        @Test
        void aRetriedDeliveryReusesItsRecordKeyAndRecordsNothingNew() throws Exception {
            server.enqueue(created("3lbkeptkey222"));
            Recorded progress = new Recorded();
            channel.publish(account, Delivery.text("k", "hello").withProgress(Map.of("rkey", "3lbkeptkey222")), progress);
            assertThat(body(take()).path("rkey").asText()).isEqualTo("3lbkeptkey222");
            assertThat(progress.values).isEmpty();
        }

        @Test
        void whenProgressCannotBeStoredNothingIsSent() {
            Outcome outcome = channel.publish(account, Delivery.text("k", "hello"), (name, value) -> {
                throw new IllegalStateException("database down");
            });
            assertThat(outcome).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void anExpiredImageBlobIsForgottenSoTheNextAttemptUploadsAgain() throws Exception {
            String blob = "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + BLOB_CID + "\"},\"mimeType\":\"image/png\",\"size\":3}";
            server.enqueue(json(400, "{\"error\":\"BlobNotFound\",\"message\":\"Could not find blob: " + BLOB_CID + "\"}"));
            Recorded progress = new Recorded();
            Outcome outcome = channel.publish(account, Delivery.text("k", "img").withMedia(List.of(Attachment.of("image/png", new byte[3], "")))
                    .withProgress(Map.of("rkey", "3lbkeptkey222", "blob.0", blob)), progress);
            assertThat(outcome).isInstanceOf(Outcome.RetryLater.class);
            assertThat(progress.values).containsEntry("blob.0", "");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void deletesByTheRecordKeyOfTheAtUri() throws Exception {
            server.enqueue(json(200, "{\"commit\":{\"cid\":\"" + CID + "\",\"rev\":\"3lbrev2222222\"}}"));
            RemotePost post = new RemotePost("at://did:plc:alice/app.bsky.feed.post/3lbgone222222", null, CID);
            assertThat(channel.delete(account, post)).isEqualTo(new Outcome.Sent(post));
            RecordedRequest request = take();
            assertThat(xrpc(request)).isEqualTo("/xrpc/com.atproto.repo.deleteRecord");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer acc-1");
            assertThat(body(request)).isEqualTo(JSON.readTree(
                    "{\"repo\":\"did:plc:alice\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3lbgone222222\"}"));
            assertThat(channel.delete(account, RemotePost.of("https://bsky.app/x", null)))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("bad-id"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Sessions {
        @Test
        void anExpiredTokenIsRefreshedStoredThenTheCallIsSentOnceMore() throws Exception {
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));
            server.enqueue(json(200, "{\"accessJwt\":\"acc-2\",\"refreshJwt\":\"ref-2\",\"handle\":\"alice.test\",\"did\":\"did:plc:alice\"}"));
            server.enqueue(created("3lbrefresh222"));

            Outcome outcome = channel.publish(account, Delivery.text("k", "after a while"), new Recorded());

            RecordedRequest first = take();
            assertThat(first.getHeader("Authorization")).isEqualTo("Bearer acc-1");
            RecordedRequest refresh = take();
            assertThat(refresh.getMethod()).isEqualTo("POST");
            assertThat(xrpc(refresh)).isEqualTo("/xrpc/com.atproto.server.refreshSession");
            assertThat(refresh.getHeader("Authorization")).isEqualTo("Bearer ref-1");
            assertThat(refresh.getBodySize()).isZero();
            RecordedRequest again = take();
            assertThat(again.getHeader("Authorization")).isEqualTo("Bearer acc-2");
            assertThat(rotated).hasSize(1);
            assertThat(rotated.get(0).accessToken()).isEqualTo("acc-2");
            assertThat(rotated.get(0).refreshToken()).isEqualTo("ref-2");
            assertThat(rotated.get(0).extra()).containsEntry("did", DID).containsEntry("pds", pds);
            assertThat(requestsWhenRotated).containsExactly(2); // stored before the second attempt was sent
            assertThat(outcome).isInstanceOf(Outcome.Sent.class);
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void bothAttemptsSendTheSameRecord() throws Exception {
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));
            server.enqueue(json(200, "{\"accessJwt\":\"acc-2\",\"refreshJwt\":\"ref-2\"}"));
            server.enqueue(created("3lbrefresh222"));
            channel.publish(account, Delivery.text("k", "same"), new Recorded());
            JsonNode first = body(take());
            take();
            assertThat(body(take())).isEqualTo(first);
        }

        @Test
        void aCallerStillHoldingTheOldPairUsesTheRefreshedSession() throws Exception {
            server.enqueue(json(401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid token\"}"));
            server.enqueue(json(200, "{\"accessJwt\":\"acc-2\",\"refreshJwt\":\"ref-2\"}"));
            server.enqueue(json(200, "{\"did\":\"did:plc:alice\",\"handle\":\"alice.test\"}"));
            server.enqueue(created("3lbnext222222"));

            assertThat(channel.check(account).usable()).isTrue();
            channel.publish(account /* still acc-1 / ref-1 */, Delivery.text("k", "next"), new Recorded());

            take();
            take();
            take();
            assertThat(take().getHeader("Authorization")).isEqualTo("Bearer acc-2");
            assertThat(server.getRequestCount()).isEqualTo(4);
            assertThat(rotated).hasSize(1);

            // Reconnected with a new app password: the caller's new pair wins over the cached one.
            server.enqueue(created("3lbnew2222222"));
            channel.publish(account("acc-9", "ref-9"), Delivery.text("k2", "fresh"), new Recorded());
            assertThat(take().getHeader("Authorization")).isEqualTo("Bearer acc-9");
        }

        @Test
        void aRevokedSessionFailsWithAReconnectSentenceAndNothingIsStored() throws Exception {
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}"));
            Outcome expired = channel.publish(account, Delivery.text("k", "x"), new Recorded());
            assertThat(expired).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("session-expired");
                assertThat(f.reason()).contains("reconnect").contains("@alice.test").doesNotContain("ref-1", "acc-1");
            });

            server.enqueue(json(400, "{\"error\":\"InvalidToken\",\"message\":\"Bad token\"}"));
            server.enqueue(json(401, "{\"error\":\"AuthenticationRequired\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("session-revoked"));

            server.enqueue(json(400, "{\"error\":\"ExpiredToken\"}"));
            server.enqueue(json(400, "{\"error\":\"AccountTakedown\",\"message\":\"Account has been taken down\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                        assertThat(f.code()).isEqualTo("account-taken-down");
                        assertThat(f.reason()).contains("reconnect");
                    });
            assertThat(rotated).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(6);
        }

        @Test
        void aDeactivatedAccountIsNotASessionProblemSoNothingIsRenewed() {
            server.enqueue(json(401, "{\"error\":\"AccountDeactivated\",\"message\":\"Account is deactivated\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                        assertThat(f.code()).isEqualTo("account-deactivated");
                        assertThat(f.reason()).contains("reactivate");
                    });
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(rotated).isEmpty();
        }

        @Test
        void aSessionRefusedAgainAfterRefreshIsFinalNotALoop() {
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\"}"));
            server.enqueue(json(200, "{\"accessJwt\":\"acc-2\",\"refreshJwt\":\"ref-2\"}"));
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("session-revoked"));
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void whenTheRenewedSessionCannotBeStoredItIsNotUsed() {
            BlueskyChannel failingSink = new BlueskyChannel(new HttpCalls(AddressPolicy.ANY), rateLimits, (id, fresh) -> {
                throw new IllegalStateException("store down");
            }, clock, URI.create(pds));
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\"}"));
            server.enqueue(json(200, "{\"accessJwt\":\"acc-2\",\"refreshJwt\":\"ref-2\"}"));
            assertThat(failingSink.publish(account, Delivery.text("k", "x"), new Recorded())).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void theHealthCheckNamesTheAccountOrSaysTheSessionIsGone() throws Exception {
            server.enqueue(json(200, "{\"did\":\"did:plc:alice\",\"handle\":\"alice.test\",\"active\":true}"));
            AccountHealth ok = channel.check(account);
            assertThat(ok.usable()).isTrue();
            assertThat(ok.remoteId()).isEqualTo(DID);
            assertThat(ok.handle()).isEqualTo("alice.test");
            RecordedRequest request = take();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(xrpc(request)).isEqualTo("/xrpc/com.atproto.server.getSession");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer acc-1");

            server.enqueue(json(400, "{\"error\":\"ExpiredToken\"}"));
            server.enqueue(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}"));
            assertThat(channel.check(account).problem()).isEqualTo("expired");
            server.enqueue(json(400, "{\"error\":\"InvalidToken\"}"));
            server.enqueue(json(400, "{\"error\":\"InvalidToken\"}"));
            assertThat(channel.check(account).problem()).isEqualTo("revoked");
            server.enqueue(json(200, "{\"did\":\"did:plc:alice\",\"handle\":\"alice.test\",\"active\":false,\"status\":\"deactivated\"}"));
            assertThat(channel.check(account)).satisfies(h -> {
                assertThat(h.problem()).isEqualTo("revoked");
                assertThat(h.detail()).contains("deactivated");
            });
            server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
            assertThat(channel.check(account).problem()).isEqualTo("unreachable");
            assertThat(server.getRequestCount()).isEqualTo(7);
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Failures {
        @Test
        void aRateLimitWithAnEpochResetRetriesAtThatInstantAndHoldsTheAccount() throws Exception {
            Instant reset = NOW.plusSeconds(900);
            server.enqueue(json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                    .setHeader("RateLimit-Limit", "5000").setHeader("RateLimit-Remaining", "0")
                    .setHeader("RateLimit-Reset", String.valueOf(reset.getEpochSecond())).setHeader("RateLimit-Policy", "5000;w=3600"));
            Outcome outcome = channel.publish(account, Delivery.text("k", "x"), new Recorded());
            assertThat(outcome).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(reset));
            assertThat(channel.nextAllowedAt(account)).isEqualTo(reset);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void retryAfterWinsOverTheReset() {
            server.enqueue(json(429, "{\"error\":\"RateLimitExceeded\"}").setHeader("Retry-After", "120")
                    .setHeader("RateLimit-Reset", String.valueOf(NOW.plusSeconds(900).getEpochSecond())));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(120)));
        }

        @Test
        void aSpentBudgetOnASuccessMovesNextAllowedAt() {
            Instant reset = NOW.plusSeconds(600);
            server.enqueue(created("3lbspent22222").setHeader("RateLimit-Remaining", "0").setHeader("RateLimit-Reset", String.valueOf(reset.getEpochSecond())));
            assertThat(channel.nextAllowedAt(account)).isEqualTo(NOW);
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded())).isInstanceOf(Outcome.Sent.class);
            assertThat(channel.nextAllowedAt(account)).isEqualTo(reset);
        }

        @Test
        void aServerErrorAfterTheCreateIsUnknownWhileUnavailableIsRetryLater() {
            server.enqueue(json(500, "{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded())).isInstanceOf(Outcome.Unknown.class);
            server.enqueue(new MockResponse().setResponseCode(503).setBody("<html><h1>503 Service Temporarily Unavailable</h1></html>"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded())).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void aFourHundredWithAnHtmlPageIsARejectionWithAReadableReason() {
            server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "text/html")
                    .setBody("<html><body><h1>Bad request</h1><script>alert(1)</script></body></html>"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.reason()).contains("Bad request").doesNotContain("<h1>"));
        }

        @Test
        void aLexiconRejectionNamesTheServersMessage() {
            server.enqueue(json(400, "{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                        assertThat(f.code()).isEqualTo("rejected");
                        assertThat(f.reason()).contains("300 graphemes");
                    });
        }

        @Test
        void aServerThatEchoesTheTokenDoesNotLeakItIntoTheReason() {
            server.enqueue(json(400, "{\"error\":\"InvalidRequest\",\"message\":\"bad header Bearer acc-1\"}"));
            assertThat(channel.publish(account, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.reason()).doesNotContain("acc-1").contains("***"));
        }

        @Test
        void aConnectionDroppedAfterTheCreateIsUnknownThenSettledAsSent() throws Exception {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            Recorded progress = new Recorded();
            Delivery delivery = Delivery.text("k", "did it arrive?");

            Outcome outcome = channel.publish(account, delivery, progress);

            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            String rkey = body(take()).path("rkey").asText();
            assertThat(progress.values).containsEntry("rkey", rkey);
            assertThat(server.getRequestCount()).isEqualTo(1); // never sent twice on its own

            server.enqueue(json(200, "{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/" + rkey + "\",\"cid\":\"" + CID
                    + "\",\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"did it arrive?\",\"createdAt\":\"2025-03-01T12:00:00.000Z\"}}"));
            Outcome settled = channel.settle(account, delivery.withProgress(progress.values));

            RecordedRequest lookup = take();
            assertThat(lookup.getMethod()).isEqualTo("GET");
            assertThat(xrpc(lookup)).isEqualTo("/xrpc/com.atproto.repo.getRecord");
            HttpUrl url = lookup.getRequestUrl();
            assertThat(url.queryParameter("repo")).isEqualTo(DID);
            assertThat(url.queryParameter("collection")).isEqualTo("app.bsky.feed.post");
            assertThat(url.queryParameter("rkey")).isEqualTo(rkey);
            assertThat(settled).isEqualTo(new Outcome.Sent(new RemotePost("at://did:plc:alice/app.bsky.feed.post/" + rkey,
                    "https://bsky.app/profile/alice.test/post/" + rkey, CID)));
        }

        @Test
        void settleSaysSendAgainWhenTheRecordIsNotThereAndUnknownWhenItCannotAsk() throws IOException {
            Delivery sent = Delivery.text("k", "x").withProgress(Map.of("rkey", "3lbmissing222"));
            server.enqueue(json(400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record: at://did:plc:alice/app.bsky.feed.post/3lbmissing222\"}"));
            assertThat(channel.settle(account, sent)).isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.notBefore()).isEqualTo(NOW));

            assertThat(channel.settle(account, Delivery.text("k", "never tried")))
                    .isInstanceOfSatisfying(Outcome.RetryLater.class, r -> assertThat(r.reason()).contains("nothing was sent"));

            server.enqueue(json(200, "{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3lbmissing222\",\"cid\":\"" + CID
                    + "\",\"value\":{\"text\":\"someone else's\"}}"));
            assertThat(channel.settle(account, sent)).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("record-key-taken"));

            server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));
            assertThat(channel.settle(account, sent)).isInstanceOf(Outcome.Unknown.class);
            assertThat(server.getRequestCount()).isEqualTo(3);

            server.shutdown();
            assertThat(channel.settle(account, sent)).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void truncatedHtmlHugeOrMistypedAnswersToTheCreateAreUnknownNeverAnException() {
            server.enqueue(json(200, "{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3lbcut"));
            server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html>Just a moment...</html>"));
            server.enqueue(json(200, "{\"uri\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
            server.enqueue(json(200, "{\"uri\":42,\"cid\":[]}"));
            server.enqueue(json(200, "[]"));
            for (int i = 0; i < 5; i++) {
                assertThat(channel.publish(account, Delivery.text("k" + i, "x"), new Recorded())).as("answer %d", i).isInstanceOf(Outcome.Unknown.class);
            }
            assertThat(server.getRequestCount()).isEqualTo(5);
        }

        @Test
        void aMalformedUploadAnswerFailsBeforeThePostIsCreated() {
            server.enqueue(json(200, "{\"blob\":{\"ref\":\"nope\"}}"));
            assertThat(channel.publish(account, Delivery.text("k", "x").withMedia(List.of(Attachment.of("image/png", new byte[3], ""))), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.code()).isEqualTo("malformed-answer"));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            // A lost upload answer creates no post: uploading again later is harmless.
            assertThat(channel.publish(account, Delivery.text("k", "x").withMedia(List.of(Attachment.of("image/png", new byte[3], ""))), new Recorded()))
                    .isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void anUnreachableHandleResolverStopsThePublicationInsteadOfDroppingTheMention() {
            server.enqueue(new MockResponse().setResponseCode(503));
            assertThat(channel.publish(account, Delivery.text("k", "hi @bob.test"), new Recorded())).isInstanceOf(Outcome.RetryLater.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void anAccountWithoutDidFailsWithAReconnectSentence() {
            ChannelAccount noDid = new ChannelAccount(8, Network.BLUESKY, "bob.test", URI.create(pds), null, Credentials.bearer("t"));
            assertThat(channel.publish(noDid, Delivery.text("k", "x"), new Recorded()))
                    .isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.reason()).contains("reconnect"));
            assertThat(server.getRequestCount()).isZero();
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Import {
        static final String MARK_URI = "at://did:plc:carol/app.bsky.feed.post/3lbmark222222";

        ObjectNode notification(String rkey, String author, String reason, String indexedAt, String parent) {
            ObjectNode n = JSON.createObjectNode();
            n.put("uri", "at://did:plc:" + author + "/app.bsky.feed.post/" + rkey);
            n.put("cid", CID);
            ObjectNode a = n.putObject("author");
            a.put("did", "did:plc:" + author).put("handle", author + ".test").put("displayName", author.toUpperCase());
            n.put("reason", reason);
            ObjectNode record = n.putObject("record");
            record.put("$type", "app.bsky.feed.post").put("text", "@alice.test " + rkey).put("createdAt", indexedAt).putArray("langs").add("en");
            if (parent != null) {
                ObjectNode reply = record.putObject("reply");
                reply.putObject("root").put("uri", "at://did:plc:alice/app.bsky.feed.post/3lbroot222222").put("cid", CID);
                reply.putObject("parent").put("uri", parent).put("cid", CID);
            }
            n.put("isRead", false);
            n.put("indexedAt", indexedAt);
            return n;
        }

        MockResponse page(String cursor, ObjectNode... items) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("notifications");
            for (ObjectNode item : items) {
                list.add(item);
            }
            if (cursor != null) {
                body.put("cursor", cursor);
            }
            return json(200, body.toString());
        }

        List<MockResponse> threePages() {
            return List.of(
                    page("c1", notification("3lbn92222222a", "dave", "mention", "2025-03-01T11:50:00.000Z", null),
                            notification("3lbn82222222a", "alice", "mention", "2025-03-01T11:40:00.000Z", null),
                            notification("3lbn72222222a", "erin", "quote", "2025-03-01T11:30:00.000Z", null)),
                    page("c2", notification("3lbn62222222a", "dave", "mention", "2025-03-01T11:20:00.000Z", null),
                            notification("3lbn52222222a", "frank", "mention", "2025-03-01T11:10:00.000Z", null),
                            notification("3lbn42222222a", "gina", "mention", "2025-03-01T11:00:00.000Z", null)),
                    page("c3", notification("3lbn32222222a", "hugo", "mention", "2025-03-01T10:30:00.000Z", null),
                            notification("3lbn2b222222a", "ivan", "mention", "2025-03-01T10:00:00.000Z", null),
                            notification("3lbmark222222", "carol", "mention", "2025-03-01T10:00:00.000Z", null),
                            notification("3lbn12222222a", "jack", "mention", "2025-03-01T09:00:00.000Z", null)));
        }

        @Test
        void pagesBackwardsToTheMarkThenHandsItemsOverOldestFirstWithoutOwnPosts() throws Exception {
            threePages().forEach(server::enqueue);
            String mark = "2025-03-01T10:00:00Z " + MARK_URI;

            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, mark);

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly(
                    "at://did:plc:ivan/app.bsky.feed.post/3lbn2b222222a", "at://did:plc:hugo/app.bsky.feed.post/3lbn32222222a",
                    "at://did:plc:gina/app.bsky.feed.post/3lbn42222222a", "at://did:plc:frank/app.bsky.feed.post/3lbn52222222a",
                    "at://did:plc:dave/app.bsky.feed.post/3lbn62222222a", "at://did:plc:erin/app.bsky.feed.post/3lbn72222222a",
                    "at://did:plc:dave/app.bsky.feed.post/3lbn92222222a");
            assertThat(batch.cursor()).isEqualTo("2025-03-01T11:50:00Z at://did:plc:dave/app.bsky.feed.post/3lbn92222222a");
            assertThat(batch.more()).isFalse();
            List<String> cursors = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RecordedRequest request = take();
                assertThat(request.getMethod()).isEqualTo("GET");
                assertThat(xrpc(request)).isEqualTo("/xrpc/app.bsky.notification.listNotifications");
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer acc-1");
                assertThat(request.getRequestUrl().queryParameterValues("reasons")).containsExactly("mention", "quote");
                assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("100");
                cursors.add(request.getRequestUrl().queryParameter("cursor"));
            }
            assertThat(cursors).containsExactly(null, "c1", "c2");
            assertThat(server.getRequestCount()).isEqualTo(3); // stopped at the mark: no fourth page

            Inbound quote = batch.items().get(5);
            assertThat(quote.kind()).isEqualTo("quote");
            assertThat(quote.network()).isEqualTo(Network.BLUESKY);
            assertThat(quote.stream()).isEqualTo(Stream.MENTIONS);
            assertThat(quote.text()).isEqualTo("@alice.test 3lbn72222222a");
            assertThat(quote.createdAt()).isEqualTo(Instant.parse("2025-03-01T11:30:00Z"));
            assertThat(quote.language()).isEqualTo("en");
            assertThat(quote.url()).isEqualTo("https://bsky.app/profile/erin.test/post/3lbn72222222a");
            assertThat(quote.author()).isEqualTo(new Inbound.Author("did:plc:erin", "erin.test", "ERIN", null, "https://bsky.app/profile/erin.test"));
        }

        @Test
        void theCursorOnlyMovesThroughTheReturnedBatch() {
            threePages().forEach(server::enqueue);
            threePages().forEach(server::enqueue);
            String mark = "2025-03-01T10:00:00Z " + MARK_URI;
            ImportBatch first = channel.fetch(account, Stream.MENTIONS, mark);
            // The caller did not store the batch (a crash): the same mark gives the same items again.
            ImportBatch again = channel.fetch(account, Stream.MENTIONS, mark);
            assertThat(again.items()).isEqualTo(first.items());
            assertThat(again.cursor()).isEqualTo(first.cursor());

            server.enqueue(threePages().get(0));
            ImportBatch after = channel.fetch(account, Stream.MENTIONS, first.cursor());
            assertThat(after.items()).isEmpty();
            assertThat(after.cursor()).isEqualTo(first.cursor());
            assertThat(server.getRequestCount()).isEqualTo(7);
        }

        /** A {@code threadViewPost} of {@code app.bsky.feed.defs}: the post view (the notification's fields less reason and isRead) and its parent. */
        ObjectNode threadView(ObjectNode notification, ObjectNode parent) {
            ObjectNode post = notification.deepCopy();
            post.remove("reason");
            post.remove("isRead");
            ObjectNode view = JSON.createObjectNode().put("$type", "app.bsky.feed.defs#threadViewPost");
            view.set("post", post);
            if (parent != null) view.set("parent", parent);
            return view;
        }

        @Test
        void ancestorsComeFromGetPostThreadNearestFirstWithoutOurOwnPostsAndStopAtAPostNotFound() throws Exception {
            String root = "at://did:plc:alice/app.bsky.feed.post/3lbroot222222";
            ObjectNode ours = notification("3lbroot222222", "alice", "mention", "2025-03-01T10:00:00.000Z", null);
            ObjectNode carol = notification("3lbc12222222a", "carol", "reply", "2025-03-01T10:30:00.000Z", root);
            ObjectNode dave = notification("3lbd12222222a", "dave", "reply", "2025-03-01T10:40:00.000Z", (String) carol.path("uri").asText());
            ObjectNode bob = notification("3lbr12222222a", "bob", "reply", "2025-03-01T11:00:00.000Z", dave.path("uri").asText());
            ObjectNode notFound = JSON.createObjectNode().put("$type", "app.bsky.feed.defs#notFoundPost").put("uri", "at://did:plc:x/app.bsky.feed.post/gone")
                    .put("notFound", true);
            ObjectNode thread = threadView(bob, threadView(dave, threadView(carol, threadView(ours, notFound))));
            server.enqueue(json(200, JSON.createObjectNode().set("thread", thread).toString()));
            Inbound reply = new Inbound(Network.BLUESKY, Stream.REPLIES, bob.path("uri").asText(), "reply", "hi", NOW,
                    new Inbound.Author("did:plc:bob", "bob.test", null, null, null), null, dave.path("uri").asText(), root, null);

            List<Inbound> ancestors = channel.ancestors(account, reply, 5);

            assertThat(ancestors).extracting(Inbound::externalId).containsExactly(dave.path("uri").asText(), carol.path("uri").asText());
            assertThat(ancestors.get(0).parentId()).isEqualTo(carol.path("uri").asText());
            assertThat(ancestors.get(0).rootId()).isEqualTo(root);
            assertThat(ancestors.get(0).author().handle()).isEqualTo("dave.test");
            assertThat(ancestors.get(0).stream()).isEqualTo(Stream.REPLIES);
            RecordedRequest request = server.takeRequest();
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/xrpc/app.bsky.feed.getPostThread");
            assertThat(request.getRequestUrl().queryParameter("uri")).isEqualTo(bob.path("uri").asText());
            assertThat(request.getRequestUrl().queryParameter("depth")).isEqualTo("0");
            assertThat(request.getRequestUrl().queryParameter("parentHeight")).isEqualTo("5");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer acc-1");

            // At most max, and nothing when Bluesky fails.
            server.enqueue(json(200, JSON.createObjectNode().set("thread", thread).toString()));
            assertThat(channel.ancestors(account, reply, 1)).extracting(Inbound::externalId).containsExactly(dave.path("uri").asText());
            server.enqueue(json(400, "{\"error\":\"NotFound\",\"message\":\"Post not found\"}"));
            assertThat(channel.ancestors(account, reply, 5)).isEmpty();
        }

        @Test
        void repliesCarryTheirParentAndRoot() {
            server.enqueue(page(null, notification("3lbr12222222a", "bob", "reply", "2025-03-01T11:00:00.000Z",
                    "at://did:plc:alice/app.bsky.feed.post/3lbparent2222")));
            ImportBatch batch = channel.fetch(account, Stream.REPLIES, "2025-03-01T10:00:00Z");
            assertThat(batch.items()).singleElement().satisfies(item -> {
                assertThat(item.parentId()).isEqualTo("at://did:plc:alice/app.bsky.feed.post/3lbparent2222");
                assertThat(item.rootId()).isEqualTo("at://did:plc:alice/app.bsky.feed.post/3lbroot222222");
                assertThat(item.stream()).isEqualTo(Stream.REPLIES);
            });
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void theFirstImportStartsFromNow() throws Exception {
            server.enqueue(page("c1", notification("3lbn92222222a", "dave", "mention", "2025-03-01T11:50:00.000Z", null)));
            ImportBatch first = channel.fetch(account, Stream.MENTIONS, null);
            assertThat(first.items()).isEmpty();
            assertThat(first.cursor()).isEqualTo("2025-03-01T11:50:00Z at://did:plc:dave/app.bsky.feed.post/3lbn92222222a");
            assertThat(take().getRequestUrl().queryParameter("cursor")).isNull();

            server.enqueue(page(null));
            ImportBatch empty = channel.fetch(account, Stream.MENTIONS, null);
            assertThat(empty.cursor()).isEqualTo("1970-01-01T00:00:00Z");
            assertThat(server.getRequestCount()).isEqualTo(2); // one page each: nothing older is wanted
        }

        @Test
        void pagingIsBoundedToFiftyPages() {
            AtomicInteger pages = new AtomicInteger();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    int n = pages.incrementAndGet();
                    return page("c" + n, notification("p" + n, "dave", "mention", NOW.minusSeconds(n).toString(), null));
                }
            });
            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "2025-01-01T00:00:00Z");
            assertThat(server.getRequestCount()).isEqualTo(BlueskyChannel.MAX_PAGES);
            assertThat(batch.items()).hasSize(BlueskyChannel.MAX_PAGES);
            assertThat(batch.items().get(0).createdAt()).isBefore(batch.items().get(49).createdAt());
        }

        @Test
        void failuresKeepTheCursorAndSayWhy() {
            String mark = "2025-03-01T10:00:00Z";
            server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>maintenance</html>"));
            server.enqueue(json(200, "{\"notifications\":\"nope\"}"));
            server.enqueue(json(200, "{\"notifications\":[" + "1,".repeat(1_100_000) + "1]}"));
            server.enqueue(json(429, "{\"error\":\"RateLimitExceeded\"}").setHeader("RateLimit-Reset", String.valueOf(NOW.plusSeconds(60).getEpochSecond())));
            server.enqueue(json(502, "{\"error\":\"UpstreamFailure\",\"message\":\"Upstream Failure\"}"));
            for (int i = 0; i < 5; i++) {
                ImportBatch batch = channel.fetch(account, Stream.MENTIONS, mark);
                assertThat(batch.failed()).as("answer %d", i).isTrue();
                assertThat(batch.cursor()).isEqualTo(mark);
                assertThat(batch.problem()).isNotBlank();
                if (i == 3) {
                    assertThat(batch.notBefore()).isEqualTo(NOW.plusSeconds(60));
                }
            }
            assertThat(server.getRequestCount()).isEqualTo(5);
        }

        @Test
        void malformedItemsAreSkippedNotFatal() {
            ObjectNode noAuthor = notification("3lbn52222222a", "frank", "mention", "2025-03-01T11:10:00.000Z", null);
            noAuthor.remove("author");
            ObjectNode badDate = notification("3lbn62222222a", "gina", "mention", "yesterday", null);
            server.enqueue(page(null, noAuthor, badDate, notification("3lbn42222222a", "hugo", "mention", "2025-03-01T11:00:00.000Z", null)));
            ImportBatch batch = channel.fetch(account, Stream.MENTIONS, "2025-03-01T10:00:00Z");
            assertThat(batch.items()).extracting(i -> i.author().handle()).containsExactly("hugo.test");
        }
    }

    /**
     * Importing direct messages from Bluesky's chat service through the PDS. The local Bluesky peer runs no chat service,
     * so the answers here are shaped by the published lexicons (bluesky-social/atproto {@code lexicons/chat/bsky/convo}:
     * {@code getLog} answers {@code {cursor, logs[]}}, {@code defs#logCreateMessage} is {@code {rev, convoId, message}},
     * {@code defs#messageView} is {@code {id, rev, text, sender{did}, sentAt}}, {@code getConvo} answers
     * {@code {convo{id, rev, members[profileViewBasic]}}}); the first, cursor-less call seeds the cursor as the Bluesky
     * app's own message poller does.
     */
    @Nested
    class DirectMessageImport {
        static final String BOB = "did:plc:bob";

        String create(String rev, String convo, String id, String sender, String text, String at) {
            return "{\"$type\":\"chat.bsky.convo.defs#logCreateMessage\",\"rev\":\"" + rev + "\",\"convoId\":\"" + convo
                    + "\",\"message\":{\"$type\":\"chat.bsky.convo.defs#messageView\",\"id\":\"" + id + "\",\"rev\":\"" + rev
                    + "\",\"text\":\"" + text + "\",\"sender\":{\"did\":\"" + sender + "\"},\"sentAt\":\"" + at + "\"}}";
        }

        @Test
        void aPersonsMessagesAreItemsOfTheirConversationOurOwnAreNotAndTheCursorIsTheLastRev() throws Exception {
            assertThat(channel.streams()).contains(Stream.DIRECT_MESSAGES);
            server.enqueue(json(200, "{\"cursor\":\"2225\",\"logs\":["
                    + "{\"$type\":\"chat.bsky.convo.defs#logBeginConvo\",\"rev\":\"2221\",\"convoId\":\"convo-1\"},"
                    + create("2222", "convo-1", "msg-1", BOB, "My order never came", "2025-03-01T12:00:00.000Z") + ","
                    + create("2223", "convo-1", "msg-2", DID, "Sorry! Looking into it", "2025-03-01T12:01:00.000Z") + ","
                    + create("2224", "convo-1", "msg-3", BOB, "Still nothing", "2025-03-01T12:02:00.000Z") + ","
                    + "{\"$type\":\"chat.bsky.convo.defs#logDeleteMessage\",\"rev\":\"2225\",\"convoId\":\"convo-1\",\"message\":"
                    + "{\"$type\":\"chat.bsky.convo.defs#deletedMessageView\",\"id\":\"msg-0\",\"rev\":\"2225\",\"sender\":{\"did\":\"" + BOB
                    + "\"},\"sentAt\":\"2025-03-01T11:00:00.000Z\"}}]}"));
            server.enqueue(json(200, "{\"cursor\":\"2225\",\"logs\":[]}"));
            server.enqueue(json(200, "{\"convo\":{\"id\":\"convo-1\",\"rev\":\"2225\",\"members\":[{\"did\":\"" + DID
                    + "\",\"handle\":\"alice.test\"},{\"did\":\"" + BOB + "\",\"handle\":\"bob.test\",\"displayName\":\"Bob\"}],"
                    + "\"muted\":false,\"unreadCount\":2}}"));

            ImportBatch batch = channel.fetch(account, Stream.DIRECT_MESSAGES, "2220");

            assertThat(batch.failed()).as(batch.problem()).isFalse();
            assertThat(batch.cursor()).isEqualTo("2225");
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("msg-1", "msg-3");
            Inbound first = batch.items().get(0);
            assertThat(first.stream()).isEqualTo(Stream.DIRECT_MESSAGES);
            assertThat(first.text()).isEqualTo("My order never came");
            assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
            assertThat(first.author()).isEqualTo(new Inbound.Author(BOB, "bob.test", "Bob", null, "https://bsky.app/profile/bob.test"));
            assertThat(first.rootId()).isEqualTo("chat:convo-1");
            assertThat(batch.items().get(1).rootId()).isEqualTo("chat:convo-1");
            assertThat(first.url()).isEqualTo("https://bsky.app/messages/convo-1");

            RecordedRequest log = take();
            assertThat(xrpc(log)).isEqualTo("/xrpc/chat.bsky.convo.getLog");
            assertThat(log.getRequestUrl().queryParameter("cursor")).isEqualTo("2220");
            assertThat(log.getHeader("atproto-proxy")).isEqualTo("did:web:api.bsky.chat#bsky_chat");
            assertThat(log.getHeader("Authorization")).isEqualTo("Bearer acc-1");
            RecordedRequest next = take();
            assertThat(xrpc(next)).isEqualTo("/xrpc/chat.bsky.convo.getLog");
            assertThat(next.getRequestUrl().queryParameter("cursor")).isEqualTo("2225");
            RecordedRequest convo = take();
            assertThat(xrpc(convo)).isEqualTo("/xrpc/chat.bsky.convo.getConvo");
            assertThat(convo.getRequestUrl().queryParameter("convoId")).isEqualTo("convo-1");
            assertThat(convo.getHeader("atproto-proxy")).isEqualTo("did:web:api.bsky.chat#bsky_chat");
        }

        @Test
        void aFirstFetchOnlyLearnsTheLogsCursor() throws Exception {
            server.enqueue(json(200, "{\"cursor\":\"3000\",\"logs\":[]}"));

            ImportBatch batch = channel.fetch(account, Stream.DIRECT_MESSAGES, null);

            assertThat(batch.failed()).isFalse();
            assertThat(batch.items()).isEmpty();
            assertThat(batch.cursor()).isEqualTo("3000");
            assertThat(take().getRequestUrl().queryParameter("cursor")).isNull();
        }

        @Test
        void aFailingPageKeepsTheCursorAndAnAppPasswordWithoutChatAccessSaysSo() {
            server.enqueue(json(400, "{\"error\":\"InvalidToken\",\"message\":\"Bad token scope\"}"));

            ImportBatch batch = channel.fetch(account, Stream.DIRECT_MESSAGES, "2220");

            assertThat(batch.failed()).isTrue();
            assertThat(batch.cursor()).isEqualTo("2220");
            assertThat(batch.problem()).contains("Allow access to your direct messages");
            assertThat(batch.notBefore()).as("asked again in ten minutes, not at every poll").isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        }

        @Test
        void whenTheConversationCannotBeReadTheDidStandsInForTheHandle() {
            server.enqueue(json(200, "{\"cursor\":\"2222\",\"logs\":["
                    + create("2222", "convo-2", "msg-7", BOB, "hello", "2025-03-01T12:00:00.000Z") + "]}"));
            server.enqueue(json(200, "{\"cursor\":\"2222\",\"logs\":[]}"));
            server.enqueue(json(400, "{\"error\":\"InvalidConvo\",\"message\":\"Convo not found\"}"));

            ImportBatch batch = channel.fetch(account, Stream.DIRECT_MESSAGES, "2220");

            assertThat(batch.items()).singleElement().satisfies(i -> {
                assertThat(i.author().id()).isEqualTo(BOB);
                assertThat(i.author().handle()).isEqualTo(BOB);
            });
            assertThat(batch.cursor()).isEqualTo("2222");
        }
    }
}
