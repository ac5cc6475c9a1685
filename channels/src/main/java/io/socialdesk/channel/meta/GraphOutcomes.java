package io.socialdesk.channel.meta;

import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.core.channel.Outcome;
import java.time.Instant;
import java.util.Optional;

/**
 * What a Graph answer that is not a success means, for Facebook, Instagram and Threads alike. The Graph
 * error object is read first (its code says more than the HTTP status); anything else falls back to the
 * connectors' shared {@link Outcomes}. Every sentence is passed through {@link Redact}.
 */
public final class GraphOutcomes {
    private GraphOutcomes() {
    }

    /**
     * @param creates whether the request creates something public: a lost or 5xx answer then means
     *                "unknown", to be settled, rather than "try later"
     * @param hold    the hold read from the answer's usage headers ({@link GraphUsage#hold})
     * @param secrets values that must not appear in the sentence (the account's token)
     */
    public static Outcome of(Answer answer, boolean creates, Instant now, Optional<Instant> hold, String network, String... secrets) {
        return redacted(map(answer, creates, now, hold, network), secrets);
    }

    private static Outcome map(Answer answer, boolean creates, Instant now, Optional<Instant> hold, String network) {
        if (!answer.completed()) {
            return Outcomes.of(answer, creates, now, hold, network);
        }
        Optional<GraphError> found = GraphError.of(answer);
        if (found.isEmpty()) {
            return Outcomes.of(answer, creates, now, hold, network);
        }
        GraphError error = found.get();
        if (error.tokenInvalid()) {
            return new Outcome.Failed("token-invalid",
                    network + " no longer accepts this account's access (" + error.tokenProblem() + "): reconnect the account.");
        }
        if (error.throttled()) {
            return new Outcome.RetryLater(hold.orElse(now.plus(GraphUsage.THROTTLE_PAUSE)),
                    network + " is limiting calls for this account (code " + error.code() + "); it will be tried again later.");
        }
        if (error.retryable()) {
            if (creates && answer.status() >= 500) {
                return new Outcome.Unknown(network + " answered " + answer.status() + " with a temporary error after the request was sent: "
                        + error.sentence());
            }
            return new Outcome.RetryLater(hold.orElse(now.plus(Outcomes.SERVER_ERROR_BACKOFF)),
                    network + " had a temporary problem: " + error.sentence());
        }
        if (error.duplicate()) {
            return new Outcome.Failed("duplicate", network + " refused the post as a duplicate of a recent one: " + error.sentence());
        }
        if (error.invalidParameter()) {
            return new Outcome.Failed("invalid-parameter", network + " refused the request: " + error.sentence());
        }
        if (error.missingPermission()) {
            return new Outcome.Failed("missing-permission", network + " says the account did not grant a permission this needs ("
                    + error.sentence() + "): reconnect the account and grant it.");
        }
        if (answer.status() >= 500) {
            return creates ? new Outcome.Unknown(network + " answered " + answer.status() + " after the request was sent: " + error.sentence())
                    : new Outcome.RetryLater(hold.orElse(now.plus(Outcomes.SERVER_ERROR_BACKOFF)),
                            network + " is unavailable (" + answer.status() + "): " + error.sentence());
        }
        return new Outcome.Failed("rejected", network + " refused the request (code " + error.code() + "): " + error.sentence());
    }

    /** The same outcome with every secret and token-like text removed from its sentence. */
    public static Outcome redacted(Outcome outcome, String... secrets) {
        if (outcome instanceof Outcome.RetryLater r) {
            return new Outcome.RetryLater(r.notBefore(), Redact.text(r.reason(), secrets));
        }
        if (outcome instanceof Outcome.Failed f) {
            return new Outcome.Failed(f.code(), Redact.text(f.reason(), secrets));
        }
        if (outcome instanceof Outcome.Unknown u) {
            return new Outcome.Unknown(Redact.text(u.reason(), secrets));
        }
        return outcome;
    }

    /** The sentence of an outcome that is not a success. */
    public static String reason(Outcome outcome) {
        if (outcome instanceof Outcome.RetryLater r) {
            return r.reason();
        }
        if (outcome instanceof Outcome.Failed f) {
            return f.reason();
        }
        if (outcome instanceof Outcome.Unknown u) {
            return u.reason();
        }
        return "";
    }
}
