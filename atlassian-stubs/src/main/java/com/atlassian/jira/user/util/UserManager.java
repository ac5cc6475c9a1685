// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/user/util/UserManager.html
package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

public interface UserManager {
    ApplicationUser getUserByKey(String userKey);

    ApplicationUser getUserByName(String userName);
}
