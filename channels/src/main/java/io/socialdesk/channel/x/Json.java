package io.socialdesk.channel.x;

import com.fasterxml.jackson.databind.JsonNode;

/** Strict readers for X's JSON: a field of another type reads as absent, never as its text. */
final class Json {
    private Json() {
    }

    /** The text at {@code path}, or null when absent, null or not a string. */
    static String string(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            if (at == null) {
                return null;
            }
            at = at.path(step);
        }
        return at != null && at.isTextual() ? at.textValue() : null;
    }

    /** An X id (digits only, 1..19) at {@code path}, or null. */
    static String id(JsonNode node, String... path) {
        String value = string(node, path);
        return value != null && XApi.ID.matcher(value).matches() ? value : null;
    }

    /** A whole number at {@code path}, or null. */
    static Long number(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            at = at.path(step);
        }
        return at.isIntegralNumber() && at.canConvertToLong() ? at.asLong() : null;
    }
}
