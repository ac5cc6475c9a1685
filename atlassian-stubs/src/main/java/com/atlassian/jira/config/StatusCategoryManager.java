// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/config/StatusCategoryManager.html
// (getStatusCategoryByKey(String)).
package com.atlassian.jira.config;

import com.atlassian.jira.issue.status.category.StatusCategory;

public interface StatusCategoryManager {
    StatusCategory getStatusCategoryByKey(String key);
}
