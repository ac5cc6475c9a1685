package io.socialdesk.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.socialdesk.channel.rules.Verdict;
import io.socialdesk.channel.rules.Violation;
import java.util.List;
import java.util.Map;

/**
 * A verdict as {@code POST /validate} and {@code socialdesk validate} both print it: one JSON
 * shape for the API and the command line. Only the network's own measures are present:
 * {@code weightedLength} for X, {@code graphemes} and {@code bytes} for Bluesky, {@code length}
 * elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"network", "valid", "limit", "weightedLength", "graphemes", "bytes", "length", "errors"})
public record ValidationJson(String network, boolean valid, int limit, Integer weightedLength, Integer graphemes, Integer bytes,
        Integer length, List<ValidationErrorJson> errors) {

    /** One broken rule: its stable id, a sentence, and the UTF-16 range [start, end) of the text at fault. */
    @JsonPropertyOrder({"rule", "message", "start", "end"})
    public record ValidationErrorJson(String rule, String message, int start, int end) {
        static ValidationErrorJson of(Violation v) {
            return new ValidationErrorJson(v.rule(), v.message(), v.start(), v.end());
        }
    }

    public static ValidationJson of(Verdict verdict) {
        Map<String, Integer> m = verdict.measures();
        return new ValidationJson(verdict.network().name(), verdict.valid(), verdict.limit(), m.get("weightedLength"), m.get("graphemes"),
                m.get("bytes"), m.get("length"), verdict.violations().stream().map(ValidationErrorJson::of).toList());
    }
}
