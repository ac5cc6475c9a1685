package io.socialdesk.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network's answer, already read and capped, never thrown: the status, headers, the body as text
 * (at most {@link HttpCalls#MAX_BODY_BYTES}) and as JSON when it parsed as JSON. When the exchange
 * itself failed, {@code status} is 0 and {@code transport} says whether the request may have reached
 * the network.
 */
public record Answer(int status, Map<String, List<String>> headers, String body, JsonNode json, Transport transport, String problem) {

    /** How far a failed exchange got: never left us (safe to retry), or possibly arrived (must be settled). */
    public enum Transport { COMPLETE, NOT_SENT, MAYBE_SENT }

    public static Answer failed(Transport transport, String problem) {
        return new Answer(0, Map.of(), "", MissingNode.getInstance(), transport, problem);
    }

    public boolean completed() {
        return transport == Transport.COMPLETE;
    }

    public boolean ok() {
        return completed() && status >= 200 && status < 300;
    }

    /** The body parsed as JSON: true only when it was JSON (an HTML error page or a truncated body is not). */
    public boolean isJson() {
        return json != null && !json.isMissingNode();
    }

    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** A text field of the JSON body, or null: never throws on a missing field or a field of another type. */
    public String text(String... path) {
        JsonNode node = json;
        for (String step : path) {
            if (node == null) {
                return null;
            }
            node = node.path(step);
        }
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** A short, safe excerpt of the body for a person: no more than 200 characters, no markup. */
    public String excerpt() {
        String flat = body == null ? "" : body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
