package io.socialdesk.core.account;

import io.socialdesk.core.channel.OAuthClient;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: our OAuth clients. The client an admin configured for a network (its id and secret, entered once),
 * and the clients registered by Social Desk itself on each Mastodon instance (per redirect address, since
 * an app is registered for one). Secrets are stored encrypted and only handed out to the connect flow.
 */
public interface OAuthClientStore {
    Optional<OAuthClient> configured(Network network);

    /**
     * Sets the network's client. A blank {@code clientSecret} keeps the stored secret when the client id is
     * unchanged (the page never shows it, so the admin need not type it again), and means none otherwise.
     */
    void configure(Network network, String clientId, String clientSecret, String byUser, Instant at);

    /** Forgets the network's configured client. */
    void unconfigure(Network network);

    /** The client registered on {@code instance} for {@code redirect}, when there is one. */
    Optional<OAuthClient> registered(Network network, URI instance, URI redirect);

    void register(Network network, OAuthClient client, URI redirect, Instant at);

    /** The configured clients, without their secrets, for the admin page. */
    List<ClientSummary> configuredClients();

    /** A configured client as the admin page shows it: never the secret, only whether there is one. */
    record ClientSummary(Network network, String clientId, boolean hasSecret, String updatedBy, Instant updatedAt) {
    }
}
