// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.loader.StepDescriptor (getActions(), getName()).
package com.opensymphony.workflow.loader;

import java.util.List;

public class StepDescriptor extends AbstractDescriptor {
    public List<ActionDescriptor> getActions() { throw new UnsupportedOperationException("stub"); }

    public String getName() { throw new UnsupportedOperationException("stub"); }
}
