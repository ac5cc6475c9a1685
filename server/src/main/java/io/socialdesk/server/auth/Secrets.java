package io.socialdesk.server.auth;

import io.socialdesk.core.secret.SecretTokens;

/** Random secrets for sessions and tokens, and the one-way hash under which they are stored (core's {@link SecretTokens}). */
final class Secrets {
    private Secrets() {}

    static String newSecret(String prefix) {
        return SecretTokens.newSecret(prefix);
    }

    static String hash(String secret) {
        return SecretTokens.hash(secret);
    }
}
