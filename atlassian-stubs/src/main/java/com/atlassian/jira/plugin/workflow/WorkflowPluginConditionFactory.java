// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/workflow/WorkflowPluginConditionFactory.html
// (a marker sub-interface of WorkflowPluginFactory; the workflow-condition module's class implements it).
package com.atlassian.jira.plugin.workflow;

public interface WorkflowPluginConditionFactory extends WorkflowPluginFactory {
}
