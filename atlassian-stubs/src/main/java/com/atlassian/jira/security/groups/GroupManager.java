// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/security/groups/GroupManager.html
// (getGroupNamesForUser(ApplicationUser)).
package com.atlassian.jira.security.groups;

import com.atlassian.jira.user.ApplicationUser;
import java.util.Collection;

public interface GroupManager {
    Collection<String> getGroupNamesForUser(ApplicationUser user);
}
