// Checked against: https://docs.atlassian.com/jira/4.0/com/atlassian/jira/workflow/condition/CloseCondition.html
// (passesCondition(Map transientVars, Map args, PropertySet ps) from com.opensymphony.workflow.Condition).
package com.opensymphony.workflow;

import com.opensymphony.module.propertyset.PropertySet;
import java.util.Map;

@SuppressWarnings("rawtypes")
public interface Condition {
    boolean passesCondition(Map transientVars, Map args, PropertySet ps) throws WorkflowException;
}
