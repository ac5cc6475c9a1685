// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/security/JiraAuthenticationContext.html
package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;
import java.util.Locale;

public interface JiraAuthenticationContext {
    ApplicationUser getLoggedInUser();

    boolean isLoggedInUser();

    Locale getLocale();
}
