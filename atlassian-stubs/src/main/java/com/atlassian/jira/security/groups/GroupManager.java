// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/security/groups/GroupManager.html
// (getGroupNamesForUser(ApplicationUser), isUserInGroup(ApplicationUser, String), getUsersInGroup(String)).
package com.atlassian.jira.security.groups;

import com.atlassian.jira.user.ApplicationUser;
import java.util.Collection;

public interface GroupManager {
    Collection<String> getGroupNamesForUser(ApplicationUser user);

    boolean isUserInGroup(ApplicationUser user, String groupname);

    Collection<ApplicationUser> getUsersInGroup(String groupName);
}
