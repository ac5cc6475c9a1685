// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/issuetype/IssueType.html
// (IssueConstant getId()/getName()). Signatures only.
package com.atlassian.jira.issue.issuetype;

public interface IssueType {
    String getId();

    String getName();
}
