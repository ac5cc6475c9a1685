package io.socialdesk.jira.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.ResultDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.TrackedItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The issue follows the post when its workflow has a way there, and stays put (never fails) when it has none. */
class JiraIssueTrackerMirrorTest {
    private final IssueService issueService = mock(IssueService.class);
    private final UserManager users = mock(UserManager.class);
    private final IssueManager issues = mock(IssueManager.class);
    private final WorkflowManager workflows = mock(WorkflowManager.class);
    private final CommentManager comments = mock(CommentManager.class);
    private final JiraIssueTracker tracker = new JiraIssueTracker(issueService, mock(ProjectManager.class), users,
            mock(PluginSettingsFactory.class), mock(ApplicationProperties.class), issues, workflows, comments);
    private final TrackedItem item = new TrackedItem(7L, "MKT-7", "https://jira.example.com/browse/MKT-7");
    private final MutableIssue issue = mock(MutableIssue.class);
    private final ApplicationUser marc = mock(ApplicationUser.class);

    @Test
    void aWorkflowWithoutAWayToTheStateLeavesTheIssueWhereItIs() {
        Status inProgress = status("In Progress");
        when(issues.getIssueObject(7L)).thenReturn(issue);
        when(issue.getId()).thenReturn(7L);
        when(issue.getStatus()).thenReturn(inProgress);
        when(users.getUserByKey("marc")).thenReturn(marc);
        JiraWorkflow workflow = mock(JiraWorkflow.class);
        WorkflowDescriptor descriptor = mock(WorkflowDescriptor.class);
        StepDescriptor step = mock(StepDescriptor.class);
        StepDescriptor done = mock(StepDescriptor.class);
        ActionDescriptor close = mock(ActionDescriptor.class);
        ResultDescriptor toDone = mock(ResultDescriptor.class);
        Status doneStatus = status("Done");
        when(workflows.getWorkflow(issue)).thenReturn(workflow);
        when(workflow.getName()).thenReturn("Software Simplified Workflow");
        when(workflow.getDescriptor()).thenReturn(descriptor);
        when(workflow.getLinkedStep(inProgress)).thenReturn(step);
        when(step.getActions()).thenReturn(List.of(close));
        when(close.getUnconditionalResult()).thenReturn(toDone);
        when(toDone.getStep()).thenReturn(3);
        when(descriptor.getStep(3)).thenReturn(done);
        when(workflow.getLinkedStatusObject(done)).thenReturn(doneStatus);

        tracker.moved(item, PostState.IN_REVIEW, PostState.APPROVED, "marc");

        verify(issueService, never()).validateTransition(any(), anyLong(), anyInt(), any());
        verify(issueService, never()).transition(any(), any());
    }

    @Test
    void aMoveCausedByJirasOwnTransitionIsNotEchoedBack() {
        TransitionOrigin.jiraTransitioning(7L, () -> {
            tracker.moved(item, PostState.DRAFT, PostState.IN_REVIEW, "alice");
            return null;
        });
        verifyNoInteractions(issues, workflows, issueService);
    }

    @Test
    void aJiraThatFailsNeverFailsTheEngine() {
        when(issues.getIssueObject(7L)).thenThrow(new IllegalStateException("database down"));
        tracker.moved(item, PostState.DRAFT, PostState.IN_REVIEW, "alice");
        tracker.commented(item, "alice", "Looks good");
        verifyNoInteractions(comments);
    }

    @Test
    void aSocialDeskCommentBecomesAJiraCommentByItsAuthor() {
        when(issues.getIssueObject(7L)).thenReturn(issue);
        when(users.getUserByKey("marc")).thenReturn(marc);
        tracker.commented(item, "marc", "[Mastodon] Shorter, please");
        verify(comments).create(issue, marc, "[Mastodon] Shorter, please", true);
        assertThat(TransitionOrigin.isJiraTransitioning(7L)).isFalse();
    }

    private static Status status(String name) {
        Status status = mock(Status.class);
        when(status.getName()).thenReturn(name);
        return status;
    }
}
