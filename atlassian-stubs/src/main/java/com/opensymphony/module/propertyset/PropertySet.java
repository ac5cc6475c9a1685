// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/workflow/condition/AbstractJiraCondition.html
// (the PropertySet parameter of Condition.passesCondition; OSWorkflow's opensymphony propertyset). Only the type is needed.
package com.opensymphony.module.propertyset;

public interface PropertySet {
}
