package io.socialdesk.channel.meta;

import io.socialdesk.channel.http.Answer;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.ChannelAccount;
import java.util.Optional;

/** What a failed credentials check means for an account's health, the same way on the three Meta networks. */
public final class GraphHealth {
    private GraphHealth() {
    }

    /**
     * Checks a profile whose token expires (Instagram Login, Threads): an expired token without a call,
     * else {@code profile} (asked for {@code id,username}) names who the account is.
     */
    public static AccountHealth ofProfile(Graph graph, ChannelAccount account, okhttp3.HttpUrl profile, String expiredDetail, String possessive) {
        try {
            java.time.Instant expires = account.credentials().expiresAt();
            if (expires != null && !expires.isAfter(graph.now())) {
                return AccountHealth.problem(graph.now(), "expired", expiredDetail);
            }
            Answer answer = graph.get(account, profile);
            if (!answer.ok() || Json.text(answer.json().path("id")) == null) {
                return problem(graph, account, answer);
            }
            String username = Json.text(answer.json().path("username"));
            return AccountHealth.ok(graph.now(), answer.json().path("id").asText(), username == null ? account.handle() : username,
                    account.credentials().scopes(), expires);
        } catch (RuntimeException e) {
            return AccountHealth.problem(graph.now(), "unreachable", possessive + " answer to the credentials check could not be read.");
        }
    }

    public static AccountHealth problem(Graph graph, ChannelAccount account, Answer answer) {
        String network = graph.network();
        String token = account.credentials().accessToken();
        if (!answer.completed()) {
            return AccountHealth.problem(graph.now(), "unreachable", Redact.text(network + " could not be reached: " + answer.problem(), token));
        }
        graph.observe(account, answer);
        Optional<GraphError> found = GraphError.of(answer);
        if (found.isPresent()) {
            GraphError error = found.get();
            if (error.tokenInvalid()) {
                return AccountHealth.problem(graph.now(), error.expired() ? "expired" : "revoked",
                        network + " no longer accepts this account's access (" + error.tokenProblem() + "): reconnect the account.");
            }
            if (error.throttled() || answer.status() == 429) {
                return AccountHealth.problem(graph.now(), "rate-limited", network + " is limiting calls for this account; checked again later.");
            }
            if (error.missingPermission()) {
                return AccountHealth.problem(graph.now(), "missing-scopes", Redact.text(network
                        + " says the account did not grant a permission Social Desk needs (" + error.sentence() + "): reconnect and grant it.", token));
            }
            if (error.retryable() || answer.status() >= 500) {
                return AccountHealth.problem(graph.now(), "unreachable",
                        Redact.text(network + " had a temporary problem: " + error.sentence(), token));
            }
            return AccountHealth.problem(graph.now(), "revoked",
                    Redact.text(network + " refused the credentials check (" + error.sentence() + "): reconnect the account.", token));
        }
        if (answer.status() == 401) {
            return AccountHealth.problem(graph.now(), "revoked", network + " no longer accepts this account's access: reconnect the account.");
        }
        if (answer.status() == 429) {
            return AccountHealth.problem(graph.now(), "rate-limited", network + " is limiting calls for this account; checked again later.");
        }
        if (answer.ok()) {
            return AccountHealth.problem(graph.now(), "unreachable", network + " answered the credentials check with something that is not the expected JSON.");
        }
        return AccountHealth.problem(graph.now(), "unreachable", network + " could not check the account (" + answer.status() + ").");
    }
}
