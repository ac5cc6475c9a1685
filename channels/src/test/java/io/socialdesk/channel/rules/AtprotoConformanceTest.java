package io.socialdesk.channel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.rules.BlueskyFacets.Facet;
import io.socialdesk.channel.rules.BlueskyFacets.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bluesky's counting against atproto's own material: the interop record-data cases that concern
 * string limits in graphemes and in UTF-8 bytes (read in place), and vectors transcribed from
 * atproto's TypeScript tests ({@code packages/api/tests/rich-text.test.ts},
 * {@code packages/lex/lex-data/src/utf8-grapheme-len.test.ts}, MIT/Apache-2.0).
 */
class AtprotoConformanceTest {
    /**
     * From atproto-interop-tests {@code lexicon/catalog/record.json} (CC0), which is not in the
     * shared folder: {@code graphemeString} has minGraphemes 10 and maxGraphemes 20,
     * {@code lenString} minLength 10 and maxLength 20 (UTF-8 bytes).
     */
    private static final int MIN = 10;
    private static final int MAX = 20;
    private static final BlueskyTextMeasure CATALOG = new BlueskyTextMeasure(MAX, MAX);

    private static boolean graphemeStringValid(String s) {
        return Unicode.graphemes(s) >= MIN && CATALOG.check(s, ValidationOptions.DEFAULTS).findings().stream().noneMatch(f -> f.rule().equals("max-graphemes"));
    }

    private static boolean lenStringValid(String s) {
        return Unicode.utf8Length(s) >= MIN && CATALOG.check(s, ValidationOptions.DEFAULTS).findings().stream().noneMatch(f -> f.rule().equals("max-bytes"));
    }

    @Test
    void recordDataCasesOnStringLimits() {
        JsonNode valid = ReferenceData.json("atproto/interop/lexicon/record-data-valid.json");
        JsonNode invalid = ReferenceData.json("atproto/interop/lexicon/record-data-invalid.json");
        int checked = 0;
        for (JsonNode c : valid) {
            JsonNode data = c.path("data");
            if (data.has("graphemeString")) {
                assertThat(graphemeStringValid(data.get("graphemeString").asText())).as(c.path("name").asText()).isTrue();
                checked++;
            }
            if (data.has("lenString")) {
                assertThat(lenStringValid(data.get("lenString").asText())).as(c.path("name").asText()).isTrue();
                checked++;
            }
        }
        for (JsonNode c : invalid) {
            JsonNode data = c.path("data");
            if (data.has("graphemeString")) {
                assertThat(graphemeStringValid(data.get("graphemeString").asText())).as(c.path("name").asText()).isFalse();
                checked++;
            }
            if (data.has("lenString")) {
                assertThat(lenStringValid(data.get("lenString").asText())).as(c.path("name").asText()).isFalse();
                checked++;
            }
        }
        // full (2 fields), string too short/long, string too short/long (graphemes).
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void theValidCaseCountsSixFlagsAndRainbowsAsTwelveGraphemes() {
        String s = ReferenceData.json("atproto/interop/lexicon/record-data-valid.json").get(1).path("data").path("graphemeString").asText();
        assertThat(Unicode.graphemes(s)).isEqualTo(12);
    }

    @Test
    void transcribedGraphemeAndByteVectors() {
        assertThat(counts("👨‍👩‍👧‍👧")).containsExactly(1, 25);
        assertThat(counts("👨‍👩‍👧‍👧🔥 good!✅")).containsExactly(9, 38);
        assertThat(Unicode.graphemes("a~öñ©⽘☎𓋓😀👨‍👩‍👧‍👧")).isEqualTo(10);
        assertThat(counts("नमस्ते")).containsExactly(3, 18);
        assertThat(counts("🇺🇸")).containsExactly(1, 8);
        assertThat(counts("👍🏽")).containsExactly(1, 8);
    }

    private static List<Integer> counts(String s) {
        return List.of(Unicode.graphemes(s), Unicode.utf8Length(s));
    }

    @Test
    void utf16RangesMapToTheFacetByteRangesOfTheReference() {
        String family = "👨‍👩‍👧‍👧";
        String text = family + family + family;
        assertThat(Unicode.utf8Offset(text, 0)).isZero();
        assertThat(Unicode.utf8Offset(text, 11)).isEqualTo(25);
        assertThat(Unicode.utf8Offset(text, 22)).isEqualTo(50);
    }

    @Test
    void facetsCarryUtf8ByteOffsets() {
        String family = "👨‍👩‍👧‍👧";
        String text = "one" + family + " @alice.bsky.social two" + family + " https://example.com/a. #tag" + family + "!";
        List<Facet> facets = BlueskyFacets.detect(text);
        assertThat(facets).extracting(Facet::kind).containsExactly(Kind.MENTION, Kind.LINK, Kind.TAG);
        for (Facet f : facets) {
            byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String bytesSlice = new String(utf8, f.byteStart(), f.byteEnd() - f.byteStart(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(bytesSlice).isEqualTo(text.substring(f.start(), f.end()));
        }
        assertThat(facets.get(0).value()).isEqualTo("alice.bsky.social");
        assertThat(facets.get(0).byteStart()).isEqualTo(3 + 25 + 1);
        assertThat(facets.get(1).value()).isEqualTo("https://example.com/a");
        // The reference's TAG_REGEX stops a tag at a zero-width joiner, so only the first person of the family is in it.
        assertThat(facets.get(2).value()).isEqualTo("tag👨");
    }

    @Test
    void facetDetectionFollowsTheReferenceOnItsEdgeCases() {
        assertThat(BlueskyFacets.detect("@alice no domain")).isEmpty();
        assertThat(BlueskyFacets.detect("hi @bob.test")).extracting(Facet::value).containsExactly("bob.test");
        assertThat(BlueskyFacets.detect("see example.com.")).extracting(Facet::value).containsExactly("https://example.com");
        assertThat(BlueskyFacets.detect("(https://example.com)")).extracting(Facet::value).containsExactly("https://example.com");
        assertThat(BlueskyFacets.detect("#123 is not a tag, #a1 is")).extracting(Facet::value).containsExactly("a1");
        assertThat(BlueskyFacets.detect("full width ＃タグ")).extracting(Facet::value).containsExactly("タグ");
        assertThat(BlueskyFacets.detect("mid#word")).isEmpty();
    }
}
