// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/webfragment/conditions/AbstractJiraCondition.html
// (implements com.atlassian.plugin.web.Condition: init(Map params) throws PluginParseException, shouldDisplay(Map context)).
package com.atlassian.plugin.web;

import com.atlassian.plugin.PluginParseException;
import java.util.Map;

public interface Condition {
    void init(Map<String, String> params) throws PluginParseException;

    boolean shouldDisplay(Map<String, Object> context);
}
