// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/webfragment/conditions/UserIsAdminCondition.html
// (a web condition Jira ships; referenced by class name from atlassian-plugin.xml only).
package com.atlassian.jira.plugin.webfragment.conditions;

import com.atlassian.plugin.web.Condition;
import java.util.Map;

public class UserIsAdminCondition implements Condition {
    @Override public void init(Map<String, String> params) { throw new UnsupportedOperationException("stub"); }
    @Override public boolean shouldDisplay(Map<String, Object> context) { throw new UnsupportedOperationException("stub"); }
}
