package io.socialdesk.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records the connector builds, and the checks it makes, against atproto's own material read in
 * place from {@code ../shared/reference/data/atproto}: the lexicons (through {@link LexiconValidator},
 * which reads them), the interop {@code syntax/*.txt} files (through {@link AtprotoSyntax}) and the
 * interop {@code lexicon/record-data-*.json} cases that exercise what an {@code app.bsky.feed.post} uses.
 */
class BlueskyLexiconTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CID = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm";

    // ------------------------------------------------------------------ syntax

    static Stream<Arguments> syntaxFiles() {
        return Stream.of(
                Arguments.of("did", (Predicate<String>) AtprotoSyntax::isDid),
                Arguments.of("handle", (Predicate<String>) AtprotoSyntax::isHandle),
                Arguments.of("atidentifier", (Predicate<String>) AtprotoSyntax::isAtIdentifier),
                Arguments.of("nsid", (Predicate<String>) AtprotoSyntax::isNsid),
                Arguments.of("aturi", (Predicate<String>) AtprotoSyntax::isAtUri),
                Arguments.of("recordkey", (Predicate<String>) AtprotoSyntax::isRecordKey),
                Arguments.of("tid", (Predicate<String>) AtprotoSyntax::isTid),
                Arguments.of("datetime", (Predicate<String>) AtprotoSyntax::isDatetime),
                Arguments.of("language", (Predicate<String>) AtprotoSyntax::isLanguage),
                Arguments.of("cid", (Predicate<String>) AtprotoSyntax::isCid),
                Arguments.of("uri", (Predicate<String>) AtprotoSyntax::isUri));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxFiles")
    void everyInteropSyntaxCase(String kind, Predicate<String> valid) {
        List<String> good = AtprotoReference.lines("interop/syntax/" + kind + "_syntax_valid.txt");
        List<String> bad = AtprotoReference.lines("interop/syntax/" + kind + "_syntax_invalid.txt");
        assertThat(good).isNotEmpty();
        assertThat(bad).isNotEmpty();
        assertThat(good).as("valid %s values", kind).allMatch(valid);
        assertThat(bad).as("invalid %s values", kind).noneMatch(valid);
    }

    @Test
    void datetimesAndLanguagesThatParseButAreNotValid() {
        assertThat(AtprotoReference.lines("interop/syntax/datetime_parse_invalid.txt")).hasSize(7).noneMatch(AtprotoSyntax::isDatetime);
        assertThat(AtprotoReference.lines("interop/syntax/language_parse_invalid.txt")).hasSize(4).noneMatch(AtprotoSyntax::isLanguage);
    }

    // ------------------------------------------------------------------ TIDs

    @Test
    void generatedRecordKeysAreTidsInTimeOrderEvenWhenTheClockStandsStill() {
        Tid tids = new Tid(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(tids.next());
        }
        assertThat(keys).allMatch(AtprotoSyntax::isTid).doesNotHaveDuplicates().isSorted();
        assertThat(Tid.instantOf(keys.get(0))).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
        // The interop file's example 3jzfcijpj2z2a decodes to its time (checked independently with Python).
        assertThat(Tid.instantOf("3jzfcijpj2z2a")).isEqualTo(Instant.parse("2023-06-30T15:03:01.887007Z"));
        assertThat(Tid.encode((Tid.instantOf("3jzfcijpj2z2a").toEpochMilli() * 1000 + 7) << 10 | 6)).isEqualTo("3jzfcijpj2z2a");
    }

    @Property
    void aTidEncodesItsMicrosecondAndSortsLikeTime(@ForAll @LongRange(min = 0, max = 9_000_000_000_000_000L) long micros,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long later, @ForAll @LongRange(min = 0, max = 1023) long seed) {
        Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        Instant then = at.plusNanos(later * 1000);
        String a = new Tid(Clock.fixed(at, ZoneOffset.UTC), new Random(seed)).next();
        String b = new Tid(Clock.fixed(then, ZoneOffset.UTC), new Random(seed)).next();
        assertThat(a).matches(AtprotoSyntax::isTid);
        assertThat(Tid.instantOf(a)).isEqualTo(at);
        assertThat(a.compareTo(b)).isNegative();
    }

    // ------------------------------------------------------------------ the post lexicon

    static ObjectNode validPost() throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"$type":"app.bsky.feed.post","text":"Hi 👨‍👩‍👧 @bob.test https://example.com #launch",
                 "createdAt":"2025-03-01T12:00:00.000Z","langs":["en","fr"],
                 "facets":[
                   {"index":{"byteStart":22,"byteEnd":31},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:bob"}]},
                   {"index":{"byteStart":32,"byteEnd":51},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com"}]},
                   {"index":{"byteStart":52,"byteEnd":59},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"launch"}]}],
                 "reply":{"root":{"uri":"at://did:plc:carol/app.bsky.feed.post/3lbroot222222","cid":"%s"},
                          "parent":{"uri":"at://did:plc:carol/app.bsky.feed.post/3lbroot222222","cid":"%s"}},
                 "embed":{"$type":"app.bsky.embed.images","images":[{"alt":"a chart",
                    "image":{"$type":"blob","ref":{"$link":"%s"},"mimeType":"image/png","size":1999999},
                    "aspectRatio":{"width":4,"height":3}}]}}
                """.formatted(CID, CID, CID));
    }

    @Test
    void theLexiconsAreThePublishedOnes() {
        LexiconValidator lexicons = LexiconValidator.fromFolder(AtprotoReference.path("lexicons"));
        assertThat(lexicons.size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aFullPostPassesBothChecks() throws IOException {
        ObjectNode post = validPost();
        LexiconValidator lexicons = LexiconValidator.fromFolder(AtprotoReference.path("lexicons"));
        assertThat(PostRecordCheck.problems(post)).isEmpty();
        assertThat(lexicons.validateRecord("app.bsky.feed.post", post)).isEmpty();
    }

    /** A broken post, the field the hand-written check names, and whether the lexicon alone can see it. */
    record Breakage(String name, Consumer<ObjectNode> change, String field, boolean lexiconSeesIt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Breakage> breakages() {
        String family = "👨‍👩‍👧‍👧";
        return Stream.of(
                new Breakage("301 graphemes", p -> p.put("text", "a".repeat(301)), "text", true),
                new Breakage("3001 bytes in 121 graphemes", p -> p.put("text", family.repeat(120) + "a"), "text", true),
                new Breakage("no text", p -> p.remove("text"), "text", true),
                new Breakage("text of the wrong type", p -> p.put("text", 3), "text", true),
                new Breakage("no createdAt", p -> p.remove("createdAt"), "createdAt", true),
                new Breakage("createdAt without a zone", p -> p.put("createdAt", "2025-03-01T12:00:00"), "createdAt", true),
                new Breakage("four languages", p -> p.putArray("langs").add("en").add("fr").add("de").add("it"), "langs", true),
                new Breakage("a language that is not BCP 47", p -> p.putArray("langs").add("english"), "langs[0]", true),
                new Breakage("nine tags", p -> {
                    var tags = p.putArray("tags");
                    for (int i = 0; i < 9; i++) tags.add("t" + i);
                }, "tags", true),
                new Breakage("a mention without a DID", p -> facet(p, 0).put("did", "bob.test"), "facets[0].features[0].did", true),
                new Breakage("a link that is not a URI", p -> facet(p, 1).put("uri", "example dot com"), "facets[1].features[0].uri", true),
                new Breakage("a negative byteStart", p -> index(p, 0).put("byteStart", -1), "facets[0].index", true),
                new Breakage("a facet beyond the text", p -> index(p, 2).put("byteEnd", 60), "facets[2].index", false),
                new Breakage("a facet ending before it starts", p -> index(p, 2).put("byteEnd", 52), "facets[2].index", false),
                new Breakage("overlapping facets", p -> index(p, 1).put("byteStart", 25), "overlaps", false),
                new Breakage("a reply without a cid", p -> ((ObjectNode) p.path("reply").path("parent")).remove("cid"), "reply.parent.cid", true),
                new Breakage("a reply to something that is not an AT-URI", p -> ((ObjectNode) p.path("reply").path("root")).put("uri", "https://bsky.app/x"),
                        "reply.root.uri", true),
                new Breakage("five images", p -> {
                    var images = (com.fasterxml.jackson.databind.node.ArrayNode) p.path("embed").path("images");
                    for (int i = 0; i < 4; i++) images.add(images.get(0).deepCopy());
                }, "embed.images", true),
                new Breakage("an image of 2,000,001 bytes", p -> blob(p).put("size", 2_000_001), "embed.images[0].image.size", true),
                new Breakage("a blob that is not an image", p -> blob(p).put("mimeType", "text/plain"), "embed.images[0].image.mimeType", true),
                new Breakage("an image without alt text", p -> ((ObjectNode) p.path("embed").path("images").get(0)).remove("alt"),
                        "embed.images[0].alt", true),
                new Breakage("an aspect ratio of zero", p -> ((ObjectNode) p.path("embed").path("images").get(0).path("aspectRatio")).put("width", 0),
                        "aspectRatio", true),
                new Breakage("an embed without $type", p -> ((ObjectNode) p.path("embed")).remove("$type"), "embed.$type", true));
    }

    private static ObjectNode facet(ObjectNode post, int i) {
        return (ObjectNode) post.path("facets").get(i).path("features").get(0);
    }

    private static ObjectNode index(ObjectNode post, int i) {
        return (ObjectNode) post.path("facets").get(i).path("index");
    }

    private static ObjectNode blob(ObjectNode post) {
        return (ObjectNode) post.path("embed").path("images").get(0).path("image");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenPostIsRefusedByTheHandWrittenCheckAndByTheLexicon(Breakage breakage) throws IOException {
        LexiconValidator lexicons = LexiconValidator.fromFolder(AtprotoReference.path("lexicons"));
        ObjectNode post = validPost();
        breakage.change().accept(post);
        assertThat(PostRecordCheck.problems(post)).as("hand-written check").anyMatch(p -> p.contains(breakage.field()));
        if (breakage.lexiconSeesIt()) {
            assertThat(lexicons.validateRecord("app.bsky.feed.post", post)).as("lexicon check").isNotEmpty();
        } else {
            // Byte ranges and overlaps are rules of the facet description, not of the schema: only our check sees them.
            assertThat(lexicons.validateRecord("app.bsky.feed.post", post)).as("lexicon check").isEmpty();
        }
    }

    // ------------------------------------------------------------------ interop record-data

    /**
     * The part of atproto-interop-tests' {@code lexicon/catalog/record.json} (CC0) whose types an
     * {@code app.bsky.feed.post} uses: integers with bounds, strings with byte and grapheme lengths and
     * the did, at-uri, cid, datetime, language and uri formats, arrays with lengths, objects, refs, open
     * unions, blobs with size and accept. Transcribed because only the data files are in the shared folder.
     */
    private static final String CATALOG_FOR_POSTS = """
            {"lexicon":1,"id":"example.lexicon.record","defs":{
             "main":{"type":"record","key":"literal:demo","record":{"required":["integer"],"properties":{
               "integer":{"type":"integer"},
               "string":{"type":"string"},
               "blob":{"type":"blob"},
               "array":{"type":"array","items":{"type":"integer"}},
               "object":{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}}},
               "union":{"type":"union","refs":["example.lexicon.record#demoObject","example.lexicon.record#demoObjectTwo"]},
               "formats":{"type":"ref","ref":"example.lexicon.record#stringFormats"},
               "rangeInteger":{"type":"integer","minimum":10,"maximum":20},
               "lenString":{"type":"string","minLength":10,"maxLength":20},
               "graphemeString":{"type":"string","minGraphemes":10,"maxGraphemes":20},
               "lenArray":{"type":"array","items":{"type":"integer"},"minLength":2,"maxLength":5},
               "sizeBlob":{"type":"blob","maxSize":20},
               "acceptBlob":{"type":"blob","accept":["image/*"]}}}},
             "stringFormats":{"type":"object","properties":{
               "did":{"type":"string","format":"did"},"aturi":{"type":"string","format":"at-uri"},"cid":{"type":"string","format":"cid"},
               "datetime":{"type":"string","format":"datetime"},"language":{"type":"string","format":"language"},"uri":{"type":"string","format":"uri"}}},
             "demoObject":{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}}},
             "demoObjectTwo":{"type":"object","properties":{"c":{"type":"integer"},"d":{"type":"integer"}}}}}
            """;

    @Test
    void theInteropRecordDataCasesThatConcernWhatAPostUses() throws IOException {
        JsonNode catalog = JSON.readTree(CATALOG_FOR_POSTS);
        LexiconValidator validator = new LexiconValidator(List.of(catalog));
        Set<String> fields = fieldNames(catalog.path("defs").path("main").path("record").path("properties"));
        Set<String> formats = fieldNames(catalog.path("defs").path("stringFormats").path("properties"));

        int valid = 0;
        for (JsonNode c : AtprotoReference.json("interop/lexicon/record-data-valid.json")) {
            // A valid record stays valid once the fields a post never uses are left out.
            ObjectNode data = c.path("data").deepCopy();
            data.retain(union(fields, Set.of("$type")));
            if (data.path("formats").isObject()) {
                ((ObjectNode) data.get("formats")).retain(formats);
            }
            assertThat(validator.validateRecord("example.lexicon.record", data)).as(c.path("name").asText()).isEmpty();
            valid++;
        }
        List<String> invalid = new ArrayList<>();
        for (JsonNode c : AtprotoReference.json("interop/lexicon/record-data-invalid.json")) {
            JsonNode data = c.path("data");
            Set<String> used = fieldNames(data);
            used.remove("$type");
            boolean applies = fields.containsAll(used) && (!data.has("formats") || formats.containsAll(fieldNames(data.path("formats"))));
            if (applies) {
                assertThat(validator.validateRecord("example.lexicon.record", data)).as(c.path("name").asText()).isNotEmpty();
                invalid.add(c.path("name").asText());
            }
        }
        assertThat(valid).isEqualTo(3);
        assertThat(invalid).contains("missing required field", "string too long", "string too long (graphemes)", "string too short (graphemes)",
                "invalid string format did", "invalid string format datetime", "invalid string format language", "invalid string format aturi",
                "invalid string format cid", "invalid string format uri", "array too long", "blob too large", "blob wrong type",
                "open union missing $type", "union inner invalid", "out of integer range");
        assertThat(invalid).hasSize(EXPECTED_APPLICABLE_INVALID);
    }

    /** Of the 50 invalid cases, those whose fields all lie in the part of the catalog above. */
    private static final int EXPECTED_APPLICABLE_INVALID = 28;

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theSyntaxOfEveryFormatThePostUsesIsCheckedByTheValidator() {
        for (Map.Entry<String, String> e : Map.of("did", "did:plc:bob", "at-uri", "at://did:plc:bob/app.bsky.feed.post/3lbroot222222",
                "cid", CID, "datetime", "2025-03-01T12:00:00.000Z", "language", "pt-BR", "uri", "https://example.com").entrySet()) {
            assertThat(LexiconValidator.format(e.getKey(), e.getValue())).as(e.getKey()).isTrue();
            assertThat(LexiconValidator.format(e.getKey(), " " + e.getValue())).as(e.getKey() + " with a space").isFalse();
        }
    }
}
