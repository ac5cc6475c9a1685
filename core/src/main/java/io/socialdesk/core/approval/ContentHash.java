package io.socialdesk.core.approval;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fingerprint approvals are bound to: SHA-256 over a canonical, unambiguous encoding of
 * {@link PostContent}, as 64 lowercase hex digits.
 *
 * <p>The encoding ({@link #canonical}) starts with the tag {@code socialdesk-content-v1}; every
 * string is written as its length in UTF-16 code units (4 bytes, big-endian) followed by those
 * code units (2 bytes each, big-endian: lossless for every Java string, even a malformed one), and
 * every list as its element count followed by its elements, so no two different contents encode
 * alike ("ab"+"c" and "a"+"bc" differ in their lengths). In order: the master text; the variants
 * sorted by network name (name, text); the media in their order (SHA-256 lowercased, MIME type,
 * alt text); the thread parts in order; the first comment (a presence flag, then the text); the
 * hashtags in order; the UTM medium, campaign and content; the language; the target account ids
 * sorted (the order of accounts changes nothing that is sent).
 *
 * <p>Left out, on purpose: the planned time (moving a post is a reschedule, not an edit); the
 * {@code campaign} label (an internal grouping for the calendar and reports that is never sent to
 * a network: retagging a post must not void its approvals, whereas the UTM campaign, which is
 * written into the links people click, is included); media file names and sizes (the SHA-256
 * already fixes the bytes, and the file name is never published).
 */
public final class ContentHash {
    static final String TAG = "socialdesk-content-v1";

    private ContentHash() {}

    public static String of(PostContent content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The exact bytes that are hashed. */
    public static byte[] canonical(PostContent c) {
        Objects.requireNonNull(c, "content");
        Writer w = new Writer();
        w.string(TAG);
        w.string(c.text());
        Map<Network, String> variants = c.variants();
        List<Network> networks = variants.keySet().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        w.count(networks.size());
        for (Network n : networks) {
            w.string(n.name());
            w.string(variants.get(n));
        }
        w.count(c.media().size());
        for (Media m : c.media()) {
            w.string(m.sha256().toLowerCase(java.util.Locale.ROOT));
            w.string(m.mimeType());
            w.string(m.altText());
        }
        w.strings(c.thread());
        w.count(c.firstComment().isPresent() ? 1 : 0);
        c.firstComment().ifPresent(w::string);
        w.strings(c.hashtags());
        w.string(c.utm().medium());
        w.string(c.utm().campaign());
        w.string(c.utm().content());
        w.string(c.language());
        List<Long> accounts = c.accountIds().stream().sorted().toList();
        w.count(accounts.size());
        for (long id : accounts) w.longValue(id);
        return w.bytes();
    }

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void count(int n) {
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }

        void longValue(long v) {
            count((int) (v >>> 32));
            count((int) v);
        }

        void string(String s) {
            count(s.length());
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                out.write(ch >>> 8);
                out.write(ch);
            }
        }

        void strings(List<String> list) {
            count(list.size());
            list.forEach(this::string);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
