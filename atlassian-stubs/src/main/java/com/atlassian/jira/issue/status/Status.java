// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/status/Status.html
// (IssueConstant getId()/getName(); getStatusCategory()).
package com.atlassian.jira.issue.status;

import com.atlassian.jira.issue.status.category.StatusCategory;

public interface Status {
    String getId();

    String getName();

    StatusCategory getStatusCategory();
}
