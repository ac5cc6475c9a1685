// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/security/GlobalPermissionManager.html
// (hasPermission(GlobalPermissionKey, ApplicationUser) since 6.4).
package com.atlassian.jira.security;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

public interface GlobalPermissionManager {
    boolean hasPermission(GlobalPermissionKey globalPermissionKey, ApplicationUser user);
}
