package io.socialdesk.channel.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bluesky's two limits on {@code app.bsky.feed.post#text}: {@code maxGraphemes} (300 grapheme
 * clusters, as ICU counts them) and {@code maxLength} (3000, which the Lexicon spec measures in
 * UTF-8 bytes). Both apply; a text of 300 family emoji fits the first and breaks the second.
 */
public final class BlueskyTextMeasure implements TextMeasure {
    private final int maxGraphemes;
    private final int maxBytes;

    public BlueskyTextMeasure(int maxGraphemes, int maxBytes) {
        this.maxGraphemes = maxGraphemes;
        this.maxBytes = maxBytes;
    }

    public int maxGraphemes() {
        return maxGraphemes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    @Override
    public TextCheck check(String text, ValidationOptions options) {
        int[] bounds = Unicode.graphemeBoundaries(text);
        int graphemes = bounds.length - 1;
        int bytes = Unicode.utf8Length(text);
        List<Finding> findings = new ArrayList<>();
        if (graphemes > maxGraphemes) {
            findings.add(new Finding("max-graphemes", "Bluesky allows " + maxGraphemes + " characters (grapheme clusters); this text has " + graphemes,
                    bounds[maxGraphemes], text.length()));
        }
        if (bytes > maxBytes) {
            findings.add(new Finding("max-bytes", "Bluesky allows " + maxBytes + " bytes of UTF-8; this text has " + bytes,
                    firstBeyondBytes(text, maxBytes), text.length()));
        }
        Map<String, Integer> measures = new LinkedHashMap<>();
        measures.put("graphemes", graphemes);
        measures.put("bytes", bytes);
        return new TextCheck(maxGraphemes, measures, findings);
    }

    /** The UTF-16 offset of the first code point whose last byte lies beyond {@code max}. */
    private static int firstBeyondBytes(String text, int max) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += Unicode.utf8Length(cp);
            if (bytes > max) return i;
            i += Character.charCount(cp);
        }
        return text.length();
    }
}
