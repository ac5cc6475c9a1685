// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/config/ConstantsManager.html
// (Collection<Priority> getPriorities()). Signatures of what the plugin uses only.
package com.atlassian.jira.config;

import com.atlassian.jira.issue.priority.Priority;
import java.util.Collection;

public interface ConstantsManager {
    Collection<Priority> getPriorities();
}
