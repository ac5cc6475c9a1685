// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.WorkflowException (as shipped in Jira's
// atlassian fork). Signatures only.
package com.opensymphony.workflow;

public class WorkflowException extends Exception {
    public WorkflowException() {}

    public WorkflowException(String message) { super(message); }

    public WorkflowException(String message, Throwable cause) { super(message, cause); }
}
