// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/workflow/WorkflowPluginValidatorFactory.html
// (a marker sub-interface of WorkflowPluginFactory; the workflow-validator module's class implements it).
package com.atlassian.jira.plugin.workflow;

public interface WorkflowPluginValidatorFactory extends WorkflowPluginFactory {
}
