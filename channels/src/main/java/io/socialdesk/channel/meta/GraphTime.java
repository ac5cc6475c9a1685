package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as Meta writes them: {@code 2024-05-01T09:30:00+0000} in the Graph (an offset without a colon),
 * ISO 8601 with a colon elsewhere, and epoch seconds in webhook payloads.
 */
public final class GraphTime {
    private static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private GraphTime() {
    }

    /** The instant in {@code node}, or null when it holds none in a shape we know. */
    public static Instant of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().trim();
        try {
            return OffsetDateTime.parse(text, GRAPH).toInstant();
        } catch (DateTimeParseException notGraph) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(text));
                } catch (NumberFormatException notEpoch) {
                    return null;
                }
            }
        }
    }
}
