// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/watchers/WatcherManager.html
// (startWatching(ApplicationUser, Issue), isWatching(ApplicationUser, Issue)).
package com.atlassian.jira.issue.watchers;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

public interface WatcherManager {
    void startWatching(ApplicationUser user, Issue issue);

    boolean isWatching(ApplicationUser user, Issue issue);
}
