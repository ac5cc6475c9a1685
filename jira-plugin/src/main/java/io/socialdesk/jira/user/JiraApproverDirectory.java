package io.socialdesk.jira.user;

import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.socialdesk.core.approval.ApproverDirectory;
import javax.inject.Inject;
import javax.inject.Named;

/** Group membership for policies that name a group: Jira's own groups, as Jira admins manage them. */
@Named
public final class JiraApproverDirectory implements ApproverDirectory {
    private final UserManager users;
    private final GroupManager groups;

    @Inject
    public JiraApproverDirectory(UserManager users, GroupManager groups) {
        this.users = users;
        this.groups = groups;
    }

    @Override
    public boolean isMember(String userKey, String group) {
        ApplicationUser user = users.getUserByKey(userKey);
        return user != null && groups.isUserInGroup(user, group);
    }
}
