// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/comments/Comment.html (getId(), getBody(),
// getAuthorApplicationUser()).
package com.atlassian.jira.issue.comments;

import com.atlassian.jira.user.ApplicationUser;

public interface Comment {
    Long getId();

    String getBody();

    ApplicationUser getAuthorApplicationUser();
}
