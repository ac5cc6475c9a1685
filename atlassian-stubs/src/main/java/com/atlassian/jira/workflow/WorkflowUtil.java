// Checked against: WorkflowUtil source ("public static WorkflowDescriptor convertXMLtoWorkflowDescriptor(final String
// workflowDescriptorXML) throws FactoryException"). Signature only.
package com.atlassian.jira.workflow;

import com.opensymphony.workflow.FactoryException;
import com.opensymphony.workflow.loader.WorkflowDescriptor;

public class WorkflowUtil {
    public static WorkflowDescriptor convertXMLtoWorkflowDescriptor(String workflowDescriptorXML) throws FactoryException {
        throw new UnsupportedOperationException("stub");
    }
}
