// Checked against: StatusManager source (@PublicApi, since 5.0): createStatus(String name, String description,
// String iconUrl, StatusCategory statusCategory), getStatuses().
package com.atlassian.jira.config;

import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import java.util.Collection;

public interface StatusManager {
    Status createStatus(String name, String description, String iconUrl, StatusCategory statusCategory);

    Collection<Status> getStatuses();
}
