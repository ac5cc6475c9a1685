// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/workflow/JiraWorkflow.html
// and reference/atlassian-platform.md §2 (getLinkedStep(Status) -> StepDescriptor, getDescriptor()).
// getLinkedStatusObject(StepDescriptor) and getStepsForStatus are from the same page; see docs/architecture.md.
package com.atlassian.jira.workflow;

import com.atlassian.jira.issue.status.Status;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import java.util.Collection;

public interface JiraWorkflow {
    String getName();

    WorkflowDescriptor getDescriptor();

    Collection<ActionDescriptor> getAllActions();

    StepDescriptor getLinkedStep(Status status);

    Status getLinkedStatusObject(StepDescriptor stepDescriptor);
}
