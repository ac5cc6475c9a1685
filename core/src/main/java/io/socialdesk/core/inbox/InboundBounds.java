package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.problem.FieldProblem;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * What the inbox accepts of an imported item, whatever its source (a connector, the inbound webhook). An item
 * without an external id or author id is refused with a problem naming the field; everything else is kept,
 * bounded:
 * <ul>
 *   <li>the text: NUL characters and lone surrogates become U+FFFD (PostgreSQL refuses both); beyond
 *       {@value #MAX_TEXT} characters it is cut at a whole character and ends with
 *       {@code " … [cut: N characters in all]"};</li>
 *   <li>handle, display name and kind: control characters removed, at most {@value #MAX_NAME} characters;</li>
 *   <li>links (the item's and the author's profile): kept only when they are absolute http(s) URLs of at most
 *       {@value #MAX_URL} characters without a user name or password, since they are shown to agents as links;</li>
 *   <li>ids (external, author, parent, root) at most {@value #MAX_ID} characters: a longer external or author id
 *       is refused, a longer parent or root id dropped;</li>
 *   <li>no creation time: the time it was received.</li>
 * </ul>
 */
public final class InboundBounds {
    public static final int MAX_TEXT = 64 * 1024;
    public static final int MAX_NAME = 255;
    public static final int MAX_URL = 2000;
    public static final int MAX_ID = 1000;

    private InboundBounds() {}

    /** The item as the inbox keeps it, or why it is refused. */
    public record Checked(Inbound item, FieldProblem problem) {
        public boolean refused() {
            return problem != null;
        }
    }

    public static Checked check(Inbound item, Instant receivedAt) {
        if (item.externalId().isBlank()) {
            return refused("externalId", "required", "An imported item needs its id on the network (externalId); this one has none");
        }
        if (item.externalId().length() > MAX_ID) {
            return refused("externalId", "max-length", "An item's id on the network must have at most " + MAX_ID + " characters");
        }
        if (item.author().id().isBlank()) {
            return refused("author.id", "required", "An imported item needs its author's id on the network (author.id); this one has none");
        }
        if (item.author().id().length() > MAX_ID) {
            return refused("author.id", "max-length", "An author's id on the network must have at most " + MAX_ID + " characters");
        }
        Inbound.Author a = item.author();
        Inbound.Author author = new Inbound.Author(clean(a.id()), name(a.handle()), name(a.displayName()),
                a.followers() == null || a.followers() < 0 ? null : a.followers(), link(a.profileUrl()));
        Inbound bounded = new Inbound(item.network(), item.stream(), clean(item.externalId()), name(item.kind()), text(item.text()),
                item.createdAt() == null ? receivedAt : item.createdAt(), author, link(item.url()), id(item.parentId()), id(item.rootId()),
                language(item.language()));
        return new Checked(bounded, null);
    }

    private static Checked refused(String field, String rule, String message) {
        return new Checked(null, new FieldProblem(field, rule, message));
    }

    /** The text with NUL and lone surrogates replaced, cut beyond {@link #MAX_TEXT} characters with a note saying so. */
    public static String text(String text) {
        String clean = clean(text);
        if (clean.length() <= MAX_TEXT) return clean;
        int end = MAX_TEXT;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) end--;
        return clean.substring(0, end) + " … [cut: " + clean.length() + " characters in all]";
    }

    /** Replaces what databases refuse in text: NUL, and surrogates that are not part of a pair. */
    static String clean(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c == 0;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) out.append(c).append(text.charAt(i + 1));
                    i++;
                    continue;
                }
                bad = true;
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (out != null) out.append(bad ? '\uFFFD' : c);
        }
        return out == null ? text : out.toString();
    }

    /** Compiled once: names are cleaned for every imported item. */
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+");

    private static String name(String name) {
        if (name == null) return null;
        String line = CONTROLS.matcher(clean(name)).replaceAll(" ").strip();
        if (line.length() <= MAX_NAME) return line;
        int end = MAX_NAME;
        if (Character.isHighSurrogate(line.charAt(end - 1))) end--;
        return line.substring(0, end);
    }

    private static String id(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID) return null;
        return clean(id);
    }

    private static String language(String language) {
        if (language == null || language.isBlank() || language.length() > 35 || !language.matches("[A-Za-z0-9-]+")) return null;
        return language;
    }

    /** An absolute http(s) URL without user info, else nothing: links are shown to agents. */
    public static String link(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) return null;
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null) return uri.toString();
        } catch (java.net.URISyntaxException e) {
            // not a link
        }
        return null;
    }
}
