// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/config/IssueTypeManager.html
// (createIssueType(String, String, Long avatarId) since 6.3; getIssueTypes()). Not found in the stored docs
// corpus: transcribed from memory of the Jira 7+ javadoc; see the report.
package com.atlassian.jira.config;

import com.atlassian.jira.issue.issuetype.IssueType;
import java.util.Collection;

public interface IssueTypeManager {
    Collection<IssueType> getIssueTypes();

    IssueType createIssueType(String name, String description, Long avatarId);
}
