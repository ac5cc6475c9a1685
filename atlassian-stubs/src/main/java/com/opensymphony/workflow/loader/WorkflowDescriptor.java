// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.loader.WorkflowDescriptor (getStep(int id)).
package com.opensymphony.workflow.loader;

public class WorkflowDescriptor extends AbstractDescriptor {
    public StepDescriptor getStep(int id) { throw new UnsupportedOperationException("stub"); }
}
