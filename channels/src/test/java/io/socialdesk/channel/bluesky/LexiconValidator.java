package io.socialdesk.channel.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.channel.rules.Unicode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small, independent reading of Lexicon (atproto.com/specs/lexicon) for tests: it validates data
 * against lexicon documents as they are published (object, string with lengths in UTF-8 bytes and
 * graphemes and formats, integer, boolean, array, ref, union, blob, bytes, cid-link, unknown, token,
 * const/enum). The connector's own {@link PostRecordCheck} is hand-written; this one is driven by the
 * lexicon files, so that the two check each other.
 */
final class LexiconValidator {
    private final Map<String, JsonNode> documents = new HashMap<>();

    LexiconValidator(List<JsonNode> lexicons) {
        for (JsonNode doc : lexicons) {
            documents.put(doc.path("id").asText(), doc);
        }
    }

    /** Every {@code *.json} lexicon under {@code folder}. */
    static LexiconValidator fromFolder(Path folder) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                docs.add(mapper.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LexiconValidator(docs);
    }

    int size() {
        return documents.size();
    }

    /** The problems of {@code data} as a record of type {@code nsid}; empty when valid. */
    List<String> validateRecord(String nsid, JsonNode data) {
        List<String> errors = new ArrayList<>();
        JsonNode main = def(nsid, "main");
        if (main == null || !"record".equals(main.path("type").asText())) {
            errors.add("no record lexicon " + nsid);
            return errors;
        }
        if (!data.isObject()) {
            errors.add("$: must be an object");
            return errors;
        }
        if (data.has("$type") && !nsid.equals(data.path("$type").asText())) {
            errors.add("$type: must be " + nsid);
        }
        validate(main.path("record"), data, "$", nsid, errors);
        return errors;
    }

    private JsonNode def(String nsid, String name) {
        JsonNode doc = documents.get(nsid);
        if (doc == null) {
            return null;
        }
        JsonNode def = doc.path("defs").get(name);
        return def;
    }

    /** Resolves {@code #name}, {@code nsid#name} or {@code nsid} (its main) seen from lexicon {@code context}. */
    private Ref resolve(String ref, String context) {
        String nsid = ref.startsWith("#") ? context : ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        String name = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "main";
        return new Ref(nsid, name, def(nsid, name));
    }

    private record Ref(String nsid, String name, JsonNode def) {
        String full() {
            return name.equals("main") ? nsid : nsid + "#" + name;
        }
    }

    private void validate(JsonNode schema, JsonNode value, String path, String context, List<String> errors) {
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object", "record" -> object(schema, value, path, context, errors);
            case "string" -> string(schema, value, path, errors);
            case "integer" -> integer(schema, value, path, errors);
            case "boolean" -> {
                if (!value.isBoolean()) errors.add(path + ": must be a boolean");
            }
            case "null" -> {
                if (!value.isNull()) errors.add(path + ": must be null");
            }
            case "array" -> array(schema, value, path, context, errors);
            case "ref" -> {
                Ref ref = resolve(schema.path("ref").asText(), context);
                if (ref.def == null) {
                    errors.add(path + ": unknown lexicon reference " + ref.full());
                } else if ("token".equals(ref.def.path("type").asText())) {
                    if (!value.isTextual() || !value.asText().equals(ref.full())) errors.add(path + ": must be the token " + ref.full());
                } else {
                    validate(ref.def, value, path, ref.nsid, errors);
                }
            }
            case "union" -> union(schema, value, path, context, errors);
            case "blob" -> blob(schema, value, path, errors);
            case "bytes" -> bytes(schema, value, path, errors);
            case "cid-link" -> {
                if (!value.isObject() || !AtprotoSyntax.isCid(value.path("$link").asText(null))) errors.add(path + ": must be a CID link");
            }
            case "unknown" -> {
                if (!value.isObject() || value.has("$bytes") || "blob".equals(value.path("$type").asText(null))) {
                    errors.add(path + ": must be an object (unknown)");
                }
            }
            default -> errors.add(path + ": unsupported lexicon type " + type);
        }
    }

    private void object(JsonNode schema, JsonNode value, String path, String context, List<String> errors) {
        if (!value.isObject()) {
            errors.add(path + ": must be an object");
            return;
        }
        List<String> nullable = new ArrayList<>();
        schema.path("nullable").forEach(n -> nullable.add(n.asText()));
        for (JsonNode required : schema.path("required")) {
            JsonNode field = value.get(required.asText());
            if (field == null || (field.isNull() && !nullable.contains(required.asText()))) {
                errors.add(path + "." + required.asText() + ": is required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode field = value.get(property.getKey());
            if (field == null || (field.isNull() && nullable.contains(property.getKey()))) {
                continue;
            }
            validate(property.getValue(), field, path + "." + property.getKey(), context, errors);
        }
    }

    private static void string(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(path + ": must be a string");
            return;
        }
        String s = value.asText();
        int bytes = Unicode.utf8Length(s);
        int graphemes = Unicode.graphemes(s);
        if (schema.has("maxLength") && bytes > schema.get("maxLength").asInt()) errors.add(path + ": longer than maxLength");
        if (schema.has("minLength") && bytes < schema.get("minLength").asInt()) errors.add(path + ": shorter than minLength");
        if (schema.has("maxGraphemes") && graphemes > schema.get("maxGraphemes").asInt()) errors.add(path + ": more than maxGraphemes");
        if (schema.has("minGraphemes") && graphemes < schema.get("minGraphemes").asInt()) errors.add(path + ": fewer than minGraphemes");
        if (schema.has("const") && !schema.get("const").asText().equals(s)) errors.add(path + ": must be " + schema.get("const").asText());
        if (schema.has("enum") && !contains(schema.get("enum"), value)) errors.add(path + ": not one of the enum");
        if (schema.has("format") && !format(schema.get("format").asText(), s)) errors.add(path + ": not a valid " + schema.get("format").asText());
    }

    static boolean format(String format, String s) {
        return switch (format) {
            case "did" -> AtprotoSyntax.isDid(s);
            case "handle" -> AtprotoSyntax.isHandle(s);
            case "at-identifier" -> AtprotoSyntax.isAtIdentifier(s);
            case "nsid" -> AtprotoSyntax.isNsid(s);
            case "at-uri" -> AtprotoSyntax.isAtUri(s);
            case "cid" -> AtprotoSyntax.isCid(s);
            case "datetime" -> AtprotoSyntax.isDatetime(s);
            case "language" -> AtprotoSyntax.isLanguage(s);
            case "uri" -> AtprotoSyntax.isUri(s);
            case "tid" -> AtprotoSyntax.isTid(s);
            case "record-key" -> AtprotoSyntax.isRecordKey(s);
            default -> true;
        };
    }

    private static void integer(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isIntegralNumber()) {
            errors.add(path + ": must be an integer");
            return;
        }
        long n = value.asLong();
        if (schema.has("minimum") && n < schema.get("minimum").asLong()) errors.add(path + ": below minimum");
        if (schema.has("maximum") && n > schema.get("maximum").asLong()) errors.add(path + ": above maximum");
        if (schema.has("const") && n != schema.get("const").asLong()) errors.add(path + ": must be " + schema.get("const").asLong());
        if (schema.has("enum") && !contains(schema.get("enum"), value)) errors.add(path + ": not one of the enum");
    }

    private void array(JsonNode schema, JsonNode value, String path, String context, List<String> errors) {
        if (!value.isArray()) {
            errors.add(path + ": must be an array");
            return;
        }
        if (schema.has("maxLength") && value.size() > schema.get("maxLength").asInt()) errors.add(path + ": more than maxLength items");
        if (schema.has("minLength") && value.size() < schema.get("minLength").asInt()) errors.add(path + ": fewer than minLength items");
        for (int i = 0; i < value.size(); i++) {
            validate(schema.path("items"), value.get(i), path + "[" + i + "]", context, errors);
        }
    }

    private void union(JsonNode schema, JsonNode value, String path, String context, List<String> errors) {
        if (!value.isObject() || !value.path("$type").isTextual()) {
            errors.add(path + ": a union member must be an object with $type");
            return;
        }
        String type = value.path("$type").asText();
        for (JsonNode r : schema.path("refs")) {
            Ref ref = resolve(r.asText(), context);
            if (ref.full().equals(type) || (ref.name.equals("main") && type.equals(ref.nsid + "#main"))) {
                if (ref.def == null) {
                    errors.add(path + ": lexicon " + ref.full() + " is not available to check");
                } else {
                    validate(ref.def, value, path, ref.nsid, errors);
                }
                return;
            }
        }
        if (schema.path("closed").asBoolean(false)) {
            errors.add(path + ": " + type + " is not in the closed union");
        }
    }

    private static void blob(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isObject() || !"blob".equals(value.path("$type").asText(null)) || !value.path("mimeType").isTextual()
                || !value.path("size").isIntegralNumber() || !AtprotoSyntax.isCid(value.path("ref").path("$link").asText(null))) {
            errors.add(path + ": must be a blob");
            return;
        }
        if (schema.has("maxSize") && value.path("size").asLong() > schema.get("maxSize").asLong()) errors.add(path + ": larger than maxSize");
        if (schema.has("accept")) {
            String mime = value.path("mimeType").asText();
            boolean accepted = false;
            for (JsonNode pattern : schema.get("accept")) {
                String p = pattern.asText();
                accepted |= p.equals("*/*") || p.equals(mime) || (p.endsWith("/*") && mime.startsWith(p.substring(0, p.length() - 1)));
            }
            if (!accepted) errors.add(path + ": type " + mime + " is not accepted");
        }
    }

    private static void bytes(JsonNode schema, JsonNode value, String path, List<String> errors) {
        byte[] decoded;
        try {
            decoded = value.isObject() && value.path("$bytes").isTextual() ? Base64.getDecoder().decode(pad(value.path("$bytes").asText())) : null;
        } catch (IllegalArgumentException e) {
            decoded = null;
        }
        if (decoded == null) {
            errors.add(path + ": must be bytes ({\"$bytes\": base64})");
            return;
        }
        if (schema.has("maxLength") && decoded.length > schema.get("maxLength").asInt()) errors.add(path + ": more than maxLength bytes");
        if (schema.has("minLength") && decoded.length < schema.get("minLength").asInt()) errors.add(path + ": fewer than minLength bytes");
    }

    private static String pad(String base64) {
        return base64 + "===".substring(0, (4 - base64.length() % 4) % 4);
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) return true;
        }
        return false;
    }
}
