package io.socialdesk.core.post;

import io.socialdesk.core.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Social Desk accepts as media, whatever the host: the allowed types, each recognised from
 * the file's first bytes (its magic number) rather than from what the uploader declared, and a
 * ceiling per kind. The ceilings are a storage guard above every network's image limit (the
 * largest in the rules table is Mastodon's 16 MB) and at the Bluesky and Mastodon video limits
 * (100 MB, 99 MB); each network's own, lower limits are checked when a post is validated for it.
 */
public final class MediaTypes {
    private MediaTypes() {}

    public static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
    public static final long MAX_VIDEO_BYTES = 100L * 1024 * 1024;
    /** How many leading bytes {@link #sniff} needs. */
    public static final int HEADER_BYTES = 12;
    public static final int MAX_FILE_NAME = 255;

    public static final List<String> ALLOWED = List.of("image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Brands a QuickTime file declares in its {@code ftyp} box; every other brand is an MP4 family file. */
    private static final Set<String> QUICKTIME_BRANDS = Set.of("qt  ");
    /** Old QuickTime files start with one of these boxes instead of {@code ftyp}. */
    private static final Set<String> QUICKTIME_BOXES = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    /** The type the bytes are, from the first {@link #HEADER_BYTES} of them; empty when none we accept. */
    public static Optional<String> sniff(byte[] header, int length) {
        byte[] h = Arrays.copyOf(header, Math.max(length, 0));
        if (startsWith(h, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return Optional.of("image/jpeg");
        if (startsWith(h, 0, PNG)) return Optional.of("image/png");
        if (ascii(h, 0, 6).equals("GIF87a") || ascii(h, 0, 6).equals("GIF89a")) return Optional.of("image/gif");
        if (ascii(h, 0, 4).equals("RIFF") && ascii(h, 8, 4).equals("WEBP")) return Optional.of("image/webp");
        String box = ascii(h, 4, 4);
        if (box.equals("ftyp")) return Optional.of(QUICKTIME_BRANDS.contains(ascii(h, 8, 4)) ? "video/quicktime" : "video/mp4");
        if (QUICKTIME_BOXES.contains(box)) return Optional.of("video/quicktime");
        return Optional.empty();
    }

    /** The declared type without parameters, in lower case; {@code image/jpg} read as {@code image/jpeg}. */
    public static String normalize(String declared) {
        if (declared == null) return "";
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") ? "image/jpeg" : type;
    }

    /**
     * The type to store: the one the bytes are, provided it is allowed and agrees with the declared
     * one. A missing or generic declaration ({@code application/octet-stream}) leaves the bytes to say.
     */
    public static String check(String declared, byte[] header, int length) {
        String type = normalize(declared);
        boolean generic = type.isEmpty() || type.equals("application/octet-stream");
        if (!generic && !ALLOWED.contains(type)) {
            throw new InvalidInputException("file", "media-type", "Files of type " + type + " are not accepted; upload one of " + String.join(", ", ALLOWED));
        }
        Optional<String> actual = sniff(header, length);
        if (actual.isEmpty()) {
            throw new InvalidInputException("file", generic ? "media-type" : "media-type-mismatch", generic
                    ? "This file is not an image or video Social Desk accepts (" + String.join(", ", ALLOWED) + ")"
                    : "This file is declared as " + type + " but its contents are not " + type);
        }
        if (!generic && !actual.get().equals(type)) {
            throw new InvalidInputException("file", "media-type-mismatch", "This file is declared as " + type + " but its contents are " + actual.get());
        }
        return actual.get();
    }

    public static long maxBytes(String type) {
        return type.startsWith("video/") ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
    }

    public static InvalidInputException tooLarge(String type, long max) {
        return new InvalidInputException("file", "max-bytes", (type.startsWith("video/") ? "A video" : "An image") + " may have at most "
                + max / (1024 * 1024) + " MB");
    }

    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    /** The uploader's file name without any folder part, trimmed to {@link #MAX_FILE_NAME} characters; never a path. */
    public static String cleanFileName(String name) {
        if (name == null) return "";
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        StringBuilder clean = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE)
                .limit(MAX_FILE_NAME).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static boolean startsWith(byte[] h, int at, byte[] magic) {
        if (h.length < at + magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (h[at + i] != magic[i]) return false;
        return true;
    }

    private static String ascii(byte[] h, int at, int length) {
        return h.length < at + length ? "" : new String(h, at, length, StandardCharsets.ISO_8859_1);
    }
}
