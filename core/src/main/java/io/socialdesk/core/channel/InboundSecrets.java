package io.socialdesk.core.channel;

import java.util.Optional;

/**
 * Port: the secret an account's inbound webhook requests are signed with, if it takes any. Held by
 * the host, never shown by the API; the accounts' encrypted credentials will hold it once they exist.
 */
@FunctionalInterface
public interface InboundSecrets {
    InboundSecrets NONE = accountId -> Optional.empty();

    Optional<String> secretFor(long accountId);
}
