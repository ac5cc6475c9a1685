package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/**
 * Meta's usage headers, read into a hold. Meta reports percentages of the allowed usage rather than a
 * remaining count: {@code X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}} (platform
 * limits, user tokens) and {@code X-Business-Use-Case-Usage: {"<id>":[{"type":"pages","call_count":…,
 * "total_cputime":…,"total_time":…,"estimated_time_to_regain_access":<minutes>}]}} (Page and Instagram
 * tokens). Meta advises to slow down before 100%, so we hold from {@link #HIGH_USAGE_PERCENT}.
 */
public record GraphUsage(int highestPercent, Duration regainAccessIn) {
    public static final int HIGH_USAGE_PERCENT = 80;
    /** A pause when usage is high but Meta did not say how long; the windows are rolling hours. */
    public static final Duration HIGH_USAGE_PAUSE = Duration.ofMinutes(10);
    /** A pause after a throttling error that came without an estimate. */
    public static final Duration THROTTLE_PAUSE = Duration.ofMinutes(15);

    /** The usage an answer reports, or empty when it carries no readable usage header. */
    public static Optional<GraphUsage> of(Answer answer) {
        int highest = -1;
        long regainMinutes = 0;
        for (String header : new String[] {"X-App-Usage", "X-Business-Use-Case-Usage", "X-Ad-Account-Usage"}) {
            Optional<String> value = answer.header(header);
            if (value.isEmpty()) {
                continue;
            }
            JsonNode json = HttpCalls.parse(value.get());
            if (!json.isObject()) {
                continue;
            }
            if (json.has("call_count") || json.has("total_time") || json.has("total_cputime")) {
                highest = Math.max(highest, percentOf(json));
                regainMinutes = Math.max(regainMinutes, json.path("estimated_time_to_regain_access").asLong(0));
                continue;
            }
            // Business use case: one array of usage objects per business object id.
            for (Iterator<JsonNode> ids = json.elements(); ids.hasNext();) {
                JsonNode entries = ids.next();
                if (!entries.isArray()) {
                    continue;
                }
                for (JsonNode entry : entries) {
                    highest = Math.max(highest, percentOf(entry));
                    regainMinutes = Math.max(regainMinutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        }
        if (highest < 0 && regainMinutes == 0) {
            return Optional.empty();
        }
        return Optional.of(new GraphUsage(Math.max(highest, 0), Duration.ofMinutes(Math.max(regainMinutes, 0))));
    }

    /**
     * How long to hold calls after {@code answer}: until Meta's estimate when it gave one, a pause after a
     * throttling error or at high usage, else nothing.
     */
    public static Optional<Instant> hold(Answer answer, Instant now) {
        Optional<GraphUsage> usage = of(answer);
        boolean throttled = GraphError.of(answer).map(GraphError::throttled).orElse(false);
        if (usage.isPresent() && !usage.get().regainAccessIn().isZero()) {
            return Optional.of(now.plus(usage.get().regainAccessIn()));
        }
        if (throttled) {
            return Optional.of(now.plus(THROTTLE_PAUSE));
        }
        if (usage.isPresent() && usage.get().highestPercent() >= HIGH_USAGE_PERCENT) {
            return Optional.of(now.plus(HIGH_USAGE_PAUSE));
        }
        return Optional.empty();
    }

    private static int percentOf(JsonNode usage) {
        int highest = 0;
        for (String field : new String[] {"call_count", "total_time", "total_cputime", "acc_id_util_pct"}) {
            JsonNode value = usage.path(field);
            if (value.isNumber()) {
                highest = Math.max(highest, value.asInt());
            } else if (value.isTextual()) {
                try {
                    highest = Math.max(highest, (int) Double.parseDouble(value.asText().trim()));
                } catch (NumberFormatException ignored) {
                    // a value of another shape says nothing about usage
                }
            }
        }
        return highest;
    }
}
