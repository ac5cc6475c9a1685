package io.socialdesk.channel.x;

import com.twitter.twittertext.Extractor;
import java.text.Normalizer;
import java.util.List;

/**
 * Post texts as X gives them back. X's API escapes {@code &}, {@code <} and {@code >} as HTML entities
 * in {@code text}, and replaces every link by a t.co link (appending one more for attached media), so
 * the text we sent and the text X shows are compared with their links taken out.
 */
final class XText {
    private static final Extractor LINKS = new Extractor();

    private XText() {
    }

    /** X's {@code text} as written: the three entities X adds undone ({@code &amp;} last, so {@code &amp;lt;} stays {@code &lt;}). */
    static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * A plain text (X's already unescaped) reduced to what X keeps of it: links removed (twitter-text finds them the way
     * X does, with or without a scheme), leading @mentions dropped (X may add or hide them on replies),
     * Unicode NFC, whitespace collapsed.
     */
    static String comparable(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(plain.length());
        int at = 0;
        List<Extractor.Entity> urls = LINKS.extractURLsWithIndices(plain);
        for (Extractor.Entity url : urls) {
            out.append(plain, at, url.getStart()).append(' ');
            at = url.getEnd();
        }
        out.append(plain.substring(at));
        String flat = out.toString().replaceAll("\\s+", " ").strip();
        return flat.replaceFirst("^(?:@\\w{1,15}\\s*)+", "").strip();
    }

    /** Whether X's text of a post (as its API gives it, escaped) is the text we sent, up to what X changes. */
    static boolean same(String sent, String shown) {
        return comparable(sent).equals(comparable(unescape(shown)));
    }
}
