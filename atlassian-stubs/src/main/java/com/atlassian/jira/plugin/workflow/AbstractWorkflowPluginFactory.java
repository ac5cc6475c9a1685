// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/workflow/AbstractWorkflowPluginFactory.html
// and its source (getVelocityParams dispatches on the resource names "view", "input-parameters", "edit-parameters"
// to the three abstract methods below). Signatures only.
package com.atlassian.jira.plugin.workflow;

import com.opensymphony.workflow.loader.AbstractDescriptor;
import java.util.Map;

public abstract class AbstractWorkflowPluginFactory implements WorkflowPluginFactory {
    @Override
    public Map<String, Object> getVelocityParams(String resourceName, AbstractDescriptor descriptor) {
        throw new UnsupportedOperationException("stub");
    }

    protected abstract void getVelocityParamsForInput(Map<String, Object> velocityParams);

    protected abstract void getVelocityParamsForEdit(Map<String, Object> velocityParams, AbstractDescriptor descriptor);

    protected abstract void getVelocityParamsForView(Map<String, Object> velocityParams, AbstractDescriptor descriptor);
}
