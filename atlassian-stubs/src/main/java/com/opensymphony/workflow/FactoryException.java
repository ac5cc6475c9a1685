// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.FactoryException (thrown by
// WorkflowUtil.convertXMLtoWorkflowDescriptor when the XML is malformed).
package com.opensymphony.workflow;

public class FactoryException extends WorkflowException {
    public FactoryException(String message) { super(message); }
}
