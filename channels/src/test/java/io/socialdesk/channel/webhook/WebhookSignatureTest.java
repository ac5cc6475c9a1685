package io.socialdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.channel.webhook.WebhookSignature.Check;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final String SECRET = "whsec-0123456789abcdef";
    static final long TS = 1795860000L; // 2026-11-28T10:00:00Z
    static final Instant NOW = Instant.ofEpochSecond(TS);
    static final byte[] BODY = "{\"id\":\"m-1\"}".getBytes(StandardCharsets.UTF_8);
    /** printf %s '1795860000.{"id":"m-1"}' | openssl dgst -sha256 -hmac whsec-0123456789abcdef */
    static final String OPENSSL = "v1=217ce2d5c12b5f202f1aced568ce9c7fb36e270d92e2d2172d58b664f4780586";

    @Test
    void theSignatureMatchesOpenssl() {
        assertThat(WebhookSignature.sign(SECRET, TS, BODY)).isEqualTo(OPENSSL);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), OPENSSL, BODY, NOW)).isEqualTo(Check.VALID);
    }

    @Test
    void theTimestampMustBeWithinFiveMinutesEitherWay() {
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), OPENSSL, BODY, NOW.plusSeconds(300))).isEqualTo(Check.VALID);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), OPENSSL, BODY, NOW.plusSeconds(301))).isEqualTo(Check.STALE);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), OPENSSL, BODY, NOW.minusSeconds(301))).isEqualTo(Check.STALE);
    }

    @Test
    void missingMalformedOrWrongHeadersAreRefusedEachWithItsReason() {
        assertThat(WebhookSignature.verify(SECRET, null, OPENSSL, BODY, NOW)).isEqualTo(Check.MISSING);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), " ", BODY, NOW)).isEqualTo(Check.MISSING);
        assertThat(WebhookSignature.verify(SECRET, "2026-11-28T10:00:00Z", OPENSSL, BODY, NOW)).isEqualTo(Check.MALFORMED_TIMESTAMP);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), OPENSSL.replace("v1=", "v0="), BODY, NOW)).isEqualTo(Check.MISMATCH);
        assertThat(WebhookSignature.verify("another-secret-value", Long.toString(TS), OPENSSL, BODY, NOW)).isEqualTo(Check.MISMATCH);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS + 1), OPENSSL, BODY, NOW)).isEqualTo(Check.MISMATCH);
        assertThat(Check.MISMATCH.explanation()).doesNotContain(OPENSSL.substring(3));
    }

    @Test
    void oneOfSeveralSignaturesIsEnoughWhileASecretIsRotated() {
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), "v1=" + "0".repeat(64) + ", " + OPENSSL, BODY, NOW)).isEqualTo(Check.VALID);
    }

    @Property(tries = 300)
    void anyBodySignedVerifiesAndAnyChangedByteDoesNot(@ForAll @NotEmpty byte[] body, @ForAll @IntRange(min = 0, max = 10_000) int where) {
        String signature = WebhookSignature.sign(SECRET, TS, body);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), signature, body, NOW)).isEqualTo(Check.VALID);

        byte[] changed = body.clone();
        changed[where % changed.length] ^= 1;
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), signature, changed, NOW)).isEqualTo(Check.MISMATCH);
    }
}
