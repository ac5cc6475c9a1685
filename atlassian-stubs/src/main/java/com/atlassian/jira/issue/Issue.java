// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/Issue.html (getId, getKey,
// getSummary, getReporter(), getStatus() (Status object since Jira 7), getIssueType(), getProjectObject(),
// getResolutionDate(), getUpdated(), getDescription()).
package com.atlassian.jira.issue;

import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;

public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    /** The description as stored (wiki markup in Jira Server and Data Center); null when empty. */
    String getDescription();

    com.atlassian.jira.user.ApplicationUser getReporter();

    Status getStatus();

    IssueType getIssueType();

    Project getProjectObject();

    /** When the issue was resolved; null while it has no resolution. */
    java.sql.Timestamp getResolutionDate();

    java.sql.Timestamp getUpdated();
}
