package com.atlassian.plugin.util;

/**
 * Stand-in for atlassian-plugins-api's plugin key stack, which AO's EntityManager asks for the
 * calling plugin. Outside Jira there is no plugin, so there is no key. Server host only.
 */
public final class PluginKeyStack {
    private PluginKeyStack() {}

    public static String getFirstPluginKey() {
        return null;
    }
}
