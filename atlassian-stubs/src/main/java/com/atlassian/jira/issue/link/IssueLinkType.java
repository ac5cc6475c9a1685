// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/link/IssueLinkType.html (getId(), getName()).
package com.atlassian.jira.issue.link;

public interface IssueLinkType {
    Long getId();

    String getName();
}
