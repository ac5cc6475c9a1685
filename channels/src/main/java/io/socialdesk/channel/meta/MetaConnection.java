package io.socialdesk.channel.meta;

import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import java.net.URI;

/**
 * What connecting is the same for on Facebook, Instagram and Threads: the app an admin configured is the
 * client, and an answer that cannot be read while connecting or renewing becomes a sentence, never an
 * exception. Each network says how it connects and renews.
 */
public abstract class MetaConnection implements Connection.OAuth {
    private final String network;
    private final String possessive;

    /** {@code possessive}: the network's name as in "Threads' answer". */
    protected MetaConnection(String network, String possessive) {
        this.network = network;
        this.possessive = possessive;
    }

    /** Exchanges the code and reads who connected; may throw on an unreadable answer. */
    protected abstract Connected connect(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure;

    /** Renews the credentials; may throw on an unreadable answer. */
    protected abstract Credentials renew(OAuthClient client, Credentials current) throws ConnectFailure;

    @Override
    public final OAuthClient client(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure {
        return MetaOAuth.configured(configured, network);
    }

    @Override
    public final Connected exchange(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        try {
            return connect(client, code, codeVerifier, redirect);
        } catch (RuntimeException e) {
            throw new ConnectFailure("network-error", possessive + " answer while connecting could not be read.");
        }
    }

    @Override
    public final Credentials refresh(OAuthClient client, Credentials current) throws ConnectFailure {
        try {
            return renew(client, current);
        } catch (RuntimeException e) {
            throw new ConnectFailure("network-error", possessive + " answer to the token refresh could not be read.");
        }
    }
}
