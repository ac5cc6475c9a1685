package io.socialdesk.channel.bluesky;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AT Protocol's string formats (atproto.com/specs: DID, handle, NSID, AT-URI, record key, TID,
 * datetime, language, CID, URI), as the Lexicon {@code format} values name them. Checked against
 * atproto-interop-tests' {@code syntax/*.txt}. Every method accepts any string (null included) and
 * never throws: these check what a network sent us as much as what we send.
 */
public final class AtprotoSyntax {
    private AtprotoSyntax() {
    }

    private static final Pattern DID = Pattern.compile("did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]");
    private static final Pattern HANDLE = Pattern.compile(
            "([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern NSID = Pattern.compile(
            "[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+\\.[a-zA-Z][a-zA-Z0-9]{0,62}");
    private static final Pattern RECORD_KEY = Pattern.compile("[a-zA-Z0-9_~.:-]{1,512}");
    private static final Pattern TID = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    private static final Pattern AT_URI = Pattern.compile("at://([^/#?\\s]+)(/([^/#?\\s]+)(/([^/#?\\s]+))?)?");
    private static final Pattern DATETIME = Pattern.compile(
            "([0-9]{4})-([01][0-9])-([0-3][0-9])T([0-2][0-9]):([0-6][0-9]):([0-6][0-9])(\\.[0-9]{1,20})?(Z|([+-])([0-2][0-9]):([0-5][0-9]))");
    private static final Pattern LANGUAGE = Pattern.compile("(i|[a-z]{2,3})(-[a-zA-Z0-9]+)*|[xX](-[a-zA-Z0-9]{1,8})+");
    private static final Pattern CID = Pattern.compile("[a-zA-Z0-9+=]{8,256}");
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:(//)?[^\\s/][^\\s]*");

    public static boolean isDid(String s) {
        return s != null && s.length() <= 2048 && DID.matcher(s).matches();
    }

    public static boolean isHandle(String s) {
        return s != null && s.length() <= 253 && HANDLE.matcher(s).matches();
    }

    /** A DID or a handle: what may stand in an AT-URI's authority or an {@code at-identifier} field. */
    public static boolean isAtIdentifier(String s) {
        return isDid(s) || isHandle(s);
    }

    public static boolean isNsid(String s) {
        return s != null && s.length() <= 317 && NSID.matcher(s).matches();
    }

    public static boolean isRecordKey(String s) {
        return s != null && !s.equals(".") && !s.equals("..") && RECORD_KEY.matcher(s).matches();
    }

    public static boolean isTid(String s) {
        return s != null && TID.matcher(s).matches();
    }

    /** The restricted AT-URI of the Lexicon {@code at-uri} format: authority, then optionally a collection and a record key. */
    public static boolean isAtUri(String s) {
        if (s == null || s.length() > 8192) {
            return false;
        }
        Matcher m = AT_URI.matcher(s);
        return m.matches() && isAtIdentifier(m.group(1)) && (m.group(3) == null || isNsid(m.group(3)))
                && (m.group(5) == null || isRecordKey(m.group(5)));
    }

    /** The parts of an AT-URI that names a record ({@code at://repo/collection/rkey}), or null. */
    public static RecordUri recordUri(String s) {
        if (!isAtUri(s)) {
            return null;
        }
        Matcher m = AT_URI.matcher(s);
        if (!m.matches() || m.group(5) == null) {
            return null;
        }
        return new RecordUri(m.group(1), m.group(3), m.group(5));
    }

    /** {@code at://repo/collection/rkey} split in its parts. */
    public record RecordUri(String repo, String collection, String rkey) {
    }

    /**
     * The Lexicon {@code datetime}: RFC 3339 that is also ISO 8601 (upper-case T and Z, a time zone,
     * no {@code -00:00}), a real date and time, and not before year 0 once its offset is applied.
     */
    public static boolean isDatetime(String s) {
        if (s == null || s.length() > 64) {
            return false;
        }
        Matcher m = DATETIME.matcher(s);
        if (!m.matches() || s.endsWith("-00:00")) {
            return false;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            int offsetSeconds = 0;
            if (m.group(9) != null) {
                int hours = Integer.parseInt(m.group(10));
                int minutes = Integer.parseInt(m.group(11));
                offsetSeconds = (hours * 3600 + minutes * 60) * (m.group(9).equals("-") ? -1 : 1);
                ZoneOffset.ofTotalSeconds(offsetSeconds);
            }
            return local.minusSeconds(offsetSeconds).getYear() >= 0;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * A BCP 47 language tag as atproto checks it: a 2-3 letter (or {@code i}) primary tag and
     * subtags, or a private-use tag; and, as RFC 5646 requires of a valid tag, no variant and no
     * extension singleton repeated.
     */
    public static boolean isLanguage(String s) {
        if (s == null || !LANGUAGE.matcher(s).matches()) {
            return false;
        }
        String[] subtags = s.toLowerCase(Locale.ROOT).split("-");
        Set<String> variants = new HashSet<>();
        Set<String> singletons = new HashSet<>();
        boolean inExtension = false;
        for (int i = 1; i < subtags.length; i++) {
            String sub = subtags[i];
            if (sub.equals("x")) {
                break; // private use: anything goes after it
            }
            if (sub.length() == 1) {
                inExtension = true;
                if (!singletons.add(sub)) {
                    return false;
                }
            } else if (!inExtension && (sub.length() >= 5 || (sub.length() == 4 && Character.isDigit(sub.charAt(0))))) {
                if (!variants.add(sub)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A CID as a string (not CIDv0, which atproto does not use). */
    public static boolean isCid(String s) {
        return s != null && CID.matcher(s).matches() && !s.startsWith("Qmb");
    }

    /** A generic URI: a scheme (RFC 3986: a letter, then letters, digits, "+", "-", "."), no whitespace, at most 8 KB. */
    public static boolean isUri(String s) {
        return s != null && s.length() <= 8192 && URI.matcher(s).matches();
    }
}
