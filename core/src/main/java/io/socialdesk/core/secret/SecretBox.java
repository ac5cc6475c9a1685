package io.socialdesk.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets (tokens, app passwords, client secrets, PKCE verifiers) before they reach the database:
 * AES-256-GCM, a fresh random 96-bit nonce per value, a 128-bit tag.
 *
 * <p>A sealed value reads {@code v1.<key id>.<base64url(nonce | ciphertext | tag)>}. The format version and
 * the key id let keys rotate: the box opens values sealed with any key it holds and seals with the first.
 * The associated data names what the value belongs to ({@code account:42:credentials}); it is
 * authenticated with the header, so a ciphertext copied to another row, or a header edited, is refused.
 */
public final class SecretBox {
    public static final String FORMAT = "v1";
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private SecretBox(List<byte[]> rawKeys) {
        if (rawKeys.isEmpty()) throw new SecretException("No secret key given");
        Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
        for (byte[] raw : rawKeys) {
            if (raw == null || raw.length != KEY_BYTES) {
                throw new SecretException("A secret key must be " + KEY_BYTES + " bytes (256 bits), base64-encoded");
            }
            byId.putIfAbsent(idOf(raw), new SecretKeySpec(raw.clone(), "AES"));
        }
        this.keys = Map.copyOf(byId);
        this.currentId = byId.keySet().iterator().next();
    }

    /** A box sealing with {@code key}. */
    public static SecretBox of(byte[] key) {
        return new SecretBox(List.of(key));
    }

    /** A box sealing with {@code current} that still opens values sealed with the {@code previous} keys. */
    public static SecretBox of(byte[] current, List<byte[]> previous) {
        List<byte[]> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        return new SecretBox(all);
    }

    /** 256 fresh random bits. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The id of the key new values are sealed with (a fingerprint, not the key). */
    public String keyId() {
        return currentId;
    }

    public String seal(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        requireAssociatedData(associatedData);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentId, associatedData));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return FORMAT + "." + currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new SecretException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The plaintext of a value sealed for {@code associatedData}; a {@link SecretException} saying why
     * when it was altered, belongs to something else, or was sealed with a key this box does not hold.
     */
    public String open(String sealed, String associatedData) {
        requireAssociatedData(associatedData);
        if (sealed == null) throw new SecretException("No stored secret for " + associatedData);
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new SecretException("The stored secret for " + associatedData + " is not in a format this version reads (expected " + FORMAT + ")");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretException("The stored secret for " + associatedData + " was sealed with key " + parts[1]
                    + ", which is not loaded; put that key back (after the current one) to read it");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw tampered(associatedData);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) throw tampered(associatedData);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[1], associatedData));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw tampered(associatedData);
        } catch (GeneralSecurityException e) {
            throw new SecretException("The stored secret for " + associatedData + " could not be decrypted", e);
        }
    }

    /** True when {@code sealed} was sealed with an older key and should be sealed again when next written. */
    public boolean sealedWithOlderKey(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        return parts.length == 3 && !parts[1].equals(currentId);
    }

    private static SecretException tampered(String associatedData) {
        return new SecretException("The stored secret for " + associatedData
                + " failed its integrity check: it was changed, or belongs to another row");
    }

    private static void requireAssociatedData(String associatedData) {
        if (associatedData == null || associatedData.isBlank()) {
            throw new IllegalArgumentException("Say what the secret belongs to (associated data), e.g. account:42:credentials");
        }
    }

    private static byte[] aad(String keyId, String associatedData) {
        return (FORMAT + "." + keyId + "|" + associatedData).getBytes(StandardCharsets.UTF_8);
    }

    /** The first 8 hex digits of SHA-256 over a label and the key: names a key without revealing it. */
    static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("socialdesk-key-id:".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(key);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[" + FORMAT + ", key " + currentId + ", " + keys.size() + " key(s)]";
    }
}
