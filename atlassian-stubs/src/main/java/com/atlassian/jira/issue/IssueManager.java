// Checked against: reference/atlassian-platform.md §2 (issue.IssueManager: MutableIssue getIssueObject(Long), getIssueObject(String key)).
package com.atlassian.jira.issue;

public interface IssueManager {
    MutableIssue getIssueObject(Long id);

    MutableIssue getIssueObject(String key);

    /** reference/atlassian-platform.md (issue.IssueManager): Issue updateIssue(ApplicationUser, MutableIssue, EventDispatchOption, boolean sendMail). */
    Issue updateIssue(com.atlassian.jira.user.ApplicationUser user, MutableIssue issue, com.atlassian.jira.event.type.EventDispatchOption eventDispatchOption,
            boolean sendMail);
}
