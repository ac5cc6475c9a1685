// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/workflow/WorkflowScheme.html
// (getId(), getMappings(): issue type id -> workflow name, the null key being the default; getActualWorkflow(String)).
package com.atlassian.jira.workflow;

import java.util.Map;

public interface WorkflowScheme {
    Long getId();

    Map<String, String> getMappings();

    String getActualWorkflow(String issueTypeId);
}
