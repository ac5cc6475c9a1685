// Checked against: reference/atlassian-platform.md §2 (issue.comments.CommentManager:
// Comment create(Issue, ApplicationUser author, String body, boolean dispatchEvent)).
package com.atlassian.jira.issue.comments;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

public interface CommentManager {
    Comment create(Issue issue, ApplicationUser author, String body, boolean dispatchEvent);

    /** reference/atlassian-platform.md §2: List<Comment> getComments(Issue) [unverified there; in the Jira 8 javadoc]. */
    java.util.List<Comment> getComments(Issue issue);

    /** Not in reference/: https://docs.atlassian.com/software/jira/docs/api/9.12.0/com/atlassian/jira/issue/comments/CommentManager.html#getMutableComment-java.lang.Long- */
    MutableComment getMutableComment(Long commentId);

    /** Not in reference/: the same page, update(Comment, boolean dispatchEvent): persists a changed body. */
    void update(Comment comment, boolean dispatchEvent);
}
