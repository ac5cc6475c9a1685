// Checked against: reference/atlassian-platform.md §2 (issue.IssueManager: MutableIssue getIssueObject(Long), getIssueObject(String key)).
package com.atlassian.jira.issue;

public interface IssueManager {
    MutableIssue getIssueObject(Long id);

    MutableIssue getIssueObject(String key);
}
