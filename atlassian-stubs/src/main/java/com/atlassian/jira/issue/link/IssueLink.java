// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/link/IssueLink.html (getDestinationId()).
package com.atlassian.jira.issue.link;

public interface IssueLink {
    Long getDestinationId();
}
