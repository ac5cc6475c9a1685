// Checked against: https://docs.atlassian.com/atlassian-plugins/ com.atlassian.plugin.PluginParseException (a RuntimeException).
package com.atlassian.plugin;

public class PluginParseException extends RuntimeException {
    public PluginParseException(String message) { super(message); }
}
