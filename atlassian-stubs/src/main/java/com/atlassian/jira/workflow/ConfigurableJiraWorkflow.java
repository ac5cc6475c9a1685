// Checked against: ConfigurableJiraWorkflow's constructor (String name, WorkflowDescriptor, WorkflowManager), as
// used to create a workflow from XML (WorkflowUtil.convertXMLtoWorkflowDescriptor + WorkflowManager.createWorkflow).
// Only the constructor and the name are given bodies (the obvious ones); everything else throws.
package com.atlassian.jira.workflow;

import com.atlassian.jira.issue.status.Status;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import java.util.Collection;

public class ConfigurableJiraWorkflow implements JiraWorkflow {
    private final String name;
    private final WorkflowDescriptor descriptor;

    public ConfigurableJiraWorkflow(String name, WorkflowDescriptor workflowDescriptor, WorkflowManager workflowManager) {
        this.name = name;
        this.descriptor = workflowDescriptor;
    }

    @Override public String getName() { return name; }
    @Override public WorkflowDescriptor getDescriptor() { return descriptor; }
    @Override public Collection<ActionDescriptor> getAllActions() { throw new UnsupportedOperationException("stub"); }
    @Override public StepDescriptor getLinkedStep(Status status) { throw new UnsupportedOperationException("stub"); }
    @Override public Status getLinkedStatusObject(StepDescriptor stepDescriptor) { throw new UnsupportedOperationException("stub"); }
}
