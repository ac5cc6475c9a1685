// Checked against: https://docs.atlassian.com/jira/4.0/com/atlassian/jira/workflow/condition/CloseCondition.html
// (extends WorkflowFunctionUtils, implements com.opensymphony.workflow.Condition) and the class's source
// (ORIGINAL_ISSUE_KEY: the unmodified issue in transientVars). Signatures only.
package com.atlassian.jira.workflow.condition;

import com.atlassian.jira.workflow.WorkflowFunctionUtils;
import com.opensymphony.workflow.Condition;

public abstract class AbstractJiraCondition extends WorkflowFunctionUtils implements Condition {
    public static final String ORIGINAL_ISSUE_KEY = "originalissueobject";
}
