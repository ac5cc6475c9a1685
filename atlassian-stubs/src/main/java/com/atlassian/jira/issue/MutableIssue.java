// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/MutableIssue.html
package com.atlassian.jira.issue;

public interface MutableIssue extends Issue {
    // Not in reference/: https://docs.atlassian.com/software/jira/docs/api/9.12.0/com/atlassian/jira/issue/MutableIssue.html
    void setSummary(String summary);

    void setDescription(String description);
}
