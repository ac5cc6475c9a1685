// Checked against: the AbstractJiraFunctionProvider source comment ("public void execute(Map transientVars, Map args,
// PropertySet ps) throws WorkflowException") and reference/atlassian-platform.md §2.
package com.opensymphony.workflow;

import com.opensymphony.module.propertyset.PropertySet;
import java.util.Map;

@SuppressWarnings("rawtypes")
public interface FunctionProvider {
    void execute(Map transientVars, Map args, PropertySet ps) throws WorkflowException;
}
