package io.socialdesk.channel.http;

import io.socialdesk.core.channel.Outcome;
import java.time.Instant;

/**
 * The outcome of an answer that is not a success, shared by every connector: what a transport
 * failure, a 429, a 5xx or an authentication refusal means for a call that creates something.
 * Connectors map their own error bodies first and fall back to this.
 */
public final class Outcomes {
    /** How long to wait before retrying after a server error the network gave no time for. */
    public static final java.time.Duration SERVER_ERROR_BACKOFF = java.time.Duration.ofMinutes(2);

    private Outcomes() {
    }

    /**
     * @param creates whether the call creates something (a post): a lost answer then means "unknown",
     *                while for a read or a delete it is simply retried later
     * @param hold    the rate-limit hold the connector read from the answer, if any
     */
    public static Outcome of(Answer answer, boolean creates, Instant now, java.util.Optional<Instant> hold, String network) {
        if (answer.transport() == Answer.Transport.NOT_SENT) {
            return new Outcome.RetryLater(now.plus(SERVER_ERROR_BACKOFF), answer.problem());
        }
        if (answer.transport() == Answer.Transport.MAYBE_SENT) {
            return creates ? new Outcome.Unknown(answer.problem())
                    : new Outcome.RetryLater(now.plus(SERVER_ERROR_BACKOFF), answer.problem());
        }
        int status = answer.status();
        if (status == 429) {
            return new Outcome.RetryLater(hold.orElse(now.plus(RateLimits.DEFAULT_BACKOFF)), network + " asks us to slow down (rate limit)");
        }
        if (status == 401) {
            return new Outcome.Failed("token-invalid", network + " no longer accepts this account's access: reconnect the account");
        }
        if (status == 403) {
            return new Outcome.Failed("forbidden", network + " refused the post: " + answer.excerpt());
        }
        if (status == 501) {
            return new Outcome.Failed("not-supported", network + " does not support this request");
        }
        if (status >= 500) {
            // A gateway error after a create may hide a post that was made; the engine settles it.
            return creates && status != 503
                    ? new Outcome.Unknown(network + " answered " + status + " after the request was sent")
                    : new Outcome.RetryLater(hold.orElse(now.plus(SERVER_ERROR_BACKOFF)), network + " is unavailable (" + status + ")");
        }
        if (status >= 300 && status < 400) {
            return new Outcome.Failed("redirected", network + " answered with a redirect, which is not followed");
        }
        if (status >= 200 && status < 300 && !answer.isJson()) {
            return creates ? new Outcome.Unknown(network + " answered " + status + " with a body that is not JSON")
                    : new Outcome.Failed("malformed-answer", network + " answered with a body that is not JSON");
        }
        return new Outcome.Failed("rejected", network + " refused the request (" + status + "): " + answer.excerpt());
    }
}
