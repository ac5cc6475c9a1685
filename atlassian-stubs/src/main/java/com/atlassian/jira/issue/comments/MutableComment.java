// Checked against: https://docs.atlassian.com/software/jira/docs/api/9.12.0/com/atlassian/jira/issue/comments/MutableComment.html (setBody(String)); not in reference/.
package com.atlassian.jira.issue.comments;

public interface MutableComment extends Comment {
    void setBody(String body);
}
