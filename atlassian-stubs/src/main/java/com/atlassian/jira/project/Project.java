// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/project/Project.html
package com.atlassian.jira.project;

import com.atlassian.jira.issue.issuetype.IssueType;
import java.util.Collection;

public interface Project {
    Long getId();

    String getKey();

    String getName();

    Collection<IssueType> getIssueTypes();

    Collection<com.atlassian.jira.bc.project.component.ProjectComponent> getComponents();
}
