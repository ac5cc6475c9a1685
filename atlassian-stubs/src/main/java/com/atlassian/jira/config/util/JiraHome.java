// Checked against: https://docs.atlassian.com/jira/7.0.8/com/atlassian/jira/config/util/JiraHome.html
// and https://docs.atlassian.com/jira/server/com/atlassian/jira/startup/JiraHomeLocator.SystemJiraHome.html
// (getLocalHome: "In a clustered or HA deployment this will be different from jira.home"; jira.home,
// getHome(), is then the shared home). There is no getSharedHome() on JiraHome (that is Confluence's
// BootstrapManager); getDataDirectory() is the "data" directory in jira.home.
package com.atlassian.jira.config.util;

import java.io.File;

public interface JiraHome {
    String DATA = "data";

    File getHome();

    File getLocalHome();

    File getDataDirectory();
}
