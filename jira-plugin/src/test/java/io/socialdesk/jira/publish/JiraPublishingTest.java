package io.socialdesk.jira.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.jira.cluster.ClusterManager;
import org.junit.jupiter.api.Test;

/** Which name this node signs its delivery claims with. */
class JiraPublishingTest {
    private final ClusterManager cluster = mock(ClusterManager.class);

    @Test
    void aClusteredNodeClaimsUnderJirasNodeId() {
        when(cluster.getNodeId()).thenReturn("node-eu-2");
        assertThat(JiraPublishing.nodeId(cluster)).isEqualTo("node-eu-2");
    }

    @Test
    void outsideAClusterTheHostNameNamesTheNodeTheSameEveryTime() {
        when(cluster.getNodeId()).thenReturn(null);
        String id = JiraPublishing.nodeId(cluster);
        assertThat(id).startsWith("host:").hasSizeGreaterThan("host:".length());
        assertThat(JiraPublishing.nodeId(cluster)).isEqualTo(id);
        when(cluster.getNodeId()).thenThrow(new IllegalStateException("not started"));
        assertThat(JiraPublishing.nodeId(cluster)).isEqualTo(id);
    }
}
