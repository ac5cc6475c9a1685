// Checked against: https://docs.atlassian.com/jira/latest/com/atlassian/jira/cluster/ClusterManager.html
// Signatures only; the plugin needs only what ClusterInfo declares.
package com.atlassian.jira.cluster;

public interface ClusterManager extends ClusterInfo {
}
