// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.loader.AbstractDescriptor (getId()).
package com.opensymphony.workflow.loader;

public abstract class AbstractDescriptor {
    public int getId() { throw new UnsupportedOperationException("stub"); }
}
