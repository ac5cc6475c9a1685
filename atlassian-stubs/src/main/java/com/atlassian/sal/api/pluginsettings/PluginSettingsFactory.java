// Checked against: https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/pluginsettings/PluginSettingsFactory.html
package com.atlassian.sal.api.pluginsettings;

public interface PluginSettingsFactory {
    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
