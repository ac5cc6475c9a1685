package io.socialdesk.channel;

import io.socialdesk.channel.bluesky.BlueskyChannel;
import io.socialdesk.channel.facebook.FacebookChannel;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.instagram.InstagramChannel;
import io.socialdesk.channel.linkedin.LinkedInChannel;
import io.socialdesk.channel.mastodon.MastodonChannel;
import io.socialdesk.channel.threads.ThreadsChannel;
import io.socialdesk.channel.webhook.WebhookChannel;
import io.socialdesk.channel.x.XChannel;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.OAuthClient;
import java.time.Clock;
import java.util.function.Supplier;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.channel.Connection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connectors a host assembled, one per network. The hosts build it from the list of their connectors;
 * the account pages offer a connect button for each network in it, the connect flow and the jobs find the
 * connector of an account's network here.
 */
public final class ChannelDirectory implements Channels {
    private final Map<Network, Channel> byNetwork;

    private ChannelDirectory(Map<Network, Channel> byNetwork) {
        this.byNetwork = Collections.unmodifiableMap(byNetwork);
    }

    /** Refuses two connectors for one network: which one publishes must never depend on list order. */
    public static ChannelDirectory of(List<? extends Channel> channels) {
        Map<Network, Channel> byNetwork = new EnumMap<>(Network.class);
        for (Channel channel : channels) {
            Network network = channel.network();
            if (network == null) throw new IllegalArgumentException(channel.getClass().getName() + " names no network");
            Channel previous = byNetwork.putIfAbsent(network, channel);
            if (previous != null) {
                throw new IllegalArgumentException("Two connectors for " + network.label() + ": " + previous.getClass().getName() + " and "
                        + channel.getClass().getName());
            }
        }
        return new ChannelDirectory(byNetwork);
    }

    /**
     * Every connector Social Desk ships, sharing one HTTP client (its address policy decides which servers
     * people may connect), one rate-limit memory and the store that keeps refreshed credentials.
     * {@code xApp} answers the X app configured now (X renews a confidential client's tokens with its secret).
     */
    public static ChannelDirectory standard(HttpCalls http, CredentialSink sink, Clock clock, Supplier<OAuthClient> xApp) {
        RateLimits limits = new RateLimits(clock);
        return of(List.of(
                new MastodonChannel(http, limits, sink, clock),
                new BlueskyChannel(http, limits, sink, clock),
                new XChannel(http, limits, sink, clock, xApp),
                new LinkedInChannel(http, limits, sink, clock),
                new FacebookChannel(http, limits, sink, clock),
                new InstagramChannel(http, limits, sink, clock),
                new ThreadsChannel(http, limits, sink, clock),
                new WebhookChannel(http, limits, sink, clock)));
    }

    public static ChannelDirectory empty() {
        return new ChannelDirectory(new EnumMap<>(Network.class));
    }

    @Override
    public Optional<Channel> of(Network network) {
        return Optional.ofNullable(byNetwork.get(network));
    }

    /** The networks with a connector, in the enum's order. */
    public Set<Network> networks() {
        return byNetwork.keySet();
    }

    /** How an account of {@code network} is connected, when there is a connector for it. */
    public Optional<Connection> connection(Network network) {
        return of(network).map(Channel::connection);
    }
}
