package io.socialdesk.channel.rules;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting primitives the measures share. Grapheme clusters come from ICU4J: JDK 17's
 * {@code java.text.BreakIterator} splits emoji ZWJ sequences and flags, and its regex {@code \X}
 * splits Devanagari conjuncts, both unlike the atproto reference. UTF-8 lengths are computed per
 * code point, with a lone surrogate counted as the 3 bytes of U+FFFD that an encoder sends instead.
 */
public final class Unicode {
    private Unicode() {}

    /** The UTF-16 offsets where grapheme clusters start, plus {@code text.length()} at the end. */
    public static int[] graphemeBoundaries(String text) {
        // A new iterator per call: ICU iterators are not thread-safe, and creating one is cheap next to a request.
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        List<Integer> bounds = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) bounds.add(b);
        if (bounds.isEmpty() || bounds.get(bounds.size() - 1) != text.length()) bounds.add(text.length());
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int graphemes(String text) {
        return text.isEmpty() ? 0 : graphemeBoundaries(text).length - 1;
    }

    /** UTF-8 length of one code point (a lone surrogate: 3, as U+FFFD). */
    public static int utf8Length(int codePoint) {
        if (codePoint < 0x80) return 1;
        if (codePoint < 0x800) return 2;
        if (codePoint < 0x10000) return 3;
        return 4;
    }

    public static int utf8Length(String text) {
        return utf8Offset(text, text.length());
    }

    /** The UTF-8 byte offset of UTF-16 offset {@code utf16Index}: what Bluesky facets use. */
    public static int utf8Offset(String text, int utf16Index) {
        int bytes = 0;
        for (int i = 0; i < utf16Index; ) {
            int cp = text.codePointAt(i);
            bytes += utf8Length(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** True for a cluster that shows as an emoji: it holds a pictograph or a regional-indicator flag letter. */
    public static boolean isEmojiCluster(String cluster) {
        return cluster.codePoints().anyMatch(cp -> UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR));
    }

    /** The start of the unit that first pushes a running total beyond {@code limit}, or -1: units are [starts[i], starts[i+1]) with weights[i]. */
    static int overflowStart(int[] starts, int[] weights, int limit) {
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            if (total > limit) return starts[i];
        }
        return -1;
    }
}
