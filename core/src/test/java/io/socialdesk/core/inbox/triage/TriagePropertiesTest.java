package io.socialdesk.core.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import java.time.Instant;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Whatever the text, triage answers in range, quickly, and never throws. */
class TriagePropertiesTest {
    static final Set<String> LANGUAGES = Set.of("en", "fr", "es", "de", "it", "pt", "nl", "ja", "ko", "el", "he", "th", "hy", "ka", "zh", "und");
    final TextTriager triager = new TextTriager();

    static Inbound item(String text, String handle, Long followers, String language) {
        return new Inbound(Network.MASTODON, Stream.REPLIES, "x", null, text, Instant.parse("2026-12-01T09:00:00Z"),
                new Inbound.Author("id-" + handle, handle, null, followers, null), null, null, null, language);
    }

    static void inRange(Triage t) {
        inRange(t, null);
    }

    /** The language is one the detector names, or the network's tag when that is a real ISO 639-1 code. */
    static void inRange(Triage t, String tag) {
        assertThat(t.sentiment()).isBetween(-1.0, 1.0);
        assertThat(t.spam()).isBetween(0.0, 1.0);
        if (!LANGUAGES.contains(t.language())) {
            assertThat(tag).isNotNull();
            assertThat(t.language()).isEqualTo(tag.trim().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0]).isIn(Set.of(java.util.Locale.getISOLanguages()));
        }
        assertThat(t.urgency()).isNotNull();
    }

    @Property(tries = 400)
    void anyStringIsTriagedInRange(@ForAll("hostile") String text, @ForAll @StringLength(max = 20) String handle,
            @ForAll("followers") Long followers, @ForAll("tags") String tag) {
        inRange(triager.triage(item(text, handle, followers, tag)), tag);
        inRange(triager.read(text));
    }

    /** Lone surrogates, controls, emoji halves, combining marks, right-to-left marks, mixed scripts. */
    @Provide
    Arbitrary<String> hostile() {
        char[] nasty = {'\uD83D', '\uDE00', '\uDC00', '\uFEFF', '\u200B', '\u200D', '\u202E', '\u0301', '\u0000',
                '\n', '\t', '!', '?', '@', '#', ':', '\'', '’', '-', 'é', 'É', 'ß', 'œ', 'ı', 'İ', 'ﬁ', '\uFE0F', '字', 'ж', 'ا', 'ह'};
        Arbitrary<String> chars = Arbitraries.strings().withChars(nasty).ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> words = Arbitraries.of("not", "pas", "ne", "mais", "but", "very", "trop", "URGENT", "https://t.co/x", "www.", "@acme",
                "#fail", "j'", "n'", ":)", ":'(", "😡", "❤️", "pas mal", "ok", "merci", "refund", "a l'aide", "ras le bol", "kind of", "un peu");
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.oneOf(words, chars, Arbitraries.strings().alpha().ofMaxLength(8)).list().ofMaxSize(60).map(l -> String.join(" ", l)),
                Arbitraries.oneOf(words, chars).list().ofMaxSize(60).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<Long> followers() {
        return Arbitraries.longs().between(-5, Long.MAX_VALUE).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.oneOf(Arbitraries.of("en", "fr", "en-US", "fr_CA", "", "  ", "und", "zz", "e", "english", "de", "pt-BR", "-", "_x"),
                Arbitraries.strings().ofMaxLength(6)).injectNull(0.3);
    }

    @Example
    void aMegabyteOfTextTakesBoundedTime() {
        StringBuilder b = new StringBuilder(1 << 20);
        while (b.length() < (1 << 20)) b.append("This is broken!!! Ce n'est pas normal 😡 https://t.co/abc @acme #fail ");
        String mb = b.toString();
        triager.read(mb); // warm up
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) inRange(triager.triage(item(mb, "h", 10L, null)));
        long perItemMicros = (System.nanoTime() - start) / 10 / 1000;
        // Only the first 10,000 characters are read: a 1 MB text costs what a long post costs, far from a second.
        assertThat(perItemMicros).as("µs per 1 MB item").isLessThan(50_000);
    }

    @Example
    void aMegabyteWithoutSpacesOrOfOneSurrogateHalfIsHandled() {
        inRange(triager.read("a".repeat(1 << 20)));
        inRange(triager.read("\uD83D".repeat(1 << 20)));
        inRange(triager.read("😡".repeat(1 << 19)));
        inRange(triager.read("@".repeat(1 << 20)));
        inRange(triager.read("https://" + "x".repeat(1 << 20)));
    }
}
