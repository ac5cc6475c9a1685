package io.socialdesk.channel.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facets of a Bluesky post ({@code app.bsky.richtext.facet}): mentions, links and tags, with
 * their UTF-8 byte offsets (start inclusive, end exclusive), detected as the reference client's
 * {@code RichText.detectFacets} does (atproto {@code packages/api/src/rich-text/util.ts}). A
 * mention carries the handle; the connector resolves it to a DID when it publishes.
 * The reference checks a domain's TLD against a list; here a TLD is two or more letters.
 */
public final class BlueskyFacets {
    private BlueskyFacets() {}

    public enum Kind { MENTION, LINK, TAG }

    /** One facet: its kind, its value (handle, URI, tag without '#'), its UTF-16 range and its UTF-8 byte range. */
    public record Facet(Kind kind, String value, int start, int end, int byteStart, int byteEnd) {}

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    static final Pattern MENTION = Pattern.compile("(^|\\s|\\()(@)([a-zA-Z0-9.-]+)(\\b)", FLAGS);
    static final Pattern URL = Pattern.compile(
            "(^|\\s|\\()((https?://\\S+)|((?<domain>[a-z][a-z0-9]*(\\.[a-z0-9]+)+)\\S*))", FLAGS | Pattern.CASE_INSENSITIVE);
    private static final String NOT_TAG = "\\s\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20e2";
    static final Pattern TAG = Pattern.compile(
            "(^|\\s)[#\\uFF03]((?!\\ufe0f)[^" + NOT_TAG + "]*[^\\d\\p{P}" + NOT_TAG + "]+[^" + NOT_TAG + "]*)?", FLAGS);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$", FLAGS);
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}$");

    public static List<Facet> detect(String text) {
        List<Facet> facets = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String handle = m.group(3);
            if (!isValidDomain(handle) && !handle.endsWith(".test")) continue;
            int start = m.start(2);
            facets.add(facet(text, Kind.MENTION, handle, start, m.end(3)));
        }
        m = URL.matcher(text);
        while (m.find()) {
            String uri = m.group(2);
            int start = m.start(2);
            int end = m.end(2);
            if (!uri.regionMatches(true, 0, "http", 0, 4)) {
                String domain = m.group("domain");
                if (domain == null || !isValidDomain(domain)) continue;
                uri = "https://" + uri;
            }
            // Trailing punctuation ends a sentence rather than the link, and a ')' closes a parenthesis the link did not open.
            if (uri.matches(".*[.,;:!?]$")) {
                uri = uri.substring(0, uri.length() - 1);
                end--;
            }
            if (uri.endsWith(")") && !uri.contains("(")) {
                uri = uri.substring(0, uri.length() - 1);
                end--;
            }
            facets.add(facet(text, Kind.LINK, uri, start, end));
        }
        m = TAG.matcher(text);
        while (m.find()) {
            String tag = m.group(2);
            if (tag == null) continue;
            tag = TRAILING_PUNCTUATION.matcher(tag.strip()).replaceAll("");
            if (tag.isEmpty() || tag.length() > 64) continue;
            int start = m.start() + m.group(1).length();
            facets.add(facet(text, Kind.TAG, tag, start, start + 1 + tag.length()));
        }
        facets.sort(Comparator.comparingInt(Facet::start));
        return List.copyOf(facets);
    }

    static boolean isValidDomain(String candidate) {
        return DOMAIN.matcher(candidate.toLowerCase(Locale.ROOT)).matches();
    }

    private static Facet facet(String text, Kind kind, String value, int start, int end) {
        return new Facet(kind, value, start, end, Unicode.utf8Offset(text, start), Unicode.utf8Offset(text, end));
    }
}
