// Checked against: https://docs.atlassian.com/jira/7.0.8/com/atlassian/jira/issue/IssueInputParameters.html
// (fluent setters; unchanged in Jira 10 per reference §2). Signatures only.
package com.atlassian.jira.issue;

public interface IssueInputParameters {
    IssueInputParameters setProjectId(Long projectId);

    IssueInputParameters setIssueTypeId(String issueTypeId);

    IssueInputParameters setSummary(String summary);

    IssueInputParameters setReporterId(String reporterId);

    IssueInputParameters setDescription(String description);

    IssueInputParameters setAssigneeId(String assigneeId);

    IssueInputParameters setPriorityId(String priorityId);

    IssueInputParameters setComponentIds(Long... componentIds);

    Long getProjectId();

    String getIssueTypeId();

    String getSummary();

    String getReporterId();
}
