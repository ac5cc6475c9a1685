// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/status/category/StatusCategory.html
// (keys TO_DO = "new", IN_PROGRESS = "indeterminate", COMPLETE = "done"; getKey()).
package com.atlassian.jira.issue.status.category;

public interface StatusCategory {
    String TO_DO = "new";
    String IN_PROGRESS = "indeterminate";
    String COMPLETE = "done";

    String getKey();
}
