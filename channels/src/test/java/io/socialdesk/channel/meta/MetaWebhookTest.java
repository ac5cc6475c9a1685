package io.socialdesk.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhook deliveries: the signature over the raw body, the subscription handshake and the
 * envelopes (payloads as in networks.md §3.5 and §3.6, built from Meta's webhook reference; there is
 * no official schema).
 */
class MetaWebhookTest {
    static final String SECRET = "meta-app-secret";
    final MetaWebhook webhook = new MetaWebhook(SECRET, "verify-me", GraphTestSupport.CLOCK);

    /** A Page feed comment, written with the spacing and escapes Meta's serialiser uses. */
    static final String PAGE_COMMENT = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"time\":1740823200,\"changes\":[{\"field\":\"feed\",\"value\":"
            + "{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"555_31\",\"post_id\":\"1001_555\",\"parent_id\":\"1001_555\","
            + "\"from\":{\"id\":\"42\",\"name\":\"Ann\"},\"message\":\"Caf\\u00e9 \\/ open?\",\"created_time\":1740823190}}]}]}";

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sign(byte[] body) {
        return WebhookSignature.header(SECRET, body);
    }

    @Nested
    class Signature {
        @Test
        void aValidSignatureIsAccepted() {
            byte[] body = bytes(PAGE_COMMENT);
            MetaWebhook.Result result = webhook.receive(body, sign(body));
            assertThat(result.accepted()).isTrue();
            assertThat(result.events()).hasSize(1);
        }

        @Test
        void theHexDigestIsCompared() {
            byte[] body = bytes(PAGE_COMMENT);
            assertThat(sign(body)).matches("sha256=[0-9a-f]{64}");
            assertThat(webhook.receive(body, sign(body).toUpperCase().replace("SHA256=", "sha256=")).accepted()).as("hex in capitals").isTrue();
        }

        @Test
        void aMissingSignatureIsRefusedWithTheReason() {
            MetaWebhook.Result result = webhook.receive(bytes(PAGE_COMMENT), null);
            assertThat(result.accepted()).isFalse();
            assertThat(result.problem()).contains("no X-Hub-Signature-256 header");
            assertThat(result.events()).isEmpty();
        }

        @Test
        void aWrongSignatureIsRefused() {
            MetaWebhook.Result result = webhook.receive(bytes(PAGE_COMMENT), WebhookSignature.header("another-secret", bytes(PAGE_COMMENT)));
            assertThat(result.accepted()).isFalse();
            assertThat(result.problem()).contains("does not match");
        }

        @Test
        void theLegacySha1HeaderAndGarbageAreRefused() {
            assertThat(webhook.receive(bytes(PAGE_COMMENT), "sha1=0123abcd").problem()).contains("does not start with sha256=");
            assertThat(webhook.receive(bytes(PAGE_COMMENT), "sha256=not-hex!").problem()).contains("not a hexadecimal digest");
            assertThat(webhook.receive(bytes(PAGE_COMMENT), "sha256=").accepted()).isFalse();
        }

        @Test
        void aBodyAlteredAfterSigningIsRefused() {
            byte[] body = bytes(PAGE_COMMENT);
            String signature = sign(body);
            byte[] altered = bytes(PAGE_COMMENT.replace("Ann", "Anne"));
            assertThat(webhook.receive(altered, signature).accepted()).isFalse();
        }

        @Test
        void theSignatureCoversTheRawBytesNotTheReserialisedJson() throws Exception {
            byte[] raw = bytes(PAGE_COMMENT);
            // Jackson writes "Café / open?" without Meta's \u00e9 and \/ escapes: other bytes, another digest.
            byte[] reserialised = new ObjectMapper().writeValueAsBytes(new ObjectMapper().readTree(raw));
            assertThat(reserialised).isNotEqualTo(raw);
            assertThat(sign(reserialised)).isNotEqualTo(sign(raw));
            assertThat(webhook.receive(raw, sign(raw)).accepted()).isTrue();
            assertThat(webhook.receive(raw, sign(reserialised)).accepted()).as("a verifier that re-serialised would get this wrong").isFalse();
            assertThat(webhook.receive(raw, sign(raw)).events().get(0).item().text()).isEqualTo("Café / open?");
        }

        @Test
        void withoutAConfiguredSecretNothingIsTrusted() {
            MetaWebhook unconfigured = new MetaWebhook("", "v", GraphTestSupport.CLOCK);
            assertThat(unconfigured.receive(bytes(PAGE_COMMENT), sign(bytes(PAGE_COMMENT))).problem()).contains("no app secret");
        }
    }

    @Nested
    class Handshake {
        @Test
        void theChallengeIsEchoedForTheRightToken() {
            assertThat(webhook.handshake("subscribe", "verify-me", "1158201444")).isEqualTo(new MetaWebhook.Handshake(true, "1158201444", null));
        }

        @Test
        void aWrongTokenModeOrMissingChallengeIsRefused() {
            assertThat(webhook.handshake("subscribe", "guess", "1").reason()).contains("verify_token");
            assertThat(webhook.handshake("unsubscribe", "verify-me", "1").reason()).contains("hub.mode");
            assertThat(webhook.handshake("subscribe", null, "1").accepted()).isFalse();
            assertThat(webhook.handshake("subscribe", "verify-me", null).reason()).contains("hub.challenge");
        }
    }

    @Nested
    class Envelopes {
        MetaWebhook.Result receive(String json) {
            byte[] body = bytes(json);
            return webhook.receive(body, sign(body));
        }

        @Test
        void aPageFeedCommentBecomesAnInboundComment() {
            MetaWebhook.Event event = receive(PAGE_COMMENT).events().get(0);
            assertThat(event.accountRemoteId()).isEqualTo("1001");
            assertThat(event.dedupeKey()).isEqualTo("facebook:555_31:add");
            assertThat(event.needsDetails()).isFalse();
            Inbound item = event.item();
            assertThat(item.network()).isEqualTo(Network.FACEBOOK);
            assertThat(item.stream()).isEqualTo(Stream.COMMENTS);
            assertThat(item.externalId()).isEqualTo("555_31");
            assertThat(item.kind()).isEqualTo("comment");
            assertThat(item.author().id()).isEqualTo("42");
            assertThat(item.author().displayName()).isEqualTo("Ann");
            assertThat(item.createdAt()).isEqualTo(Instant.ofEpochSecond(1740823190));
            assertThat(item.rootId()).isEqualTo("1001_555");
        }

        @Test
        void aRetriedDeliveryHasTheSameDedupeKey() {
            assertThat(receive(PAGE_COMMENT).events().get(0).dedupeKey()).isEqualTo(receive(PAGE_COMMENT).events().get(0).dedupeKey());
        }

        @Test
        void editsRemovalsOtherItemsAndOurOwnCommentsAreIgnored() {
            String envelope = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"time\":1,\"changes\":["
                    + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"edited\",\"comment_id\":\"1\",\"post_id\":\"p\"}},"
                    + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"remove\",\"comment_id\":\"2\",\"post_id\":\"p\"}},"
                    + "{\"field\":\"feed\",\"value\":{\"item\":\"reaction\",\"verb\":\"add\",\"post_id\":\"p\"}},"
                    + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"3\",\"post_id\":\"p\",\"from\":{\"id\":\"1001\"}}},"
                    + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":{\"wrong\":\"type\"},\"post_id\":\"p\"}},"
                    + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"4\",\"post_id\":\"p\",\"parent_id\":\"p_9\"}}]}]}";
            MetaWebhook.Result result = receive(envelope);
            assertThat(result.events()).extracting(e -> e.item().externalId()).containsExactly("4");
            assertThat(result.events().get(0).item().kind()).isEqualTo("reply");
            assertThat(result.events().get(0).item().author().id()).as("Facebook may leave out who commented").isEqualTo("unknown");
            assertThat(result.ignored()).isEqualTo(5);
        }

        @Test
        void instagramCommentsAndMentionsBecomeInboundItems() {
            String envelope = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000001\",\"time\":1740823200,\"changes\":["
                    + "{\"field\":\"comments\",\"value\":{\"id\":\"18000000000000001\",\"from\":{\"id\":\"51\",\"username\":\"ann\"},\"text\":\"Price?\","
                    + "\"media\":{\"id\":\"m-1\",\"media_product_type\":\"FEED\"}}},"
                    + "{\"field\":\"mentions\",\"value\":{\"media_id\":\"m-7\",\"comment_id\":\"cm-9\"}},"
                    + "{\"field\":\"comments\",\"value\":{\"id\":\"18000000000000002\",\"from\":{\"id\":\"17841400000000001\",\"username\":\"acme.shop\"},\"text\":\"ours\"}}]}]}";
            MetaWebhook.Result result = receive(envelope);
            assertThat(result.events()).hasSize(2);
            MetaWebhook.Event comment = result.events().get(0);
            assertThat(comment.item().network()).isEqualTo(Network.INSTAGRAM);
            assertThat(comment.item().stream()).isEqualTo(Stream.COMMENTS);
            assertThat(comment.item().author().handle()).isEqualTo("ann");
            assertThat(comment.item().rootId()).isEqualTo("m-1");
            assertThat(comment.item().createdAt()).isEqualTo(Instant.ofEpochSecond(1740823200));
            assertThat(comment.dedupeKey()).isEqualTo("instagram:18000000000000001:add");
            MetaWebhook.Event mention = result.events().get(1);
            assertThat(mention.item().stream()).isEqualTo(Stream.MENTIONS);
            assertThat(mention.item().externalId()).isEqualTo("cm-9");
            assertThat(mention.needsDetails()).as("the payload names the comment only").isTrue();
            assertThat(result.ignored()).isEqualTo(1);
        }

        @Test
        void theInstagramLoginVariantPutsTheChangeInTheEntry() {
            String envelope = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"1784\",\"time\":1740823200,\"field\":\"comments\","
                    + "\"value\":{\"id\":\"c-5\",\"from\":{\"id\":\"7\",\"username\":\"bo\"},\"text\":\"hi\",\"media\":{\"id\":\"m-2\"}}}]}";
            assertThat(receive(envelope).events()).singleElement().satisfies(e -> assertThat(e.item().externalId()).isEqualTo("c-5"));
        }

        @Test
        void aSignedBodyThatIsNotAnEnvelopeIsRefusedNotThrown() {
            assertThat(receive("<html>hello</html>").problem()).contains("not a Meta webhook envelope");
            assertThat(receive("{\"object\":\"page\",\"entry\":{}}").accepted()).isFalse();
            assertThat(receive("{\"object\":\"user\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"feed\"}]}]}").ignored()).isEqualTo(1);
        }
    }

    @Property(tries = 300)
    void anySignedBodyIsReadWithoutThrowingAndAnyOtherSignatureIsRefused(@ForAll("bodies") byte[] body, @ForAll("headers") String header) {
        MetaWebhook.Result signed = webhook.receive(body, sign(body));
        assertThat(signed).isNotNull();
        MetaWebhook.Result forged = webhook.receive(body, header);
        if (header == null || !header.equalsIgnoreCase(sign(body))) {
            assertThat(forged.accepted()).isFalse();
            assertThat(forged.events()).isEmpty();
        }
    }

    @Property(tries = 300)
    void changingAnyByteBreaksTheSignature(@ForAll("bodies") byte[] body, @ForAll int position) {
        if (body.length == 0) {
            return;
        }
        String signature = sign(body);
        byte[] altered = body.clone();
        int at = Math.floorMod(position, body.length);
        altered[at] = (byte) (altered[at] ^ 0x01);
        assertThat(WebhookSignature.problem(SECRET, altered, signature)).isPresent();
        assertThat(WebhookSignature.problem(SECRET, body, signature)).isEmpty();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> envelopes = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)
                .map(text -> bytes(PAGE_COMMENT.replace("Ann", text.replace("\\", "").replace("\"", ""))));
        return Arbitraries.oneOf(random, envelopes);
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(h -> "sha256=" + h),
                Arbitraries.just(null));
    }
}
