package io.socialdesk.core.channel;

import io.socialdesk.core.account.Network;
import java.util.Optional;

/** Port: the connector for each network, as the host assembled them. */
@FunctionalInterface
public interface Channels {
    Optional<Channel> of(Network network);
}
