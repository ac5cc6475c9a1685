package io.socialdesk.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDirectoryTest {
    @Test
    void findsEachNetworksConnectorAndSaysWhichNetworksHaveOne() {
        Connection.AppPassword login = mock(Connection.AppPassword.class);
        Channel bluesky = channel(Network.BLUESKY, login);
        Channel mastodon = channel(Network.MASTODON, mock(Connection.OAuth.class));

        ChannelDirectory directory = ChannelDirectory.of(List.of(mastodon, bluesky));

        assertThat(directory.of(Network.BLUESKY)).containsSame(bluesky);
        assertThat(directory.of(Network.X)).isEmpty();
        assertThat(directory.networks()).containsExactly(Network.MASTODON, Network.BLUESKY);
        assertThat(directory.connection(Network.BLUESKY)).containsSame(login);
        assertThat(directory.connection(Network.LINKEDIN)).isEmpty();
    }

    @Test
    void twoConnectorsForOneNetworkAreRefused() {
        assertThatThrownBy(() -> ChannelDirectory.of(List.of(channel(Network.X, null), channel(Network.X, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Two connectors for X");
    }

    @Test
    void anEmptyDirectoryHasNoConnector() {
        assertThat(ChannelDirectory.empty().networks()).isEmpty();
        assertThat(ChannelDirectory.of(List.of()).of(Network.MASTODON)).isEmpty();
    }

    @Test
    void theStandardDirectoryHasAConnectorForEveryNetworkWithTheRightWayToConnect() {
        ChannelDirectory standard = ChannelDirectory.standard(new io.socialdesk.channel.http.HttpCalls(io.socialdesk.channel.http.AddressPolicy.PUBLIC_HTTPS),
                io.socialdesk.core.channel.CredentialSink.NONE, java.time.Clock.systemUTC(), () -> null);

        assertThat(standard.networks()).containsExactly(Network.values());
        for (Network network : Network.values()) {
            assertThat(standard.of(network).orElseThrow().network()).isEqualTo(network);
        }
        assertThat(standard.connection(Network.BLUESKY)).get().isInstanceOf(Connection.AppPassword.class);
        assertThat(standard.connection(Network.WEBHOOK)).get().isInstanceOf(Connection.AppPassword.class);
        for (Network oauth : List.of(Network.MASTODON, Network.X, Network.LINKEDIN, Network.FACEBOOK, Network.INSTAGRAM, Network.THREADS)) {
            assertThat(standard.connection(oauth)).as(oauth.label()).get().isInstanceOf(Connection.OAuth.class);
        }
    }

    private static Channel channel(Network network, Connection connection) {
        Channel channel = mock(Channel.class);
        when(channel.network()).thenReturn(network);
        when(channel.connection()).thenReturn(connection);
        return channel;
    }
}
