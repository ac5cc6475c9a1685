package io.socialdesk.jira.notification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.watchers.WatcherManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JiraNotifierTest {
    private final IssueManager issues = mock(IssueManager.class);
    private final WatcherManager watchers = mock(WatcherManager.class);
    private final GroupManager groups = mock(GroupManager.class);
    private final UserManager users = mock(UserManager.class);
    private final CommentManager comments = mock(CommentManager.class);
    private final JiraNotifier notifier = new JiraNotifier(issues, watchers, groups, users, comments);
    private final MutableIssue issue = mock(MutableIssue.class);

    @Test
    void reviewersOfARuleWithAGroupAreThatGroupsActiveMembersButNeverTheAsker() {
        ApplicationUser nadia = user("nadia", true);
        ApplicationUser gone = user("gone", false);
        ApplicationUser alice = user("alice", true);
        when(issues.getIssueObject("MKT-7")).thenReturn(issue);
        when(groups.getUsersInGroup("brand-legal")).thenReturn(List.of(nadia, gone, alice));
        DepartmentRule legal = new DepartmentRule(Department.LEGAL, Role.LEGAL, Optional.of("brand-legal"), ApproverQuorum.ANY_ONE);

        notifier.send(new Notice(Notice.Kind.REVIEW_REQUESTED, 1, "MKT-7", "https://jira/browse/MKT-7", "Sale", "alice", List.of(legal),
                Set.of(), "Legal: price \"19,99 €\"", Instant.EPOCH));

        verify(watchers).startWatching(nadia, issue);
        verify(watchers, never()).startWatching(gone, issue);
        verify(watchers, never()).startWatching(alice, issue);
        verify(groups, never()).getUsersInGroup("socialdesk-legal");
        verify(comments).create(eq(issue), eq(alice), contains("[~nadia]"), eq(true));
    }

    @Test
    void aSocialDeskCommentIsNotCommentedTwiceButItsAuthorsWatch() {
        ApplicationUser alice = user("alice", true);
        when(issues.getIssueObject("MKT-7")).thenReturn(issue);
        notifier.send(new Notice(Notice.Kind.COMMENTED, 1, "MKT-7", "u", "Sale", "marc", List.of(), Set.of("alice"), "Shorter", Instant.EPOCH));
        verify(watchers).startWatching(alice, issue);
        verify(comments, never()).create(any(), any(), anyString(), eq(true));
    }

    private ApplicationUser user(String name, boolean active) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getKey()).thenReturn(name);
        when(user.getUsername()).thenReturn(name);
        when(user.isActive()).thenReturn(active);
        when(users.getUserByKey(name)).thenReturn(user);
        return user;
    }
}
