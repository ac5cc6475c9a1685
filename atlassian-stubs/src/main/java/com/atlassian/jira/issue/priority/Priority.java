// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/priority/Priority.html (IssueConstant getId()/getName()).
package com.atlassian.jira.issue.priority;

public interface Priority {
    String getId();

    String getName();
}
