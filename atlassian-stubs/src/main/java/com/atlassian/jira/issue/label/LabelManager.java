// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/label/LabelManager.html
// (Set<Label> setLabels(ApplicationUser remoteUser, Long issueId, Set<String> labels, boolean sendNotification,
// boolean causeChangeNotification)). Signatures of what the plugin uses only.
package com.atlassian.jira.issue.label;

import com.atlassian.jira.user.ApplicationUser;
import java.util.Set;

public interface LabelManager {
    Set<Label> setLabels(ApplicationUser remoteUser, Long issueId, Set<String> labels, boolean sendNotification, boolean causeChangeNotification);
}
