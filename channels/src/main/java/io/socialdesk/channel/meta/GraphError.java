package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's Graph error object, shared by Facebook, Instagram and Threads:
 * {@code {"error":{"message","type","code","error_subcode","is_transient","error_user_title","error_user_msg","fbtrace_id"}}}.
 * Read leniently: a code sent as a string still counts, a field of another type is ignored.
 */
public record GraphError(int status, String message, String type, int code, Integer subcode, boolean transientError, String userTitle,
        String userMessage) {

    /**
     * Throttling codes: 4 app, 17 user, 32 page, 613 custom, 80000-80099 business use case (80001 Pages,
     * 80002 Instagram); 9 is Instagram's publishing quota (subcode 2207042) [U].
     */
    private static final Set<Integer> THROTTLE_CODES = Set.of(4, 9, 17, 32, 613);

    /** The error object of an answer, when the body carries one. */
    public static Optional<GraphError> of(Answer answer) {
        if (answer == null || !answer.isJson()) {
            return Optional.empty();
        }
        JsonNode error = answer.json().path("error");
        if (!error.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new GraphError(answer.status(), text(error, "message"), text(error, "type"), number(error, "code", 0),
                error.has("error_subcode") ? number(error, "error_subcode", 0) : null,
                error.path("is_transient").asBoolean(false), text(error, "error_user_title"), text(error, "error_user_msg")));
    }

    public boolean tokenInvalid() {
        return code == 190;
    }

    public boolean throttled() {
        return THROTTLE_CODES.contains(code) || (code >= 80000 && code < 80100);
    }

    /**
     * Meta says trying again later may work: {@code is_transient}, the unknown (1) and service (2) errors,
     * and Instagram's "media not ready for publishing" (9007) [U].
     */
    public boolean retryable() {
        return transientError || code == 1 || code == 2 || code == 9007;
    }

    public boolean duplicate() {
        return code == 506;
    }

    public boolean invalidParameter() {
        return code == 100;
    }

    /** 10 and 200-299: a permission the token lacks. */
    public boolean missingPermission() {
        return code == 10 || (code >= 200 && code < 300);
    }

    /** What Meta wrote for a person when it did, else its technical message; never empty. */
    public String sentence() {
        String text = userMessage != null && !userMessage.isBlank() ? userMessage : message;
        return text == null || text.isBlank() ? "error " + code : text.strip();
    }

    /** Why a token stopped working, from the 190 subcode, in words. */
    public String tokenProblem() {
        if (subcode == null) {
            return "the access token is no longer valid";
        }
        return switch (subcode) {
            case 463 -> "the access token expired";
            case 460 -> "the password of the account changed";
            case 458 -> "the app was removed from the account";
            case 459 -> "the account must log in on Meta to pass a security check";
            case 464 -> "the account is not confirmed";
            case 467 -> "the access token is no longer valid";
            default -> "the access token is no longer valid";
        };
    }

    /** True when the 190 error says the token merely expired (as opposed to revoked). */
    public boolean expired() {
        return tokenInvalid() && subcode != null && subcode == 463;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static int number(JsonNode node, String field, int otherwise) {
        JsonNode value = node.path(field);
        if (value.isInt() || value.isLong()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }
}
