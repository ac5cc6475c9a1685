package io.socialdesk.channel.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * What every Mastodon call shares: the instance's root URL (checked against the {@link AddressPolicy} each
 * time, since it is an address a person typed), the bearer header, the rate-limit headers and the error body.
 */
final class MastodonApi {
    static final String NETWORK = "Mastodon";
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Mastodon ids are opaque strings, numeric in practice: the longer is the newer, then the lexically greater. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    final HttpCalls http;
    final RateLimits rateLimits;
    final Clock clock;

    MastodonApi(HttpCalls http, RateLimits rateLimits, Clock clock) {
        this.http = http;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Why the instance may not be called (the rule and a sentence), or empty when it may. */
    Optional<AddressPolicy.Refusal> refusal(URI instance) {
        if (instance == null) {
            return Optional.of(new AddressPolicy.Refusal("url-absolute", "The account has no Mastodon instance address."));
        }
        Optional<AddressPolicy.Refusal> refused = http.policy().refusal(instance);
        if (refused.isPresent()) {
            return refused;
        }
        return HttpUrl.parse(instance.toString()) == null
                ? Optional.of(new AddressPolicy.Refusal("url-absolute", "The address must be a full URL such as https://example.social."))
                : Optional.empty();
    }

    /** The instance's root, without path, query or fragment: Mastodon's API always lives at the root. Check {@link #refusal} first. */
    static HttpUrl root(URI instance) {
        HttpUrl url = HttpUrl.get(instance.toString());
        return new HttpUrl.Builder().scheme(url.scheme()).host(url.host()).port(url.port()).build();
    }

    /** The root as the URI an {@link io.socialdesk.core.channel.OAuthClient} keeps. */
    static URI rootUri(URI instance) {
        String root = root(instance).toString();
        return URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    /** {@code root} plus path segments, each encoded (an id from a server can never climb out of its place). */
    static HttpUrl.Builder url(HttpUrl root, String... segments) {
        HttpUrl.Builder builder = root.newBuilder().encodedPath("/");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    static Request.Builder authorized(HttpUrl url, ChannelAccount account) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + account.credentials().accessToken())
                .header("Accept", "application/json");
    }

    /** Reads {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (an ISO 8601 date-time) into the shared limits. */
    Optional<Instant> observe(ChannelAccount account, Answer answer) {
        if (!answer.completed()) {
            return Optional.empty();
        }
        return rateLimits.observe(account.id(), answer, RateLimits.integer(answer, "X-RateLimit-Remaining"),
                RateLimits.isoDate(answer, "X-RateLimit-Reset"));
    }

    /** The time the account must wait until, when an earlier answer asked us to wait. */
    Optional<Instant> held(ChannelAccount account) {
        Instant next = rateLimits.nextAllowedAt(account.id());
        return next.isAfter(now()) ? Optional.of(next) : Optional.empty();
    }

    /**
     * What the server said, for a person: Mastodon's {@code {"error": "...", "error_description": "..."}}, or a
     * short excerpt of a body that is not that (an HTML error page).
     */
    static String said(Answer answer) {
        JsonNode error = answer.json().path("error");
        if (error.isTextual() && !error.asText().isBlank()) {
            JsonNode description = answer.json().path("error_description");
            String sentence = error.asText().strip();
            if (description.isTextual() && !description.asText().isBlank()) {
                sentence = sentence + ": " + description.asText().strip();
            }
            return sentence.length() > 300 ? sentence.substring(0, 300) + "…" : sentence;
        }
        String excerpt = answer.excerpt();
        return excerpt.isEmpty() ? "no explanation given (HTTP " + answer.status() + ")" : excerpt;
    }

    /**
     * Mastodon's error answers as outcomes: 422 (its validation, with its sentence), 400, 401/403 (reconnect),
     * 404 (on a reply: the post answered is gone), 410; the rest (transport failures, 429, 5xx, a 2xx that is
     * not JSON) as every connector maps them.
     */
    Outcome failure(Answer answer, boolean creates, Optional<Instant> hold, boolean reply, String what) {
        if (!answer.completed()) {
            return Outcomes.of(answer, creates, now(), hold, NETWORK);
        }
        switch (answer.status()) {
            case 400:
                return new Outcome.Failed("bad-request", NETWORK + " did not accept " + what + ": " + said(answer));
            case 401:
                return new Outcome.Failed("token-invalid", NETWORK + " no longer accepts this account's access (" + said(answer)
                        + "): reconnect the account");
            case 403:
                return new Outcome.Failed("forbidden", NETWORK + " does not let this account do that (" + said(answer)
                        + "): reconnect the account with the permissions Social Desk asks for, or check the account on its instance");
            case 404:
                return reply
                        ? new Outcome.Failed("reply-target-missing", "The post this one answers is no longer on " + NETWORK + " (" + said(answer) + ")")
                        : new Outcome.Failed("not-found", NETWORK + " does not know " + what + " (" + said(answer) + ")");
            case 410:
                return new Outcome.Failed("gone", NETWORK + " says this account or post is gone for good (" + said(answer) + ")");
            case 422:
                return new Outcome.Failed("validation-failed", NETWORK + " refused " + what + ": " + said(answer));
            default:
                return Outcomes.of(answer, creates, now(), hold, NETWORK);
        }
    }

    /** A non-empty text field, or null when it is absent, null, empty or of another type. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
