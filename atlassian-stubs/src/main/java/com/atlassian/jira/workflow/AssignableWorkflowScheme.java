// Checked against: AssignableWorkflowScheme source (@since 5.2: builder(), getName(), getDescription()) and
// WorkflowScheme.Builder (setMapping(String issueTypeId, String workflowName), setDefaultWorkflow(String)).
package com.atlassian.jira.workflow;

public interface AssignableWorkflowScheme extends WorkflowScheme {
    Builder builder();

    String getName();

    String getDescription();

    interface Builder {
        Builder setName(String name);

        Builder setDescription(String description);

        Builder setDefaultWorkflow(String workflowName);

        Builder setMapping(String issueTypeId, String workflowName);

        AssignableWorkflowScheme build();
    }
}
