package io.socialdesk.channel.mastodon;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Mastodon sends a status's text as HTML ({@code <p>}, {@code <br>}, links and mention spans). We keep its
 * plain text: the HTML is parsed (not stripped with a pattern, which hostile markup can slip through), only
 * text nodes are kept (a {@code <script>} or {@code <style>} body is data, not text, so it is dropped), entities
 * are decoded, and {@code <br>} and the end of a paragraph become line breaks. The result is text, to be
 * escaped wherever it is shown like any other text.
 */
public final class MastodonHtml {
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\n");
    /** A remote mention written {@code @user@example.social}: Mastodon's HTML shows only {@code @user}. */
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w/=])@([\\w.-]+)@[\\w.-]+\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MastodonHtml() {
    }

    /** The plain text of a status's HTML content. */
    public static String plainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.normalName().equals("p")) {
                    out.append("\n\n");
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        String text = TRAILING_SPACES.matcher(out.toString().replace('\u00a0', ' ')).replaceAll("\n");
        return MANY_BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /**
     * The form in which a text we sent and the plain text of a status compare equal: whitespace collapsed, and
     * remote mentions reduced to their local part as Mastodon's HTML shows them.
     */
    static String comparable(String text) {
        String local = REMOTE_MENTION.matcher(text == null ? "" : text).replaceAll("@$1");
        return WHITESPACE.matcher(local).replaceAll(" ").strip();
    }
}
