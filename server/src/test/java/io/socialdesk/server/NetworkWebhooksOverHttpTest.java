package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.channel.webhook.WebhookSignature;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.tracker.BuiltInTracker;
import io.socialdesk.web.inbound.NetworkWebhooks;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meta's and LinkedIn's webhooks over real HTTP on the embedded database, with the contracts' shapes (networks.md 3.4, 3.5):
 * the subscription checks, the signatures over the raw bytes, one ticket per conversation whichever way an item came, the
 * poll catching a delivery that never came, and hostile deliveries (forged, replayed, HTML, broken UTF-8, a megabyte)
 * creating nothing or stored as text and shown escaped.
 */
class NetworkWebhooksOverHttpTest {
    static final String META_SECRET = "meta-app-secret-for-the-test";
    static final String LINKEDIN_SECRET = "li-client-secret";
    static final String PAGE_ID = "104857600";
    static final String ORGANIZATION = "urn:li:organization:5515715";

    @TempDir
    static Path data;

    static TestServer server;
    static String sam;
    static final InboxOverHttpTest.PolledForum page = new InboxOverHttpTest.PolledForum(Network.FACEBOOK, Stream.COMMENTS);
    static long pageAccount;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(io.socialdesk.server.db.DatabaseConfig.embedded(data), data,
                settings -> settings.withChannels(List.of(page)).withInbox(Duration.ofHours(1), InboxSettings.DEFAULTS));
        server.addUser("sam", Role.SUPPORT_AGENT);
        sam = server.signIn("sam");
        server.app.engine().oauthClients().configure(Network.FACEBOOK, "fb-app-1", META_SECRET, "admin", server.clock.instant());
        server.app.engine().oauthClients().configure(Network.LINKEDIN, "li-app-1", LINKEDIN_SECRET, "admin", server.clock.instant());
        pageAccount = server.app.accounts().connect(null, Network.FACEBOOK, null, new Connected(PAGE_ID, "Shop page", "Shop page",
                Credentials.bearer("page-token")), "sam", server.clock.instant()).id();
        server.app.accounts().connect(null, Network.LINKEDIN, null, new Connected(ORGANIZATION, "Shop on LinkedIn", "Shop on LinkedIn",
                Credentials.bearer("li-token")), "sam", server.clock.instant());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metasSubscriptionCheckEchoesTheChallengeForTheVerifyTokenOnly() {
        String token = NetworkWebhooks.metaVerifyToken(META_SECRET);
        TestServer.Reply ok = get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=1158201444");
        TestServer.Reply wrong = get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("field").asText()).isEqualTo("hub.verify_token");
        assertThat(wrong.body()).doesNotContain(token);
    }

    @Test
    void aCommentByWebhookAndAMissedOneByThePollMakeOneConversationAndNothingTwice() {
        String post = PAGE_ID + "_900";
        TestServer.Reply pushed = meta(comment(post, "900_1", "Where is my refund?", "Ann"), META_SECRET);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.json().get("stored").asInt()).isEqualTo(1);

        // The delivery of 900_2 never came; the next poll brings both.
        page.serve(polled("900_1", post, "Where is my refund?"), polled("900_2", post, "Same here, no refund"));
        server.app.inbox().imports().runOnce();

        List<BuiltInTracker.Item> tickets = ticketsAbout("Where is my refund?");
        assertThat(tickets).hasSize(1);
        assertThat(server.app.inbox().store().onTicket(tickets.get(0).tracked().key(), 10)).extracting(i -> i.inbound().externalId())
                .containsExactly("900_1", "900_2");
        // And a late delivery of the missed one adds nothing.
        TestServer.Reply late = meta(comment(post, "900_2", "Same here, no refund", "Bob"), META_SECRET);
        assertThat(late.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(late.json().get("stored").asInt()).isZero();
    }

    @Test
    void aForgedOrReplayedMetaDeliveryCreatesNothing() {
        String body = comment(PAGE_ID + "_901", "901_1", "Forged or replayed", "Eve");
        int before = mentions();

        TestServer.Reply forged = meta(body, "not-the-app-secret");
        TestServer.Reply unsigned = post("/webhooks/meta", body.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("field").asText()).isEqualTo("X-Hub-Signature-256");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(mentions()).isEqualTo(before);

        TestServer.Reply first = meta(body, META_SECRET);
        TestServer.Reply replayed = meta(body, META_SECRET);
        assertThat(first.json().get("stored").asInt()).isEqualTo(1);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replay").asBoolean()).isTrue();
        assertThat(mentions()).isEqualTo(before + 1);
    }

    @Test
    void htmlAndBrokenUtf8AreStoredAsTextAndShownEscapedAndAMegabyteIsRefused() {
        String body = comment(PAGE_ID + "_902", "902_1", "<script>alert('x')</script> BROKEN", "Mal <img src=x onerror=alert(1)>");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        String s = new String(bytes, StandardCharsets.UTF_8);
        int at = s.indexOf("BROKEN");
        broken.write(bytes, 0, at);
        broken.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, 0, 3); // not UTF-8
        broken.write(bytes, at, bytes.length - at);
        TestServer.Reply sent = post("/webhooks/meta", broken.toByteArray(), "X-Hub-Signature-256",
                "sha256=" + WebhookSignature.hmacHex(META_SECRET.getBytes(StandardCharsets.UTF_8), broken.toByteArray()));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        BuiltInTracker.Item ticket = ticketsAbout("BROKEN").get(0);
        assertThat(ticket.description()).contains("\uFFFD");
        TestServer.Reply shown = server.get(ticket.tracked().url(), sam);
        assertThat(shown.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Mal &lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");

        byte[] huge = ("{\"object\":\"page\",\"entry\":[],\"pad\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        TestServer.Reply tooLarge = post("/webhooks/meta", huge, "X-Hub-Signature-256",
                "sha256=" + WebhookSignature.hmacHex(META_SECRET.getBytes(StandardCharsets.UTF_8), huge));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("field").asText()).isEqualTo("body");

        TestServer.Reply notAnEnvelope = meta("[1,2,3]", META_SECRET);
        assertThat(notAnEnvelope.status()).isEqualTo(400);
        assertThat(notAnEnvelope.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void linkedInsValidationIsAnsweredAndASignedDeliveryOpensATicketWhileAForgedOneDoesNot() {
        TestServer.Reply challenge = get("/webhooks/linkedin?challengeCode=890e4d8a-5b8c-4d5e-9b77-4a2a8f1d2c3e");
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.json().get("challengeCode").asText()).isEqualTo("890e4d8a-5b8c-4d5e-9b77-4a2a8f1d2c3e");
        assertThat(challenge.json().get("challengeResponse").asText()).isEqualTo(
                WebhookSignature.hmacHex(LINKEDIN_SECRET.getBytes(StandardCharsets.UTF_8), "890e4d8a-5b8c-4d5e-9b77-4a2a8f1d2c3e".getBytes(StandardCharsets.UTF_8)));

        long now = server.clock.instant().toEpochMilli();
        byte[] body = ("""
                {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[
                 {"notificationId":3,"action":"COMMENT","organizationalEntity":"%s","sourcePost":"urn:li:share:7001",
                  "generatedActivity":"urn:li:comment:(urn:li:activity:99,5)","lastModifiedAt":%d,
                  "decoratedGeneratedActivity":{"comment":{"entity":"urn:li:comment:(urn:li:activity:99,5)","owner":"urn:li:person:ann","text":"When does the LinkedIn shop open?"}}},
                 {"notificationId":1,"action":"LIKE","organizationalEntity":"%s","sourcePost":"urn:li:share:7001","generatedActivity":"urn:li:reaction:1","lastModifiedAt":%d}]}"""
                .formatted(ORGANIZATION, now, ORGANIZATION, now)).getBytes(StandardCharsets.UTF_8);
        byte[] prefixed = ("hmacsha256=" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        TestServer.Reply forged = post("/webhooks/linkedin", body, "X-LI-Signature",
                WebhookSignature.hmacHex("wrong".getBytes(StandardCharsets.UTF_8), prefixed));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(ticketsAbout("LinkedIn shop open")).isEmpty();

        TestServer.Reply signed = post("/webhooks/linkedin", body, "X-LI-Signature",
                WebhookSignature.hmacHex(LINKEDIN_SECRET.getBytes(StandardCharsets.UTF_8), prefixed));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("stored").asInt()).isEqualTo(1);
        assertThat(signed.json().get("ignored").asInt()).as("the like").isZero();
        assertThat(ticketsAbout("LinkedIn shop open")).hasSize(1);
    }

    private static String comment(String post, String commentId, String message, String from) {
        long time = server.clock.instant().getEpochSecond();
        return """
                {"object":"page","entry":[{"id":"%s","time":%d,"changes":[{"field":"feed","value":{"item":"comment","verb":"add",
                 "comment_id":"%s","post_id":"%s","parent_id":"%s","from":{"id":"u-%s","name":%s},"message":%s,"created_time":%d}}]}]}"""
                .formatted(PAGE_ID, time, commentId, post, post, commentId, quote(from), quote(message), time);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Inbound polled(String id, String post, String text) {
        return new Inbound(Network.FACEBOOK, Stream.COMMENTS, id, "comment", text, server.clock.instant(),
                new Inbound.Author("u-" + id, "Someone", "Someone", null, null), null, post, post, null);
    }

    private static TestServer.Reply meta(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("/webhooks/meta", bytes, "X-Hub-Signature-256", "sha256=" + WebhookSignature.hmacHex(secret.getBytes(StandardCharsets.UTF_8), bytes));
    }

    private static TestServer.Reply post(String path, byte[] body, String header, String value) {
        Request.Builder request = new Request.Builder().url(server.url("/rest/socialdesk/1.0" + path))
                .post(RequestBody.create(body, MediaType.get("application/json")));
        if (header != null) request.header(header, value);
        return server.call(request.build());
    }

    private static TestServer.Reply get(String path) {
        return server.call(new Request.Builder().url(server.url("/rest/socialdesk/1.0" + path)).get().build());
    }

    private static int mentions() {
        return server.app.tracker().list(ItemKind.MENTION, 500).size();
    }

    private static List<BuiltInTracker.Item> ticketsAbout(String text) {
        return server.app.tracker().list(ItemKind.MENTION, 500).stream()
                .filter(t -> t.summary().contains(text) || t.description().contains(text)).toList();
    }
}
