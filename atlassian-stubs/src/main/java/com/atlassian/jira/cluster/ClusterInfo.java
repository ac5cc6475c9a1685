// Checked against: https://docs.atlassian.com/jira/latest/com/atlassian/jira/cluster/ClusterManager.html
// (ClusterManager extends ClusterInfo, whose getNodeId and isClustered it lists as inherited). Signatures only.
package com.atlassian.jira.cluster;

public interface ClusterInfo {
    /** This node's id; null when Jira is not clustered. */
    String getNodeId();

    boolean isClustered();
}
