package io.socialdesk.channel.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.rules.Unicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written checks of an {@code app.bsky.feed.post} record against its lexicons (atproto
 * {@code lexicons/app/bsky/feed/post.json}, {@code richtext/facet.json}, {@code embed/images.json},
 * {@code embed/defs.json}, {@code com/atproto/repo/strongRef.json}): required fields, types, the text's
 * 300 graphemes and 3000 UTF-8 bytes, facets inside the text and not overlapping, at most 4 images of
 * at most 2,000,000 bytes each with alt text, the string formats. The connector runs it on every record
 * before sending it, so that a post the PDS would refuse fails here with a sentence that names the field.
 */
public final class PostRecordCheck {
    public static final String TYPE = "app.bsky.feed.post";
    public static final int MAX_GRAPHEMES = 300;
    public static final int MAX_BYTES = 3000;
    public static final int MAX_LANGS = 3;
    public static final int MAX_TAGS = 8;
    public static final int MAX_IMAGES = 4;
    public static final long MAX_IMAGE_BYTES = 2_000_000L;
    static final String FACET = "app.bsky.richtext.facet";
    static final String IMAGES = "app.bsky.embed.images";

    private static final Set<String> KNOWN_EMBEDS = Set.of(IMAGES, "app.bsky.embed.video", "app.bsky.embed.gallery",
            "app.bsky.embed.external", "app.bsky.embed.record", "app.bsky.embed.recordWithMedia");

    private PostRecordCheck() {
    }

    /** What is wrong with {@code record}, one sentence per problem naming the field; empty when it is a valid post. */
    public static List<String> problems(JsonNode record) {
        List<String> problems = new ArrayList<>();
        if (record == null || !record.isObject()) {
            problems.add("record: must be an object");
            return problems;
        }
        if (record.has("$type") && !TYPE.equals(record.path("$type").asText(null))) {
            problems.add("$type: must be " + TYPE);
        }
        int textBytes = -1;
        JsonNode text = record.get("text");
        if (text == null) {
            problems.add("text: is required");
        } else if (!text.isTextual()) {
            problems.add("text: must be a string");
        } else {
            String s = text.asText();
            textBytes = Unicode.utf8Length(s);
            int graphemes = Unicode.graphemes(s);
            if (graphemes > MAX_GRAPHEMES) {
                problems.add("text: at most " + MAX_GRAPHEMES + " graphemes, has " + graphemes);
            }
            if (textBytes > MAX_BYTES) {
                problems.add("text: at most " + MAX_BYTES + " bytes of UTF-8, has " + textBytes);
            }
        }
        JsonNode createdAt = record.get("createdAt");
        if (createdAt == null) {
            problems.add("createdAt: is required");
        } else if (!createdAt.isTextual() || !AtprotoSyntax.isDatetime(createdAt.asText())) {
            problems.add("createdAt: must be a datetime (RFC 3339 with a time zone)");
        }
        checkLangs(record.get("langs"), problems);
        checkTags(record.get("tags"), problems);
        checkFacets(record.get("facets"), textBytes, problems);
        checkReply(record.get("reply"), problems);
        checkEmbed(record.get("embed"), problems);
        return problems;
    }

    private static void checkLangs(JsonNode langs, List<String> problems) {
        if (langs == null) {
            return;
        }
        if (!langs.isArray()) {
            problems.add("langs: must be an array");
            return;
        }
        if (langs.size() > MAX_LANGS) {
            problems.add("langs: at most " + MAX_LANGS + " languages, has " + langs.size());
        }
        for (int i = 0; i < langs.size(); i++) {
            if (!langs.get(i).isTextual() || !AtprotoSyntax.isLanguage(langs.get(i).asText())) {
                problems.add("langs[" + i + "]: must be a BCP 47 language tag");
            }
        }
    }

    private static void checkTags(JsonNode tags, List<String> problems) {
        if (tags == null) {
            return;
        }
        if (!tags.isArray()) {
            problems.add("tags: must be an array");
            return;
        }
        if (tags.size() > MAX_TAGS) {
            problems.add("tags: at most " + MAX_TAGS + " tags, has " + tags.size());
        }
        for (int i = 0; i < tags.size(); i++) {
            checkTag(tags.get(i), "tags[" + i + "]", problems);
        }
    }

    private static void checkTag(JsonNode tag, String path, List<String> problems) {
        if (tag == null || !tag.isTextual()) {
            problems.add(path + ": must be a string");
        } else if (Unicode.graphemes(tag.asText()) > 64 || Unicode.utf8Length(tag.asText()) > 640) {
            problems.add(path + ": at most 64 graphemes and 640 bytes");
        }
    }

    private static void checkFacets(JsonNode facets, int textBytes, List<String> problems) {
        if (facets == null) {
            return;
        }
        if (!facets.isArray()) {
            problems.add("facets: must be an array");
            return;
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < facets.size(); i++) {
            String path = "facets[" + i + "]";
            JsonNode facet = facets.get(i);
            if (!facet.isObject()) {
                problems.add(path + ": must be an object");
                continue;
            }
            if (facet.has("$type") && !FACET.equals(facet.path("$type").asText(null))) {
                problems.add(path + ".$type: must be " + FACET);
            }
            JsonNode index = facet.get("index");
            JsonNode start = index == null ? null : index.get("byteStart");
            JsonNode end = index == null ? null : index.get("byteEnd");
            if (index == null || !index.isObject()) {
                problems.add(path + ".index: is required");
            } else if (start == null || end == null || !start.isIntegralNumber() || !end.isIntegralNumber()) {
                problems.add(path + ".index: byteStart and byteEnd are required integers");
            } else if (start.asLong() < 0 || end.asLong() < 0) {
                problems.add(path + ".index: byteStart and byteEnd must not be negative");
            } else if (start.asLong() >= end.asLong()) {
                problems.add(path + ".index: byteStart must come before byteEnd");
            } else if (textBytes >= 0 && end.asLong() > textBytes) {
                problems.add(path + ".index: byteEnd " + end.asLong() + " is beyond the text's " + textBytes + " bytes");
            } else {
                ranges.add(new int[] {start.asInt(), end.asInt(), i});
            }
            checkFeatures(facet.get("features"), path + ".features", problems);
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int k = 1; k < ranges.size(); k++) {
            if (ranges.get(k)[0] < ranges.get(k - 1)[1]) {
                problems.add("facets[" + ranges.get(k)[2] + "].index: overlaps facets[" + ranges.get(k - 1)[2] + "]");
            }
        }
    }

    private static void checkFeatures(JsonNode features, String path, List<String> problems) {
        if (features == null || !features.isArray()) {
            problems.add(path + ": is a required array");
            return;
        }
        for (int j = 0; j < features.size(); j++) {
            String at = path + "[" + j + "]";
            JsonNode feature = features.get(j);
            String type = feature.path("$type").isTextual() ? feature.path("$type").asText() : null;
            if (type == null) {
                problems.add(at + ".$type: is required (an open union)");
            } else if (type.equals(FACET + "#mention")) {
                if (!AtprotoSyntax.isDid(feature.path("did").asText(null))) {
                    problems.add(at + ".did: must be a DID");
                }
            } else if (type.equals(FACET + "#link")) {
                if (!AtprotoSyntax.isUri(feature.path("uri").asText(null))) {
                    problems.add(at + ".uri: must be a URI");
                }
            } else if (type.equals(FACET + "#tag")) {
                checkTag(feature.get("tag"), at + ".tag", problems);
            }
        }
    }

    private static void checkReply(JsonNode reply, List<String> problems) {
        if (reply == null) {
            return;
        }
        if (!reply.isObject()) {
            problems.add("reply: must be an object");
            return;
        }
        for (String side : List.of("root", "parent")) {
            JsonNode ref = reply.get(side);
            if (ref == null || !ref.isObject()) {
                problems.add("reply." + side + ": is required (a strongRef)");
                continue;
            }
            if (!AtprotoSyntax.isAtUri(ref.path("uri").asText(null))) {
                problems.add("reply." + side + ".uri: must be an AT-URI");
            }
            if (!AtprotoSyntax.isCid(ref.path("cid").asText(null))) {
                problems.add("reply." + side + ".cid: must be a CID");
            }
        }
    }

    private static void checkEmbed(JsonNode embed, List<String> problems) {
        if (embed == null) {
            return;
        }
        String type = embed.path("$type").isTextual() ? embed.path("$type").asText() : null;
        if (type == null) {
            problems.add("embed.$type: is required (a union)");
            return;
        }
        if (!KNOWN_EMBEDS.contains(type)) {
            problems.add("embed.$type: " + type + " is not one of the post's embeds");
            return;
        }
        if (!type.equals(IMAGES)) {
            return; // the connector builds only images; the others are left to the PDS
        }
        JsonNode images = embed.get("images");
        if (images == null || !images.isArray()) {
            problems.add("embed.images: is a required array");
            return;
        }
        if (images.size() > MAX_IMAGES) {
            problems.add("embed.images: at most " + MAX_IMAGES + " images, has " + images.size());
        }
        for (int i = 0; i < images.size(); i++) {
            String path = "embed.images[" + i + "]";
            JsonNode image = images.get(i);
            if (!image.path("alt").isTextual()) {
                problems.add(path + ".alt: is a required string (it may be empty)");
            }
            checkBlob(image.get("image"), path + ".image", problems);
            JsonNode ratio = image.get("aspectRatio");
            if (ratio != null && (!ratio.path("width").isIntegralNumber() || !ratio.path("height").isIntegralNumber()
                    || ratio.path("width").asLong() < 1 || ratio.path("height").asLong() < 1)) {
                problems.add(path + ".aspectRatio: width and height must be integers of at least 1");
            }
        }
    }

    private static void checkBlob(JsonNode blob, String path, List<String> problems) {
        if (blob == null || !blob.isObject() || !"blob".equals(blob.path("$type").asText(null))) {
            problems.add(path + ": must be a blob ({\"$type\":\"blob\", ref, mimeType, size})");
            return;
        }
        if (!AtprotoSyntax.isCid(blob.path("ref").path("$link").asText(null))) {
            problems.add(path + ".ref: must link to a CID");
        }
        String mime = blob.path("mimeType").isTextual() ? blob.path("mimeType").asText() : "";
        if (!mime.startsWith("image/")) {
            problems.add(path + ".mimeType: must be an image type (image/*), is '" + mime + "'");
        }
        JsonNode size = blob.get("size");
        if (size == null || !size.isIntegralNumber() || size.asLong() < 0) {
            problems.add(path + ".size: is a required integer");
        } else if (size.asLong() > MAX_IMAGE_BYTES) {
            problems.add(path + ".size: at most " + MAX_IMAGE_BYTES + " bytes, has " + size.asLong());
        }
    }
}
