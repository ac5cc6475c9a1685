package io.socialdesk.channel.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.channel.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * X's error answers as outcomes. X writes problems RFC 7807-style ({@code {type, title, detail, status}},
 * as {@code application/problem+json} or {@code application/json}), inside {@code errors[]} of a 200/201
 * (partial success), or in the legacy {@code {code, message}} form the spec still lists. What X does not
 * tell apart precisely falls back to the shared {@link Outcomes}.
 */
final class XProblems {
    static final String REPLY_NOT_ALLOWED = "X only allows programmatic replies to posts whose author mentioned or quoted this account"
            + " (since February 2026), so X refused this reply";
    static final String DUPLICATE = "X refused duplicate content: this account already posted the same text";
    /** A usage cap is monthly or daily; X's reset header describes the 15-minute window, so do not hammer. */
    static final Duration USAGE_CAP_BACKOFF = Duration.ofHours(1);

    private XProblems() {
    }

    /** One problem as X wrote it; {@code kind} is the last segment of the type URI ({@code usage-capped}) or null. */
    record Problem(String kind, String title, String detail, Long legacyCode) {
        String sentence() {
            String text = detail != null ? detail : title;
            return text == null ? null : XProblems.sentence(text);
        }

        boolean is(String name) {
            return name.equals(kind);
        }
    }

    /** The first problem of an answer: its {@code errors[]}, its top-level problem, or its legacy error. */
    static Optional<Problem> of(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        JsonNode errors = json.path("errors");
        if (errors.isArray() && errors.size() > 0 && errors.get(0).isObject()) {
            return Optional.of(problem(errors.get(0)));
        }
        if (json.has("type") || json.has("title") || json.has("detail") || json.has("code") || json.has("message")) {
            return Optional.of(problem(json));
        }
        return Optional.empty();
    }

    private static Problem problem(JsonNode node) {
        String type = Json.string(node, "type");
        String kind = null;
        if (type != null) {
            int slash = type.lastIndexOf('/');
            kind = type.substring(slash + 1).toLowerCase(Locale.ROOT);
        }
        String detail = Json.string(node, "detail");
        if (detail == null) {
            detail = Json.string(node, "message");
        }
        return new Problem(kind, Json.string(node, "title"), detail, Json.number(node, "code"));
    }

    /** A sentence of X's for a person: control characters out, at most 300 characters. */
    static String sentence(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return null;
        }
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /**
     * The outcome of an answer that is not a success.
     *
     * @param creates whether the call creates a post (a lost answer or a gateway error is then "unknown")
     * @param reply   whether the call was a reply (a 403 is then most likely X's reply restriction)
     */
    static Outcome failure(Answer answer, boolean creates, boolean reply, Optional<Instant> hold, Instant now) {
        if (!answer.completed()) {
            return Outcomes.of(answer, creates, now, hold, "X");
        }
        int status = answer.status();
        Problem problem = of(answer.json()).orElse(new Problem(null, null, null, null));
        String said = problem.sentence();
        if (problem.is("usage-capped")) {
            return new Outcome.RetryLater(later(hold, now.plus(USAGE_CAP_BACKOFF)),
                    "X's usage cap for this app is reached" + (said == null ? "" : " (" + said + ")"));
        }
        if (status == 429 || problem.is("rate-limit-exceeded") || Long.valueOf(88).equals(problem.legacyCode())) {
            return new Outcome.RetryLater(hold.orElse(now.plus(RateLimits.DEFAULT_BACKOFF)), "X asks us to slow down (rate limit)");
        }
        if (isDuplicate(problem)) {
            return new Outcome.Failed("duplicate-content", DUPLICATE);
        }
        if (status == 401) {
            return Outcomes.of(answer, creates, now, hold, "X");
        }
        if (problem.is("client-forbidden")) {
            return new Outcome.Failed("client-forbidden", "X refused our app for this request (the app must belong to a project with"
                    + " the right access)" + (said == null ? "" : ": " + said));
        }
        if (status == 403 && reply) {
            return new Outcome.Failed("reply-not-allowed", REPLY_NOT_ALLOWED + (said == null ? "" : " (X: " + said + ")"));
        }
        if (problem.is("not-authorized-for-resource")) {
            return new Outcome.Failed("not-authorized", "X says this account may not do that" + (said == null ? "" : ": " + said));
        }
        if (status >= 500 || status < 400) {
            return Outcomes.of(answer, creates, now, hold, "X");
        }
        if (status == 404 || problem.is("resource-not-found")) {
            return new Outcome.Failed("not-found", "X does not know it" + (said == null ? "" : ": " + said));
        }
        if (said != null) {
            return new Outcome.Failed(status == 403 ? "forbidden" : "rejected", "X refused the request (" + status + "): " + said);
        }
        return Outcomes.of(answer, creates, now, hold, "X");
    }

    /** A 200/201 without the new post's id whose {@code errors[]} say why nothing was created. */
    static Outcome notCreated(Problem problem, Optional<Instant> hold, Instant now) {
        String said = problem.sentence();
        if (problem.is("usage-capped")) {
            return new Outcome.RetryLater(later(hold, now.plus(USAGE_CAP_BACKOFF)),
                    "X's usage cap for this app is reached" + (said == null ? "" : " (" + said + ")"));
        }
        if (problem.is("rate-limit-exceeded")) {
            return new Outcome.RetryLater(hold.orElse(now.plus(RateLimits.DEFAULT_BACKOFF)), "X asks us to slow down (rate limit)");
        }
        if (isDuplicate(problem)) {
            return new Outcome.Failed("duplicate-content", DUPLICATE);
        }
        return new Outcome.Failed("rejected", "X did not create the post: " + (said == null ? "it gave no reason" : said));
    }

    /** [U] X's wording for a repeated text (a 403, "duplicate content"); the legacy code 187 is v1.1's "Status is a duplicate". */
    static boolean isDuplicate(Problem problem) {
        if (Long.valueOf(187).equals(problem.legacyCode())) {
            return true;
        }
        String text = ((problem.detail() == null ? "" : problem.detail()) + " " + (problem.title() == null ? "" : problem.title()))
                .toLowerCase(Locale.ROOT);
        return text.contains("duplicate");
    }

    private static Instant later(Optional<Instant> hold, Instant other) {
        return hold.filter(h -> h.isAfter(other)).orElse(other);
    }
}
