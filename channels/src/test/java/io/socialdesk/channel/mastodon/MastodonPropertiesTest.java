package io.socialdesk.channel.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** Properties of the Mastodon pieces that have them: id order, and HTML turned back into the text it shows. */
class MastodonPropertiesTest {

    @Property
    void idsOrderAsTheNumbersTheyAre(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
        int expected = Integer.signum(BigInteger.valueOf(a).compareTo(BigInteger.valueOf(b)));
        assertThat(Integer.signum(MastodonApi.ID_ORDER.compare(Long.toString(a), Long.toString(b)))).isEqualTo(expected);
    }

    /** Mastodon writes a plain status as paragraphs with escaped text and {@code <br />} for line breaks. */
    @Property
    void theHtmlMastodonMakesOfAPlainTextGivesThatTextBack(
            @ForAll @StringLength(min = 1, max = 60) @AlphaChars @NumericChars @Chars({' ', '<', '>', '&', '"', '\'', '\n', 'é', '€'}) String text) {
        String normalized = text.replaceAll(" *\n *", "\n").replaceAll("\n{2,}", "\n").replaceAll(" {2,}", " ").strip();
        String html = "<p>" + escape(normalized).replace("\n", "<br />") + "</p>";

        assertThat(MastodonHtml.plainText(html)).isEqualTo(normalized);
    }

    /**
     * Script and style bodies are data, never text. (Text that merely looks like a tag, as in {@code <a =<script>},
     * is parsed as a browser parses it, and is text: it is escaped wherever it is shown.)
     */
    @Property
    void scriptAndStyleBodiesNeverBecomeText(@ForAll @StringLength(max = 40) @AlphaChars @Chars({' ', '/', '>', '=', '&', ';'}) String inside) {
        String html = "<p>" + inside + "<script>document.cookie</script><style>p{}</style><b onclick=\"x()\">bold</b></p>";

        String text = MastodonHtml.plainText(html);

        assertThat(text).doesNotContain("document.cookie").doesNotContain("p{}").doesNotContain("onclick").contains("bold");
    }

    @Example
    void paragraphsAndBreaksBecomeLines() {
        assertThat(MastodonHtml.plainText("<p>one<br>two</p><p>three</p>")).isEqualTo("one\ntwo\n\nthree");
        assertThat(MastodonHtml.plainText("")).isEmpty();
        assertThat(MastodonHtml.plainText(null)).isEmpty();
    }

    @Example
    void aRemoteMentionComparesAsMastodonShowsIt() {
        assertThat(MastodonHtml.comparable("Thanks  @ana@other.social\nsee you")).isEqualTo("Thanks @ana see you");
        assertThat(MastodonHtml.comparable("mail me: ana@other.social")).isEqualTo("mail me: ana@other.social");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
