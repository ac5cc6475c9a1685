// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.WorkflowContext (getCaller(), setRollbackOnly());
// Jira's WorkflowUtil.getCallerKey reads transientVars.get("context").getCaller(): the caller's user key.
package com.opensymphony.workflow;

public interface WorkflowContext {
    String getCaller();

    void setRollbackOnly();
}
