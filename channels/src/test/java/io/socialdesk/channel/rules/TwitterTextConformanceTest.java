package io.socialdesk.channel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * twitter-text's own conformance files (validate.yml, extract.yml) against what Social Desk
 * uses: {@link XTextMeasure} for the weighted sections with the v3 configuration, and
 * twitter-text's {@link Extractor} for the mentions, hashtags (Instagram's cap) and URLs
 * (Mastodon's URL reservation).
 */
class TwitterTextConformanceTest {
    private static final XTextMeasure X = new XTextMeasure();

    private static Stream<DynamicTest> weighted(String section) {
        JsonNode cases = ReferenceData.yaml("twitter-text/validate.yml").path("tests").path(section);
        assertThat(cases.size()).as("cases in %s", section).isPositive();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(c.path("description").asText(), () -> {
                String text = c.path("text").asText();
                JsonNode expected = c.path("expected");
                TextCheck check = X.check(text, ValidationOptions.DEFAULTS);
                assertThat(check.measures().get("weightedLength")).isEqualTo(expected.path("weightedLength").asInt());
                assertThat(check.passes()).isEqualTo(expected.path("valid").asBoolean());
                if (!check.passes()) {
                    // The offending range starts right after twitter-text's last valid index.
                    assertThat(check.findings().get(0).start()).isEqualTo(expected.path("validRangeEnd").asInt() + 1);
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> weightedTweetsWithDiscountedEmojiV3() {
        return weighted("WeightedTweetsWithDiscountedEmojiCounterTest");
    }

    @TestFactory
    Stream<DynamicTest> unicodeDirectionalMarkers() {
        return weighted("UnicodeDirectionalMarkerCounterTest");
    }

    /**
     * WeightedTweetsCounterTest is the v2 configuration (emoji weighed per code point, without
     * the discount); twitter-text 3.1.0 exposes only v3, and upstream's Java ConformanceTest
     * skips it too. It is run here only to prove that every case where v2 and v3 disagree holds an emoji.
     */
    @Test
    void v2SectionDiffersFromV3OnlyOnEmoji() {
        JsonNode cases = ReferenceData.yaml("twitter-text/validate.yml").path("tests").path("WeightedTweetsCounterTest");
        int passed = 0;
        List<String> differing = new ArrayList<>();
        for (JsonNode c : cases) {
            String text = c.path("text").asText();
            int weighted = X.check(text, ValidationOptions.DEFAULTS).measures().get("weightedLength");
            if (weighted == c.path("expected").path("weightedLength").asInt()) {
                passed++;
            } else {
                differing.add(c.path("description").asText());
                assertThat(text.codePoints().anyMatch(cp -> UCharacter.hasBinaryProperty(cp, UProperty.EMOJI)))
                        .as("'%s' differs between v2 and v3 but holds no emoji", c.path("description").asText()).isTrue();
            }
        }
        System.out.println("twitter-text WeightedTweetsCounterTest (v2): " + passed + "/" + cases.size() + " agree with v3; differing: " + differing);
        assertThat(passed).isGreaterThanOrEqualTo(cases.size() - 2);
    }

    private static Stream<DynamicTest> extraction(String section, String key, boolean withIndices) {
        JsonNode cases = ReferenceData.yaml("twitter-text/extract.yml").path("tests").path(section);
        assertThat(cases.size()).as("cases in %s", section).isPositive();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(c.path("description").asText(), () -> {
                String text = c.path("text").asText();
                Extractor extractor = new Extractor();
                List<Extractor.Entity> found = switch (key) {
                    case "screen_name" -> extractor.extractMentionedScreennamesWithIndices(text);
                    case "hashtag" -> extractor.extractHashtagsWithIndices(text);
                    default -> extractor.extractURLsWithIndices(text);
                };
                // The files count indices in code points; the library works in UTF-16.
                extractor.modifyIndicesFromUTF16ToUnicode(text, found);
                List<String> actual = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                for (Extractor.Entity e : found) actual.add(withIndices ? e.getValue() + "@" + e.getStart() + "-" + e.getEnd() : e.getValue());
                for (JsonNode e : c.path("expected")) {
                    expected.add(withIndices ? e.path(key).asText() + "@" + e.path("indices").get(0).asInt() + "-" + e.path("indices").get(1).asInt() : e.asText());
                }
                assertThat(actual).isEqualTo(expected);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> mentions() {
        return Stream.concat(extraction("mentions", "screen_name", false), extraction("mentions_with_indices", "screen_name", true));
    }

    @TestFactory
    Stream<DynamicTest> hashtags() {
        return Stream.of(extraction("hashtags", "hashtag", false), extraction("hashtags_from_astral", "hashtag", false),
                extraction("hashtags_with_indices", "hashtag", true)).flatMap(s -> s);
    }

    @TestFactory
    Stream<DynamicTest> urls() {
        return Stream.concat(extraction("urls", "url", false), extraction("urls_with_indices", "url", true));
    }
}
