// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/workflow/WorkflowPluginFactory.html
// (getVelocityParams(String resourceName, AbstractDescriptor), getDescriptorParams(Map<String,Object>)).
package com.atlassian.jira.plugin.workflow;

import com.opensymphony.workflow.loader.AbstractDescriptor;
import java.util.Map;

public interface WorkflowPluginFactory {
    Map<String, ?> getVelocityParams(String resourceName, AbstractDescriptor descriptor);

    Map<String, ?> getDescriptorParams(Map<String, Object> formParams);
}
