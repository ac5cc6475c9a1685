package io.socialdesk.core.channel;

import java.time.Instant;
import java.util.Objects;

/** What became of one call to a network, in the four cases the publishing engine acts on. */
public sealed interface Outcome {

    /** It went through: the post is on the network (or, for a delete, gone). */
    record Sent(RemotePost remote) implements Outcome {
        public Sent {
            Objects.requireNonNull(remote, "remote");
        }
    }

    /** It did not happen and may be tried again, not before {@code notBefore}. */
    record RetryLater(Instant notBefore, String reason) implements Outcome {
        public RetryLater {
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** It did not happen and trying again will not help; {@code reason} is for a person, {@code code} for filters. */
    record Failed(String code, String reason) implements Outcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The request may or may not have reached the network; it must be settled, never resent blindly. */
    record Unknown(String reason) implements Outcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
