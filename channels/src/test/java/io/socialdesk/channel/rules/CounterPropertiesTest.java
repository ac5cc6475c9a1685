package io.socialdesk.channel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random Unicode never breaks a counter: lone surrogates, ZWJ sequences, skin tones, flags,
 * right-to-left overrides and stacks of combining marks included.
 */
class CounterPropertiesTest {
    private static final PostValidator VALIDATOR = new PostValidator(RulesTable.standard(), Clock.systemUTC());
    private static final ValidationOptions OPTIONS = ValidationOptions.DEFAULTS;

    private static final List<String> PIECES = List.of(
            "\u200D", "\uD83D", "\uDC68", "\uD83D\uDC68", "\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDFFD", "\uD83C\uDDFA\uD83C\uDDF8",
            "\u202E", "\u202A", "\u2066", "\u2069", "\u0301", "\u0308\u0323", "\uFE0F", "\uFFFF", "\uFFFE", "न", "्", "日", "a", " ",
            "#", "@", "@a@b.c", "https://example.com/x", "example.com", "\n", "\u0000", "ＡＢ", "👨‍👩‍👧‍👧");

    @Provide
    Arbitrary<String> messyText() {
        Arbitrary<String> pieces = Arbitraries.of(PIECES);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(8);
        return Arbitraries.oneOf(pieces, anyChars).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void countersNeverThrowAndRangesStayInsideTheText(@ForAll("messyText") String text) {
        for (Network network : Network.values()) {
            Verdict v = VALIDATOR.validateText(network, text, OPTIONS);
            assertThat(v.measures()).isNotEmpty();
            for (Violation e : v.violations()) {
                assertThat(e.start()).isBetween(0, text.length());
                assertThat(e.end()).isBetween(e.start(), text.length());
            }
        }
        BlueskyFacets.detect(text).forEach(f -> assertThat(f.byteEnd()).isGreaterThan(f.byteStart()));
    }

    @Property(tries = 400)
    void graphemesNeverExceedUtf16LengthAndBytesNeverFallBelowGraphemes(@ForAll("messyText") String text) {
        int graphemes = Unicode.graphemes(text);
        int bytes = Unicode.utf8Length(text);
        assertThat(graphemes).isLessThanOrEqualTo(text.length());
        assertThat(bytes).isGreaterThanOrEqualTo(graphemes);
        assertThat(bytes).isGreaterThanOrEqualTo(text.codePointCount(0, text.length()));
    }

    @Property(tries = 200)
    void aBlueskyTextAtExactlyTheLimitIsValidAndOneGraphemeMoreIsNot(@ForAll("graphemeCluster") String cluster) {
        // Clusters that cannot merge with a neighbour: repeated, each stays its own grapheme (flags would pair up, so they are left out).
        String atLimit = cluster.repeat(300);
        if (Unicode.utf8Length(atLimit) > 3000) return;
        assertThat(Unicode.graphemes(atLimit)).isEqualTo(300);
        assertThat(VALIDATOR.validateText(Network.BLUESKY, atLimit, OPTIONS).valid()).isTrue();
        Verdict over = VALIDATOR.validateText(Network.BLUESKY, atLimit + cluster, OPTIONS);
        assertThat(over.valid()).isFalse();
        assertThat(over.violations()).extracting(Violation::rule).contains("max-graphemes");
    }

    @Provide
    Arbitrary<String> graphemeCluster() {
        return Arbitraries.of("a", "é", "e\u0301", "日", "न", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\u05D0", "ß", "\u0915\u094D\u0937");
    }

    @Property(tries = 200)
    void aTextAtExactlyTheLimitIsValidAndOneCharacterMoreIsNot(@ForAll("plainNetwork") Network network, @ForAll("plainChar") String c) {
        int limit = VALIDATOR.validateText(network, "", OPTIONS).limit();
        assertThat(VALIDATOR.validateText(network, c.repeat(limit), OPTIONS).valid()).as("%s at %d", network, limit).isTrue();
        assertThat(VALIDATOR.validateText(network, c.repeat(limit + 1), OPTIONS).valid()).isFalse();
    }

    @Provide
    Arbitrary<Network> plainNetwork() {
        return Arbitraries.of(Network.MASTODON, Network.LINKEDIN, Network.THREADS, Network.INSTAGRAM, Network.X);
    }

    @Provide
    Arbitrary<String> plainChar() {
        return Arbitraries.of("a", "Z", "é", "-", ".");
    }
}
