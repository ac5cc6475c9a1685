// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.loader.ActionDescriptor (getName(),
// getUnconditionalResult()) and CONDEC's use through JiraWorkflow.getLinkedStep(status).getActions() (reference §2).
package com.opensymphony.workflow.loader;

public class ActionDescriptor extends AbstractDescriptor {
    public String getName() { throw new UnsupportedOperationException("stub"); }

    public ResultDescriptor getUnconditionalResult() { throw new UnsupportedOperationException("stub"); }
}
