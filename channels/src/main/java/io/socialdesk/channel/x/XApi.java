package io.socialdesk.channel.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * What every X call shares: the hosts, the OAuth token endpoint, the access of one account for the
 * length of one operation (refreshed at most once, the rotated pair handed to the {@link CredentialSink}
 * before it is used), and the rate-limit headers. Package-private: {@link XChannel} is the public face.
 */
final class XApi {
    /** X answers with access tokens that last two hours; renew them when this little is left. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    static final Pattern ID = Pattern.compile("^[0-9]{1,19}$");
    static final String CLIENT_ID = "client_id";

    final HttpCalls http;
    final RateLimits rateLimits;
    final CredentialSink sink;
    final Clock clock;
    final HttpUrl api;
    final HttpUrl authorize;
    /**
     * The X app the host configured, asked at each renewal because an admin may enter it at any time; it answers
     * null when none is configured (refresh then uses the stored client id as a public client).
     */
    final java.util.function.Supplier<OAuthClient> app;

    XApi(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI api, URI authorize, OAuthClient app) {
        this(http, rateLimits, sink, clock, api, authorize, () -> app);
    }

    XApi(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI api, URI authorize,
            java.util.function.Supplier<OAuthClient> app) {
        this.http = http;
        this.rateLimits = rateLimits;
        this.sink = sink == null ? CredentialSink.NONE : sink;
        this.clock = clock;
        this.api = HttpUrl.get(api);
        this.authorize = HttpUrl.get(authorize);
        this.app = app;
    }

    Instant now() {
        return clock.instant();
    }

    /** {@code segments} is a path such as {@code 2/tweets}; ids are added with {@link HttpUrl.Builder#addPathSegment}. */
    HttpUrl.Builder url(String segments) {
        return api.newBuilder().addPathSegments(segments);
    }

    static Request.Builder bearer(HttpUrl url, String token) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    // ---------------------------------------------------------------- sessions

    /** An internal stop: the operation ends with this outcome. Never leaves the package. */
    static final class Stop extends RuntimeException {
        final transient Outcome outcome;

        Stop(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /** One account's access during one operation. */
    final class Session {
        ChannelAccount account;
        boolean refreshed;

        Session(ChannelAccount account) {
            this.account = account;
        }

        String token() {
            return account.credentials().accessToken();
        }

        String userId() {
            return account.remoteId();
        }

        String username() {
            String handle = account.handle();
            return handle.startsWith("@") ? handle.substring(1) : handle;
        }
    }

    /** Opens the account's session, renewing the access first when it expires within {@link #REFRESH_MARGIN}. */
    Session open(ChannelAccount account) {
        Session session = new Session(account);
        Credentials credentials = account.credentials();
        Instant expires = credentials.expiresAt();
        if (expires != null && !expires.isAfter(now().plus(REFRESH_MARGIN)) && canRefresh(session)) {
            refresh(session);
        }
        return session;
    }

    private boolean canRefresh(Session session) {
        return session.account.credentials().refreshToken() != null && clientFor(session.account.credentials()) != null;
    }

    /**
     * Sends once; on a 401 (a refusal: nothing was done) renews the access once per session and sends
     * the rebuilt request again. Every answer's rate-limit headers are recorded for the account.
     */
    /** A GET of one page of a list ({@code pagination_token} added when there is one), with the session's bearer. */
    Answer page(Session session, HttpUrl.Builder url, String paginationToken) {
        if (paginationToken != null) url.addQueryParameter("pagination_token", paginationToken);
        HttpUrl built = url.build();
        return send(session, token -> bearer(built, token).get().build());
    }

    Answer send(Session session, Function<String, Request> request) {
        Answer answer = http.send(request.apply(session.token()));
        observe(session.account.id(), answer);
        if (answer.completed() && answer.status() == 401 && !session.refreshed && canRefresh(session)) {
            refresh(session);
            answer = http.send(request.apply(session.token()));
            observe(session.account.id(), answer);
        }
        return answer;
    }

    Optional<Instant> observe(long accountId, Answer answer) {
        if (!answer.completed()) {
            return Optional.empty();
        }
        return rateLimits.observe(accountId, answer, RateLimits.integer(answer, "x-rate-limit-remaining"),
                RateLimits.epochSeconds(answer, "x-rate-limit-reset"));
    }

    /** The hold an answer asks for: its reset when it is a 429 or the budget is spent. */
    Optional<Instant> hold(Answer answer) {
        if (!answer.completed()) {
            return Optional.empty();
        }
        if (answer.status() == 429) {
            return rateLimits.retryAfter(answer).or(() -> RateLimits.epochSeconds(answer, "x-rate-limit-reset"));
        }
        return Optional.empty();
    }

    /**
     * Renews the session's access. X's refresh tokens are single use: the new pair goes to the sink
     * before anything uses it, so a crash right after cannot leave only a dead token stored.
     */
    void refresh(Session session) {
        session.refreshed = true;
        Credentials current = session.account.credentials();
        OAuthClient client = clientFor(current);
        Credentials fresh;
        try {
            fresh = refreshTokens(client, current);
        } catch (ConnectFailure failure) {
            throw new Stop(switch (failure.rule()) {
                case "network-unreachable" -> new Outcome.RetryLater(now().plus(Outcomes.SERVER_ERROR_BACKOFF), failure.getMessage());
                case "rate-limited" -> new Outcome.RetryLater(rateLimits.nextAllowedAt(session.account.id()), failure.getMessage());
                default -> new Outcome.Failed("token-invalid", failure.getMessage());
            });
        }
        try {
            sink.rotated(session.account.id(), fresh);
        } catch (RuntimeException e) {
            // The old refresh token is spent; using a pair we could not store would strand the account later.
            throw new Stop(new Outcome.Failed("credentials-not-stored",
                    "X renewed the account's access but the new access could not be stored; reconnect the account"));
        }
        session.account = session.account.withCredentials(fresh);
    }

    /** The configured app when it is the one the account was connected with; else the stored client id, as a public client. */
    OAuthClient clientFor(Credentials credentials) {
        String stored = credentials.extra(CLIENT_ID);
        OAuthClient app = this.app.get();
        if (app != null && (stored == null || stored.equals(app.clientId()))) {
            return app;
        }
        return stored == null ? null : new OAuthClient(null, stored, null);
    }

    // ---------------------------------------------------------------- OAuth token endpoint

    /** {@code POST /2/oauth2/token}: Basic authentication for a confidential client, {@code client_id} in the form for a public one. */
    Answer token(OAuthClient client, FormBody.Builder form, boolean clientIdAlways) {
        boolean confidential = client.clientSecret() != null && !client.clientSecret().isEmpty();
        if (!confidential || clientIdAlways) {
            form.add("client_id", client.clientId());
        }
        Request.Builder request = new Request.Builder().url(url("2/oauth2/token").build()).post(form.build())
                .header("Accept", "application/json");
        if (confidential) {
            String pair = client.clientId() + ":" + client.clientSecret();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build());
    }

    /** Reads a token answer into credentials, keeping what the answer leaves out from {@code previous}. */
    Credentials credentials(Answer answer, Credentials previous, String clientId, String what) throws ConnectFailure {
        if (!answer.completed()) {
            throw new ConnectFailure("network-unreachable", "X could not be reached to " + what + ": " + answer.problem());
        }
        if (answer.status() == 429) {
            throw new ConnectFailure("rate-limited", "X asks us to slow down; try to " + what + " again in a few minutes");
        }
        if (answer.status() >= 500) {
            throw new ConnectFailure("network-error", "X is unavailable (" + answer.status() + "); try to " + what + " again later");
        }
        if (answer.status() == 200 && !answer.isJson()) {
            throw new ConnectFailure("network-error", "X answered with a page that is not JSON; try to " + what + " again later");
        }
        if (answer.status() != 200) {
            String why = XProblems.sentence(Json.string(answer.json(), "error_description"));
            if (why == null) {
                why = XProblems.sentence(Json.string(answer.json(), "error"));
            }
            throw new ConnectFailure("invalid-credentials", "X refused to " + what
                    + (why == null ? " (" + answer.status() + ")" : " (" + why.replaceAll("[.]+$", "") + ")") + ": connect the account again");
        }
        String access = Json.string(answer.json(), "access_token");
        if (access == null || access.isBlank()) {
            throw new ConnectFailure("network-error", "X's answer to " + what + " carried no access token");
        }
        String refresh = Json.string(answer.json(), "refresh_token");
        if (refresh == null && previous != null) {
            // Rotation is X's rule; should an answer come without a new refresh token, the stored one stays.
            refresh = previous.refreshToken();
        }
        JsonNode expiresIn = answer.json().path("expires_in");
        Instant expires = expiresIn.canConvertToLong() && expiresIn.isNumber() ? now().plusSeconds(expiresIn.asLong()) : null;
        Set<String> scopes = new LinkedHashSet<>();
        String scope = Json.string(answer.json(), "scope");
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        } else if (previous != null) {
            scopes.addAll(previous.scopes());
        }
        Map<String, String> extra = new HashMap<>(previous == null ? Map.of() : previous.extra());
        extra.put(CLIENT_ID, clientId);
        return new Credentials(access, refresh, expires, scopes, extra);
    }

    /** {@code grant_type=refresh_token}: never retried here, since a lost answer may already have spent the old refresh token. */
    Credentials refreshTokens(OAuthClient client, Credentials current) throws ConnectFailure {
        if (client == null) {
            throw new ConnectFailure("not-configured", "No X app is configured to renew this account's access; reconnect the account");
        }
        if (current.refreshToken() == null) {
            throw new ConnectFailure("no-refresh-token", "X gave this account no refresh token (offline.access); reconnect the account");
        }
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", current.refreshToken());
        return credentials(token(client, form, true), current, client.clientId(), "renew the account's access");
    }
}
