// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/Issue.html (getId, getKey).
package com.atlassian.jira.issue;

public interface Issue {
    Long getId();

    String getKey();
}
