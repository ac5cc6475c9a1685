// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/workflow/WorkflowPluginFunctionFactory.html
// (a marker sub-interface of WorkflowPluginFactory; the workflow-function module's class implements it).
package com.atlassian.jira.plugin.workflow;

public interface WorkflowPluginFunctionFactory extends WorkflowPluginFactory {
}
