package io.socialdesk.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Social Desk's webhook signature, in both directions (outbound posts, inbound mentions), built like
 * Stripe's and Slack's: the sender puts the time in {@code X-SocialDesk-Timestamp} (epoch seconds)
 * and {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>} in
 * {@code X-SocialDesk-Signature}. The receiver recomputes it over the body bytes exactly as received,
 * compares in constant time and refuses a timestamp more than five minutes away from its clock, so a
 * captured request cannot be replayed later. Several {@code v1=} values separated by commas are
 * allowed (a secret being rotated); one match is enough.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-SocialDesk-Timestamp";
    public static final String SIGNATURE_HEADER = "X-SocialDesk-Signature";
    public static final String SCHEME = "v1";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** What a check found; only {@link #VALID} lets a request in. */
    public enum Check {
        VALID("the signature is valid"),
        MISSING("the X-SocialDesk-Timestamp and X-SocialDesk-Signature headers are required"),
        MALFORMED_TIMESTAMP("X-SocialDesk-Timestamp must be the time in whole seconds since 1970 (UTC)"),
        STALE("X-SocialDesk-Timestamp is more than 5 minutes away from our clock: sign each request when sending it"),
        MISMATCH("X-SocialDesk-Signature does not match the body: sign the exact bytes sent, as v1=hex(HMAC-SHA256(secret, timestamp + \".\" + body))");

        private final String explanation;

        Check(String explanation) {
            this.explanation = explanation;
        }

        /** A sentence for the sender that names the header at fault and never the expected value. */
        public String explanation() {
            return explanation;
        }
    }

    /** The {@code X-SocialDesk-Signature} value for {@code body} sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return SCHEME + "=" + hmacHex(secret.getBytes(StandardCharsets.UTF_8), signedBytes(timestamp, body));
    }

    /** Checks a received request: its headers as sent, the raw body, our clock's {@code now}. */
    public static Check verify(String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || timestampHeader.isBlank() || signatureHeader.isBlank()) return Check.MISSING;
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Check.MALFORMED_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) return Check.STALE;
        String expected = hmacHex(secret.getBytes(StandardCharsets.UTF_8), signedBytes(timestamp, body));
        boolean match = false;
        for (String part : signatureHeader.split(",")) {
            String p = part.strip();
            if (p.startsWith(SCHEME + "=")) match |= sameHex(expected, p.substring(SCHEME.length() + 1));
        }
        return match ? Check.VALID : Check.MISMATCH;
    }

    private static byte[] signedBytes(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
    }

    /** Lower-case hex of HMAC-SHA256 of {@code data} under {@code key}. */
    public static String hmacHex(byte[] key, byte[] data) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** One Mac a thread, given each call's key: looking the algorithm's provider up was a third of each signature. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    });

    /** Compares two hex digests in time that does not depend on where they differ; case-insensitive. */
    public static boolean sameHex(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
