// Checked against: reference/atlassian-platform.md §2 (issue.comments.CommentManager:
// Comment create(Issue, ApplicationUser author, String body, boolean dispatchEvent)).
package com.atlassian.jira.issue.comments;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

public interface CommentManager {
    Comment create(Issue issue, ApplicationUser author, String body, boolean dispatchEvent);

    /** reference/atlassian-platform.md §2: List<Comment> getComments(Issue) [unverified there; in the Jira 8 javadoc]. */
    java.util.List<Comment> getComments(Issue issue);
}
