// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/comments/Comment.html (getId(), getBody()).
package com.atlassian.jira.issue.comments;

public interface Comment {
    Long getId();

    String getBody();
}
