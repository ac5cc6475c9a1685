package io.socialdesk.channel.rules;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * X's weighted length, by X's own library (twitter-text 3.1.0, the v3 configuration): 280
 * weighted characters, Latin and general punctuation weigh 1, CJK and most other scripts 2, an
 * emoji sequence 2, every URL 23 whatever its length. The limit is the library's, not ours: its
 * public API has no other configuration, so the rules table states 280 and a test holds them equal.
 */
public final class XTextMeasure implements TextMeasure {
    public static final int MAX_WEIGHTED_LENGTH = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG.getMaxWeightedTweetLength();

    @Override
    public TextCheck check(String text, ValidationOptions options) {
        if (text.isEmpty()) return new TextCheck(MAX_WEIGHTED_LENGTH, Map.of("weightedLength", 0), List.of());
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text);
        List<Finding> findings = new ArrayList<>();
        // validTextRange.end is inclusive: the last UTF-16 index that still fits.
        int firstOut = Math.min(text.length(), Math.max(0, parsed.validTextRange.end + 1));
        if (parsed.weightedLength > MAX_WEIGHTED_LENGTH) {
            findings.add(new Finding("max-weighted-length",
                    "X allows " + MAX_WEIGHTED_LENGTH + " weighted characters (URLs count 23, emoji and CJK 2); this text has "
                            + parsed.weightedLength, firstOut, text.length()));
        } else if (!parsed.isValid) {
            int end = firstOut < text.length() ? firstOut + Character.charCount(text.codePointAt(firstOut)) : firstOut;
            findings.add(new Finding("invalid-characters",
                    "X refuses this character (U+FFFE, U+FFFF or an unassigned directional control)", firstOut, end));
        }
        return new TextCheck(MAX_WEIGHTED_LENGTH, Map.of("weightedLength", parsed.weightedLength), findings);
    }
}
