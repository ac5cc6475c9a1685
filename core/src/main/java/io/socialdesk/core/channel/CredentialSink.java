package io.socialdesk.core.channel;

/**
 * Where a connector puts credentials it refreshed (Bluesky rotates its refresh token, X its refresh
 * token pair), at once and before using them, so that a crash never leaves the stored pair dead.
 */
@FunctionalInterface
public interface CredentialSink {
    CredentialSink NONE = (accountId, fresh) -> { };

    void rotated(long accountId, Credentials fresh);
}
