package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The folded text rules match against: every folded char maps back to the part of the post it came from. */
class FoldedTextTest {
    @Property
    void everyFoldedCharComesFromThePartItMapsTo(@ForAll String original) {
        ContentRules.Folded folded = ContentRules.Folded.of(original);
        assertThat(folded.start).hasSize(folded.text.length());
        assertThat(folded.end).hasSize(folded.text.length());
        for (int k = 0; k < folded.text.length(); k++) {
            assertThat(folded.start[k]).isBetween(0, folded.end[k] - 1);
            assertThat(folded.end[k]).isLessThanOrEqualTo(original.length());
            if (k > 0) assertThat(folded.start[k]).isGreaterThanOrEqualTo(folded.start[k - 1]);
            String source = original.substring(folded.start[k], folded.end[k]);
            assertThat(ContentRules.Folded.of(source).text).contains(String.valueOf(folded.text.charAt(k)));
        }
    }

    @Property
    void plainAsciiIsLowercasedCharForChar(@ForAll @CharRange(from = ' ', to = '~') String ascii) {
        ContentRules.Folded folded = ContentRules.Folded.of(ascii);
        assertThat(folded.text).isEqualTo(ascii.toLowerCase(Locale.ROOT));
        for (int k = 0; k < ascii.length(); k++) {
            assertThat(folded.start[k]).isEqualTo(k);
            assertThat(folded.end[k]).isEqualTo(k + 1);
        }
    }

    @Property
    void accentsAndCaseAreFoldedAlike(@ForAll @Chars({'e', 'E', 'é', 'É', 'è', 'ê', 'Ë'}) String letters) {
        assertThat(ContentRules.Folded.of(letters).text).isEqualTo("e".repeat(letters.length()));
    }

    @Test
    void aCombiningAccentStaysWithItsLetterAndTheTypographicApostropheIsPlain() {
        ContentRules.Folded folded = ContentRules.Folded.of("Ce\u0301 l\u2019été");
        assertThat(folded.text).isEqualTo("ce l'ete");
        assertThat(folded.end[1]).isEqualTo(3); // "e" and its combining acute
        assertThat(folded.start[4]).isEqualTo(5); // the apostrophe, U+2019 in the original
    }
}
