// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/workflow/WorkflowManager.html
// (getWorkflow(Issue), getWorkflow(String name), createWorkflow(ApplicationUser, JiraWorkflow) throws WorkflowException).
package com.atlassian.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;
import com.opensymphony.workflow.WorkflowException;

public interface WorkflowManager {
    JiraWorkflow getWorkflow(Issue issue);

    JiraWorkflow getWorkflow(String name);

    void createWorkflow(ApplicationUser creator, JiraWorkflow workflow) throws WorkflowException;
}
