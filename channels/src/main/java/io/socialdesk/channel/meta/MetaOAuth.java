package io.socialdesk.channel.meta;

import io.socialdesk.channel.http.Answer;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Credentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The OAuth code-flow pieces the three Meta connectors share: the authorize URL, token answers, failures. */
public final class MetaOAuth {
    private MetaOAuth() {
    }

    /** A token Meta issued and, when it said, how many seconds it lives. */
    public record Token(String accessToken, Long expiresIn) {
        public Instant expiresAt(Instant now) {
            return expiresIn == null || expiresIn <= 0 ? null : now.plusSeconds(expiresIn);
        }

        @Override
        public String toString() {
            return "Token[***, expires in " + expiresIn + " s]";
        }
    }

    /** The configured Meta app; there is no per-instance registration at Meta. */
    public static OAuthClient configured(OAuthClient configured, String network) throws ConnectFailure {
        if (configured == null || configured.clientId() == null || configured.clientId().isBlank() || configured.clientSecret() == null
                || configured.clientSecret().isBlank()) {
            throw new ConnectFailure("not-configured",
                    "No " + network + " app is configured: an admin must enter the Meta app id and app secret first.");
        }
        return configured;
    }

    /**
     * Where the owner's browser goes. {@code pkce} says whether the network takes a code challenge
     * (Facebook Login does; Instagram Login and Threads do not document one, so none is sent there).
     */
    public static URI authorizationUri(URI authorizeBase, OAuthClient client, Connection.AuthorizationRequest request, List<String> scopes,
            boolean pkce) {
        HttpUrl.Builder url = HttpUrl.get(authorizeBase.toString()).newBuilder()
                .addQueryParameter("client_id", client.clientId())
                .addQueryParameter("redirect_uri", request.redirect().toString())
                .addQueryParameter("response_type", "code")
                .addQueryParameter("scope", String.join(",", scopes))
                .addQueryParameter("state", request.state());
        if (pkce && request.codeChallenge() != null) {
            url.addQueryParameter("code_challenge", request.codeChallenge()).addQueryParameter("code_challenge_method", "S256");
        }
        return url.build().uri();
    }

    /** The token in an exchange answer, or a failure that names the step and never a secret. */
    public static Token token(Answer answer, String network, String step, String... secrets) throws ConnectFailure {
        if (!answer.ok()) {
            throw failure(answer, network, step, secrets);
        }
        String token = answer.text("access_token");
        if (token == null && answer.json().path("data").isArray()) {
            // Instagram Login answers {"data":[{"access_token","user_id","permissions"}]}.
            token = text(answer, "data", 0, "access_token");
        }
        if (token == null || token.isBlank()) {
            throw new ConnectFailure("malformed-answer", network + " answered the " + step + " without an access token.");
        }
        return new Token(token, seconds(answer.json().path("expires_in")));
    }

    /** A number of seconds written as a number or a numeric string, else null. */
    public static Long seconds(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String text(Answer answer, String array, int index, String field) {
        var node = answer.json().path(array).path(index).path(field);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Why a step of connecting failed, for the person connecting. */
    public static ConnectFailure failure(Answer answer, String network, String step, String... secrets) {
        if (!answer.completed()) {
            return new ConnectFailure("network-unreachable",
                    Redact.text(network + " could not be reached during the " + step + ": " + answer.problem(), secrets));
        }
        Optional<GraphError> error = GraphError.of(answer);
        if (error.isPresent()) {
            GraphError e = error.get();
            if (e.throttled()) {
                return new ConnectFailure("rate-limited", network + " is limiting calls right now; try connecting again in a few minutes.");
            }
            if (e.retryable() || answer.status() >= 500) {
                return new ConnectFailure("network-error",
                        Redact.text(network + " had a temporary problem during the " + step + ": " + e.sentence(), secrets));
            }
            if (e.code() == 101) {
                return new ConnectFailure("client-rejected", Redact.text(network
                        + " refused the app's credentials during the " + step + " (" + e.sentence() + "): check the app id and secret.", secrets));
            }
            return new ConnectFailure("invalid-credentials",
                    Redact.text(network + " refused the " + step + " (" + e.sentence() + "); start connecting again.", secrets));
        }
        if (answer.status() >= 500) {
            return new ConnectFailure("network-error", network + " is unavailable (" + answer.status() + ") during the " + step + ".");
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            return new ConnectFailure("malformed-answer", network + " answered the " + step + " with something that is not the expected JSON.");
        }
        return new ConnectFailure("invalid-credentials",
                Redact.text(network + " refused the " + step + " (" + answer.status() + "): " + answer.excerpt(), secrets));
    }

    /** Credentials.extra: when the current long-lived token was issued (epoch seconds). */
    public static final String ISSUED_AT = "issuedAt";
    /** Meta refreshes a long-lived token only once it is at least this old. */
    public static final Duration REFRESH_MIN_AGE = Duration.ofHours(24);

    /** Credentials for a long-lived token issued now, remembering when (the refresh rule needs it). */
    public static Credentials longLived(Token token, Instant now, java.util.Set<String> scopes, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put(ISSUED_AT, Long.toString(now.getEpochSecond()));
        return new Credentials(token.accessToken(), null, token.expiresAt(now), scopes, values);
    }

    /**
     * Refreshes a 60-day token (Threads {@code th_refresh_token}, Instagram Login {@code ig_refresh_token})
     * at {@code GET /refresh_access_token}. Meta refreshes only tokens that are unexpired and at least 24
     * hours old, so earlier requests are refused here with a sentence saying when to come back.
     */
    public static Credentials refreshLongLived(Graph graph, Credentials current, String grantType) throws ConnectFailure {
        Instant now = graph.now();
        String network = graph.network();
        if (current.expiresAt() != null && !current.expiresAt().isAfter(now)) {
            throw new ConnectFailure("token-expired", network + "'s access for this account expired on " + current.expiresAt()
                    + "; an expired token cannot be refreshed: connect the account again.");
        }
        String issued = current.extra(ISSUED_AT);
        if (issued != null) {
            try {
                Instant allowed = Instant.ofEpochSecond(Long.parseLong(issued)).plus(REFRESH_MIN_AGE);
                if (now.isBefore(allowed)) {
                    throw new ConnectFailure("too-early", network + " refreshes a token only once it is at least 24 hours old; try again after "
                            + allowed + ".");
                }
            } catch (NumberFormatException unreadable) {
                // No usable issue time: let the network decide.
            }
        }
        HttpUrl url = graph.unversioned("refresh_access_token").addQueryParameter("grant_type", grantType)
                .addQueryParameter("access_token", current.accessToken()).build();
        Token token = token(graph.anonymous(new Request.Builder().url(url).get().build()), network, "token refresh", current.accessToken());
        return longLived(token, now, current.scopes(), current.extra());
    }
}
