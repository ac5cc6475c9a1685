// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/MutableIssue.html
package com.atlassian.jira.issue;

public interface MutableIssue extends Issue {
}
