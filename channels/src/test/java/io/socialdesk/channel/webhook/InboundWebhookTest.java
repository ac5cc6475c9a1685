package io.socialdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.problem.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundWebhookTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final String SECRET = "inbound-secret-0123456789";
    final InboundWebhook inbound = new InboundWebhook(Clock.fixed(NOW, ZoneOffset.UTC));

    static final String FULL = """
            {"id":"reddit:t1_abc","text":"Is the <b>sale</b> on?","author":{"id":"t2_x","handle":"u/sam","name":"Sam",
             "followers":120,"url":"https://www.reddit.com/user/sam"},"url":"https://www.reddit.com/r/x/comments/abc",
             "createdAt":"2026-11-28T09:58:00+01:00","inReplyTo":"reddit:t3_root","network":"Reddit"}""";

    InboundWebhook.Result send(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long ts = NOW.getEpochSecond();
        return inbound.receive(7, SECRET, Long.toString(ts), WebhookSignature.sign(SECRET, ts, body), body);
    }

    List<FieldProblem> problems(String json) {
        InboundWebhook.Result result = send(json);
        assertThat(result).isInstanceOf(InboundWebhook.Invalid.class);
        return ((InboundWebhook.Invalid) result).problems();
    }

    @Test
    void aSignedMentionBecomesAnInboundItem() {
        InboundWebhook.Result result = send(FULL);

        assertThat(result).isInstanceOf(InboundWebhook.Accepted.class);
        Inbound item = ((InboundWebhook.Accepted) result).item();
        assertThat(item.network()).isEqualTo(Network.WEBHOOK);
        assertThat(item.stream()).isEqualTo(Stream.MENTIONS);
        assertThat(item.externalId()).isEqualTo("reddit:t1_abc");
        assertThat(item.kind()).isEqualTo("mention on Reddit");
        assertThat(item.text()).isEqualTo("Is the <b>sale</b> on?");
        assertThat(item.createdAt()).isEqualTo(Instant.parse("2026-11-28T08:58:00Z"));
        assertThat(item.author()).isEqualTo(new Inbound.Author("t2_x", "u/sam", "Sam", 120L, "https://www.reddit.com/user/sam"));
        assertThat(item.url()).isEqualTo("https://www.reddit.com/r/x/comments/abc");
        assertThat(item.parentId()).isEqualTo("reddit:t3_root");
    }

    @Test
    void theSmallestMentionIsIdTextAndAuthorId() {
        InboundWebhook.Result result = send("{\"id\":\"1\",\"text\":\"hi\",\"author\":{\"id\":\"a\"}}");

        Inbound item = ((InboundWebhook.Accepted) result).item();
        assertThat(item.createdAt()).isEqualTo(NOW);
        assertThat(item.author().handle()).isEqualTo("a");
        assertThat(item.kind()).isEqualTo("mention");
    }

    @Test
    void aBatchIsAnArrayOfMentionsSignedOnce() {
        InboundWebhook.Result result = send("[" + FULL + ",{\"id\":\"2\",\"text\":\"hi\",\"author\":{\"id\":\"a\"}}]");

        assertThat(result).isInstanceOf(InboundWebhook.Accepted.class);
        InboundWebhook.Accepted accepted = (InboundWebhook.Accepted) result;
        assertThat(accepted.batch()).isTrue();
        assertThat(accepted.items()).extracting(Inbound::externalId).containsExactly("reddit:t1_abc", "2");
        assertThat(accepted.items().get(1).createdAt()).isEqualTo(NOW);
        assertThat(((InboundWebhook.Accepted) send(FULL)).batch()).isFalse();
    }

    @Test
    void aBatchWithOneBrokenMentionIsRefusedWholeNamingItsPosition() {
        assertThat(problems("[" + FULL + ",{\"id\":\"2\",\"text\":\"hi\",\"author\":{}},\"oops\"]"))
                .extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("[1].author.id", "required"), org.assertj.core.groups.Tuple.tuple("[2]", "object"));
        assertThat(problems("[]")).extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body", "batch-size"));
        String many = "[" + String.join(",", java.util.Collections.nCopies(InboundWebhook.MAX_BATCH + 1, "{\"id\":\"1\",\"text\":\"x\",\"author\":{\"id\":\"a\"}}")) + "]";
        assertThat(problems(many)).extracting(FieldProblem::rule).containsExactly("batch-size");
    }

    @Test
    void eachBrokenFieldIsNamedWithItsRule() {
        assertThat(problems("{\"text\":\"\",\"author\":{\"followers\":\"many\",\"url\":\"javascript:alert(1)\"},\"createdAt\":\"yesterday\","
                + "\"url\":\"https://u:p@example.com/\",\"colour\":\"red\"}"))
                .extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("id", "required"),
                        org.assertj.core.groups.Tuple.tuple("text", "required"),
                        org.assertj.core.groups.Tuple.tuple("url", "http-url"),
                        org.assertj.core.groups.Tuple.tuple("createdAt", "iso-date-time"),
                        org.assertj.core.groups.Tuple.tuple("author.id", "required"),
                        org.assertj.core.groups.Tuple.tuple("author.url", "http-url"),
                        org.assertj.core.groups.Tuple.tuple("author.followers", "non-negative-integer"),
                        org.assertj.core.groups.Tuple.tuple("colour", "unknown"));
        assertThat(problems("{\"id\":5,\"text\":\"x\"}")).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", "string"), org.assertj.core.groups.Tuple.tuple("author.id", "required"));
        assertThat(problems("{\"id\":\"1\",\"text\":\"x\",\"author\":\"sam\"}")).extracting(FieldProblem::field).containsExactly("author");
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsOneProblem() {
        assertThat(problems("<html>")).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("body", "json"));
        assertThat(problems("42")).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("body", "object"));
        // An array is a batch: each of its entries must be a mention.
        assertThat(problems("[1,2]")).extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("[0]", "object"), org.assertj.core.groups.Tuple.tuple("[1]", "object"));
        assertThat(problems("{\"id\":\"1\",\"id\":\"2\",\"text\":\"x\",\"author\":{\"id\":\"a\"}}")).extracting(FieldProblem::rule).containsExactly("json");
        assertThat(problems("{\"id\":\"1\",\"text\":\"x\",\"author\":{\"id\":\"a\"}} {}")).extracting(FieldProblem::rule).containsExactly("json");
        assertThat(problems("{\"id\":\"1\",\"text\":\"x\",\"author\":{\"id\":\"a\"")).extracting(FieldProblem::rule).containsExactly("json");
    }

    @Test
    void aBadSignatureIsRefusedBeforeTheBodyIsRead() {
        byte[] body = FULL.getBytes(StandardCharsets.UTF_8);
        long ts = NOW.getEpochSecond();

        InboundWebhook.Result wrongSecret = inbound.receive(7, SECRET, Long.toString(ts), WebhookSignature.sign("not-the-secret", ts, body), body);
        InboundWebhook.Result stale = inbound.receive(7, SECRET, Long.toString(ts - 600), WebhookSignature.sign(SECRET, ts - 600, body), body);
        InboundWebhook.Result garbage = inbound.receive(7, SECRET, Long.toString(ts), WebhookSignature.sign(SECRET, ts, "x".getBytes()), "x".getBytes());
        InboundWebhook.Result unsigned = inbound.receive(7, SECRET, null, null, body);

        assertThat(wrongSecret).isInstanceOf(InboundWebhook.Unauthorized.class);
        assertThat(((InboundWebhook.Unauthorized) stale).reason()).contains("5 minutes");
        assertThat(garbage).isInstanceOf(InboundWebhook.Invalid.class);
        assertThat(((InboundWebhook.Unauthorized) unsigned).reason()).contains("X-SocialDesk-Signature");
    }

    @Test
    void theSameSignedRequestIsAcceptedOnce() {
        byte[] body = FULL.getBytes(StandardCharsets.UTF_8);
        long ts = NOW.getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, ts, body);

        assertThat(inbound.receive(7, SECRET, Long.toString(ts), signature, body)).isInstanceOf(InboundWebhook.Accepted.class);
        assertThat(inbound.receive(7, SECRET, Long.toString(ts), signature, body)).isInstanceOf(InboundWebhook.Unauthorized.class);
    }

    @Test
    void aBodyOver256KbIsRefusedBeforeAnythingElse() {
        byte[] huge = new byte[InboundWebhook.MAX_BYTES + 1];

        assertThat(inbound.receive(7, SECRET, null, null, huge)).isEqualTo(new InboundWebhook.TooLarge(InboundWebhook.MAX_BYTES));
    }
}
