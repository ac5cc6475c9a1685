// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.loader.ResultDescriptor (getStep(): the step id
// a result leads to; getStatus()). Signatures only.
package com.opensymphony.workflow.loader;

public class ResultDescriptor extends AbstractDescriptor {
    public int getStep() { throw new UnsupportedOperationException("stub"); }
}
