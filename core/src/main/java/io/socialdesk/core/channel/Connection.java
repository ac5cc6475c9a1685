package io.socialdesk.core.channel;

import java.net.URI;

/**
 * How an account is connected. The hosts run one shared flow around it: they keep the state and the
 * PKCE verifier, handle the callback and store what {@link Connected} carries, encrypted.
 */
public sealed interface Connection permits Connection.OAuth, Connection.AppPassword {

    /** OAuth 2 authorization code flow, with PKCE where the network offers it. */
    non-sealed interface OAuth extends Connection {
        /** The client to use on {@code instance}: registered there now (Mastodon) or the configured one. */
        OAuthClient client(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure;

        /** Where to send the owner's browser. */
        URI authorizationUri(OAuthClient client, AuthorizationRequest request);

        /** Exchanges the code from the callback for credentials and reads who they belong to. */
        Connected exchange(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure;

        /** New credentials from a refresh token; fails when the network does not refresh or refused. */
        Credentials refresh(OAuthClient client, Credentials current) throws ConnectFailure;
    }

    /** A handle or e-mail and an app password (Bluesky), exchanged for a session. */
    non-sealed interface AppPassword extends Connection {
        Connected login(URI instance, String identifier, String appPassword) throws ConnectFailure;
    }

    /** What the owner's browser is sent with. */
    record AuthorizationRequest(String state, String codeChallenge, URI redirect) {
    }
}
