package io.socialdesk.jira.notification;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.watchers.WatcherManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Tells people through Jira itself. When a review is asked, the reviewers (the department rule's
 * group, else the Jira group {@code socialdesk-<role>}) become watchers of the issue and are
 * mentioned in a comment by the person who asked, so Jira's notification scheme and its mention
 * e-mails reach them. For decisions and comments the authors are made watchers and the decision
 * is written as a comment (a Social Desk comment already is one, see JiraIssueTracker).
 */
@Named
public final class JiraNotifier implements Notifier {
    private final IssueManager issues;
    private final WatcherManager watchers;
    private final GroupManager groups;
    private final UserManager users;
    private final CommentManager comments;

    @Inject
    public JiraNotifier(IssueManager issues, WatcherManager watchers, GroupManager groups, UserManager users, CommentManager comments) {
        this.issues = issues;
        this.watchers = watchers;
        this.groups = groups;
        this.users = users;
        this.comments = comments;
    }

    @Override
    public void send(Notice notice) {
        MutableIssue issue = issues.getIssueObject(notice.itemKey());
        if (issue == null) return;
        Map<String, ApplicationUser> people = new LinkedHashMap<>();
        if (notice.kind() == Notice.Kind.REVIEW_REQUESTED) {
            for (DepartmentRule rule : notice.ask()) {
                String group = rule.group().orElse(JiraCurrentUser.GROUP_PREFIX + rule.role().slug());
                for (ApplicationUser user : groups.getUsersInGroup(group)) people.putIfAbsent(user.getKey(), user);
            }
        }
        for (String key : notice.userKeys()) {
            ApplicationUser user = users.getUserByKey(key);
            if (user != null) people.putIfAbsent(key, user);
        }
        people.remove(notice.actorKey()); // the actor is never told about their own action
        people.values().removeIf(user -> !user.isActive());
        for (ApplicationUser user : people.values()) {
            if (!watchers.isWatching(user, issue)) watchers.startWatching(user, issue);
        }
        String text = comment(notice, people);
        if (text != null) comments.create(issue, users.getUserByKey(notice.actorKey()), text, true);
    }

    /** What the comment says, or null when Jira already has a comment for it (a Social Desk comment). */
    static String comment(Notice notice, Map<String, ApplicationUser> people) {
        String mentions = people.values().stream().map(u -> "[~" + u.getUsername() + "]").collect(Collectors.joining(" "));
        return switch (notice.kind()) {
            case REVIEW_REQUESTED -> people.isEmpty() ? null
                    : "Review asked of " + mentions + ". " + notice.detail();
            case APPROVED -> "Approved: " + notice.detail();
            case CHANGES_REQUESTED -> "Changes requested: " + notice.detail();
            case REJECTED -> "Rejected: " + notice.detail();
            case COMMENTED -> null;
            // The ticket itself says what to do, and its reporter is the owner; only watching is added.
            case ACCOUNT_NEEDS_RECONNECT -> null;
            // The engine writes what happened as a comment right after this notice made the author a watcher, so they get it.
            case PUBLISH_FAILED, PUBLISH_MISSED, PUBLISH_UNCONFIRMED -> null;
            // The crisis ticket says what happened; the people to alert are made watchers and mentioned once.
            case CRISIS -> people.isEmpty() ? null : "Crisis: " + mentions + ". " + notice.detail();
        };
    }
}
