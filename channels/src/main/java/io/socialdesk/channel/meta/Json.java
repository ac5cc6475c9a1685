package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads of Graph answers: a missing field, a null or a field of another type reads as absent. */
public final class Json {
    private Json() {
    }

    /** The text of a value node (a number reads as its digits), or null when absent, null, blank or a container. */
    public static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A string field only (a number or an object where text is expected reads as empty). */
    public static String string(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : "";
    }
}
