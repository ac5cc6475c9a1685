// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/user/ApplicationUser.html
package com.atlassian.jira.user;

public interface ApplicationUser {
    String getKey();

    String getUsername();

    String getName();

    String getDisplayName();

    boolean isActive();
}
