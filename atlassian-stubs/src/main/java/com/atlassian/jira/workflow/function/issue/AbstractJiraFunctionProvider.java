// Checked against: https://docs.atlassian.com/jira/latest/com/atlassian/jira/workflow/function/issue/AbstractJiraFunctionProvider.html
// (extends WorkflowFunctionUtils implements FunctionProvider; @PublicSpi). Signatures only.
package com.atlassian.jira.workflow.function.issue;

import com.atlassian.jira.workflow.WorkflowFunctionUtils;
import com.opensymphony.workflow.FunctionProvider;

public abstract class AbstractJiraFunctionProvider extends WorkflowFunctionUtils implements FunctionProvider {
}
