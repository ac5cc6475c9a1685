// Checked against: https://docs.atlassian.com/jira/latest/com/atlassian/jira/workflow/WorkflowFunctionUtils.html
// (the base class of AbstractJiraCondition and AbstractJiraFunctionProvider). Its helpers are not stubbed: the
// plugin reads transientVars itself (see io.socialdesk.jira.workflow.Transitioning).
package com.atlassian.jira.workflow;

public class WorkflowFunctionUtils {
}
