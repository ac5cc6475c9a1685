package io.socialdesk.channel.meta;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}.
 * It is computed over the bytes exactly as received; parsing and re-serialising the JSON would change
 * them (spacing, key order, escapes) and break it. Compared in constant time.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** Why the signature does not hold, or empty when it does. Never throws. */
    public static Optional<String> problem(String appSecret, byte[] rawBody, String header) {
        if (appSecret == null || appSecret.isEmpty()) {
            return Optional.of("no app secret is configured, so no delivery can be trusted");
        }
        if (header == null || header.isBlank()) {
            return Optional.of("the delivery has no " + HEADER + " header");
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of("the " + HEADER + " header does not start with sha256=");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of("the " + HEADER + " header is not a hexadecimal digest");
        }
        byte[] expected = sign(appSecret, rawBody == null ? new byte[0] : rawBody);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.of("the " + HEADER + " signature does not match the body");
        }
        return Optional.empty();
    }

    /** The header value for {@code rawBody}: {@code sha256=} and the hex digest. */
    public static String header(String appSecret, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(sign(appSecret, rawBody));
    }

    private static byte[] sign(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
