// Checked against: reference/atlassian-platform.md §2 "Workflow extension points" (validate(Map, Map, PropertySet)
// throws InvalidInputException, WorkflowException), https://docs.atlassian.com/software/jira/docs/api/8.5.4/com/atlassian/jira/workflow/validator/package-summary.html
package com.opensymphony.workflow;

import com.opensymphony.module.propertyset.PropertySet;
import java.util.Map;

@SuppressWarnings("rawtypes")
public interface Validator {
    void validate(Map transientVars, Map args, PropertySet ps) throws InvalidInputException, WorkflowException;
}
