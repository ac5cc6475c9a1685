// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/fields/config/manager/IssueTypeSchemeManager.html
// (getConfigScheme(Project), getIssueTypesForProject(Project), update(FieldConfigScheme, Collection<String> optionIds)).
package com.atlassian.jira.issue.fields.config.manager;

import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;
import java.util.Collection;

public interface IssueTypeSchemeManager {
    FieldConfigScheme getConfigScheme(Project project);

    Collection<IssueType> getIssueTypesForProject(Project project);

    FieldConfigScheme update(FieldConfigScheme configScheme, Collection<String> optionIds);
}
