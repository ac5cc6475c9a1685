package io.socialdesk.channel;

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
