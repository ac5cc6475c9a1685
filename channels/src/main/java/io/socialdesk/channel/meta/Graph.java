package io.socialdesk.channel.meta;

import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One Graph host (graph.facebook.com/v21.0, graph.instagram.com, graph.threads.net/v1.0) as the Meta
 * connectors call it. The account's token goes in an {@code Authorization: Bearer} header so that it
 * stays out of URLs; only the token exchanges, which Meta documents with query parameters, put secrets
 * in a URL, and no URL ever goes into a message. Every answer's usage headers are read into the shared
 * {@link RateLimits}.
 */
public final class Graph {
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    private final HttpCalls http;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final HttpUrl base;
    private final String network;

    public Graph(HttpCalls http, RateLimits rateLimits, Clock clock, URI base, String network) {
        this.http = http;
        this.rateLimits = rateLimits;
        this.clock = clock;
        HttpUrl parsed = HttpUrl.get(base.toString());
        this.base = parsed;
        this.network = network;
    }

    public String network() {
        return network;
    }

    public Instant now() {
        return clock.instant();
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The base with {@code segments} appended, each encoded as one path segment (ids from answers cannot add "../"). */
    public HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    /** The host without its version path ({@code /v1.0}): where Threads and Instagram exchange tokens. */
    public HttpUrl.Builder unversioned(String... segments) {
        HttpUrl.Builder builder = base.newBuilder().encodedPath("/");
        List<String> path = base.pathSegments();
        for (String segment : path) {
            if (segment.isEmpty() || segment.matches("v\\d+(\\.\\d+)?")) {
                continue;
            }
            builder.addPathSegment(segment);
        }
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    public Answer get(ChannelAccount account, HttpUrl url) {
        return send(account, authorized(account, new Request.Builder().url(url).get()));
    }

    public Answer post(ChannelAccount account, HttpUrl url, Map<String, String> form) {
        return send(account, authorized(account, new Request.Builder().url(url).post(form(form))));
    }

    public Answer postFile(ChannelAccount account, HttpUrl url, Map<String, String> fields, String field, String mediaType, byte[] bytes) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        fields.forEach(body::addFormDataPart);
        MediaType type = MediaType.parse(mediaType);
        body.addFormDataPart(field, "upload", RequestBody.create(bytes, type == null ? OCTETS : type));
        return send(account, authorized(account, new Request.Builder().url(url).post(body.build())));
    }

    public Answer delete(ChannelAccount account, HttpUrl url) {
        return send(account, authorized(account, new Request.Builder().url(url).delete()));
    }

    /** A read with a token that belongs to no stored account yet (while connecting). */
    public Answer get(String token, HttpUrl url) {
        return http.send(new Request.Builder().url(url).get().header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .build());
    }

    /** A call without an account token (token exchanges, which carry their secrets as Meta documents). */
    public Answer anonymous(Request request) {
        return http.send(request);
    }

    public static RequestBody form(Map<String, String> fields) {
        FormBody.Builder form = new FormBody.Builder();
        fields.forEach((name, value) -> {
            if (value != null) {
                form.add(name, value);
            }
        });
        return form.build();
    }

    private static Request authorized(ChannelAccount account, Request.Builder request) {
        return request.header("Authorization", "Bearer " + account.credentials().accessToken()).header("Accept", "application/json").build();
    }

    private Answer send(ChannelAccount account, Request request) {
        Answer answer = http.send(request);
        observe(account, answer);
        return answer;
    }

    /** Reads the answer's usage headers (and a 429's Retry-After) into a hold for the account. */
    public Optional<Instant> observe(ChannelAccount account, Answer answer) {
        if (!answer.completed()) {
            return Optional.empty();
        }
        Optional<Instant> retryAfter = rateLimits.observe(account.id(), answer, Optional.empty(), Optional.empty());
        Optional<Instant> hold = GraphUsage.hold(answer, now());
        hold.ifPresent(until -> rateLimits.holdUntil(account.id(), until));
        if (retryAfter.isPresent() && (hold.isEmpty() || retryAfter.get().isAfter(hold.get()))) {
            return retryAfter;
        }
        return hold;
    }

    /** The outcome of an answer that is not a success; the account's token never shows in it. */
    public Outcome failure(ChannelAccount account, Answer answer, boolean creates) {
        return GraphOutcomes.of(answer, creates, now(), observe(account, answer), network, account.credentials().accessToken());
    }

    /** A "try later" when an earlier answer asked us to hold calls for this account, before anything is sent. */
    public Optional<Outcome> heldBack(ChannelAccount account) {
        Instant next = rateLimits.nextAllowedAt(account.id());
        if (next.isAfter(now())) {
            return Optional.of(new Outcome.RetryLater(next, network + " asked us to slow down for this account; nothing was sent."));
        }
        return Optional.empty();
    }
}
