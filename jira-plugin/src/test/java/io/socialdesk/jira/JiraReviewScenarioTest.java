package io.socialdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.watchers.WatcherManager;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.opensymphony.workflow.WorkflowContext;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.ResultDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import io.socialdesk.channel.rules.NetworkContentCheck;
import io.socialdesk.channel.rules.PostValidator;
import io.socialdesk.channel.rules.RulesTable;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.ReviewService.ActionRequest;
import io.socialdesk.core.health.HealthService;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.PostEdit;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.jira.notification.JiraNotifier;
import io.socialdesk.jira.rest.JiraPostResource;
import io.socialdesk.jira.rest.JiraReviewResource;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.jira.tracker.TransitionOrigin;
import io.socialdesk.jira.user.JiraApproverDirectory;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.jira.workflow.ApprovalsCompleteCondition;
import io.socialdesk.jira.workflow.ContentValidForNetworksValidator;
import io.socialdesk.jira.workflow.RequestApprovalsFunction;
import io.socialdesk.jira.workflow.SocialDeskOnlyCondition;
import io.socialdesk.web.Engine;
import io.socialdesk.web.rest.PostJson;
import io.socialdesk.web.rest.ReviewJson;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

/**
 * The review scenario of issue 3 through the Jira adapters: real engine and Jira adapters, Jira's
 * services mocked over the transcribed signatures, in-memory stores. alice drafts (an issue is
 * created), submits through the "Request approvals" post-function, Legal is required for a price,
 * marc approves, alice edits one character, the condition is false and the diff shows it, marc
 * and laura approve, the condition is true and Jira is asked to move the issue to "Approved".
 */
class JiraReviewScenarioTest {
    private static final long ISSUE_ID = 10042L;
    private static final ErrorCollection NONE = noErrors();

    private final MemoryStores stores = new MemoryStores();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    // Jira's services
    private final IssueService issueService = mock(IssueService.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final UserManager users = mock(UserManager.class);
    private final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private final IssueManager issueManager = mock(IssueManager.class);
    private final WorkflowManager workflowManager = mock(WorkflowManager.class);
    private final CommentManager comments = mock(CommentManager.class);
    private final WatcherManager watchers = mock(WatcherManager.class);
    private final GroupManager groups = mock(GroupManager.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final GlobalPermissionManager permissions = mock(GlobalPermissionManager.class);
    private final TimeZoneManager zones = mock(TimeZoneManager.class);

    private final ApplicationUser alice = person("alice", "socialdesk-marketing-author");
    private final ApplicationUser marc = person("marc", "socialdesk-marketing-lead");
    private final ApplicationUser laura = person("laura", "socialdesk-legal");
    private final MutableIssue issue = mock(MutableIssue.class);
    private final Status inReview = status("In review");
    private final Status approved = status("Approved");

    // The adapters under test, wired as SocialDeskEngine wires them in Jira.
    private final JiraCurrentUser currentUser = new JiraCurrentUser(authentication, groups, permissions, zones);
    private final JiraIssueTracker tracker = new JiraIssueTracker(issueService, projects, users, settingsFactory, application, issueManager,
            workflowManager, comments);
    private final JiraNotifier notifier = new JiraNotifier(issueManager, watchers, groups, users, comments);
    private final SocialDeskEngine engine = engine();
    private final JiraPostResource postResource = new JiraPostResource(engine);
    private final JiraReviewResource reviewResource = new JiraReviewResource(engine);
    private final RequestApprovalsFunction requestApprovals = new RequestApprovalsFunction(engine, users, currentUser);
    private final ContentValidForNetworksValidator contentValid = new ContentValidForNetworksValidator(engine, users, currentUser);
    private final ApprovalsCompleteCondition approvalsComplete = new ApprovalsCompleteCondition(engine, users, currentUser);
    private final List<String> conditionsWhileMirroring = new ArrayList<>();

    private SocialDeskEngine engine() {
        ReviewNotices notices = new ReviewNotices(stores.policies, stores.decisions, notifier, clock);
        PostService posts = new PostService(stores.posts, stores.media, tracker, stores.trail, stores.versions, notices, clock);
        ReviewService reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions,
                new JiraApproverDirectory(users, groups), new NetworkContentCheck(new PostValidator(RulesTable.standard(), clock)),
                stores.accounts, tracker, notices, clock);
        Engine assembled = new Engine(stores.posts, stores.accounts, stores.trail, stores.decisions, stores.policies, stores.versions,
                posts, reviews, stores.media, stores.oauthClients, stores.pending,
                new io.socialdesk.core.inbox.routing.RoutingService(new io.socialdesk.core.memory.MemoryRoutingRuleStore(), clock));
        return new SocialDeskEngine(assembled, new HealthService(null, null), List.of(), currentUser);
    }

    private ApplicationUser person(String name, String group) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getKey()).thenReturn("JIRAUSER-" + name);
        when(user.getUsername()).thenReturn(name);
        when(user.getDisplayName()).thenReturn(name);
        when(user.isActive()).thenReturn(true);
        when(users.getUserByKey("JIRAUSER-" + name)).thenReturn(user);
        when(groups.getGroupNamesForUser(user)).thenReturn(List.of(group, "jira-software-users"));
        when(groups.isUserInGroup(user, group)).thenReturn(true);
        when(groups.getUsersInGroup(group)).thenReturn(List.of(user));
        return user;
    }

    private static Status status(String name) {
        Status status = mock(Status.class);
        when(status.getName()).thenReturn(name);
        return status;
    }

    private void signIn(ApplicationUser user) {
        when(authentication.getLoggedInUser()).thenReturn(user);
    }

    @Test
    void aPriceClaimNeedsLegalAnEditVoidsApprovalsAndJiraFollowsToApproved() throws Exception {
        jiraHasTheMarketingProjectAndTheSocialDeskWorkflow();

        // alice drafts: Social Desk opens issue MKT-42 through Jira's IssueService.
        signIn(alice);
        Response created = postResource.create(new NewPost("Winter sale", "Winter sale: only 19,99 € until Sunday", "2026-12-01T09:00",
                "Europe/Paris"), uriInfo());
        PostJson draft = (PostJson) created.getEntity();
        assertThat(draft.key()).isEqualTo("MKT-42");
        long postId = draft.id();

        // alice takes "Submit for review" in Jira: the validator passes, the post-function submits as alice.
        Map<String, Object> submit = transition(alice);
        contentValid.validate(submit, Map.of(), null);
        requestApprovals.execute(submit, Map.of(), null);
        assertThat(engine.posts().get(postId).state()).isEqualTo(PostState.IN_REVIEW);
        verify(issueService, never()).validateTransition(any(), anyLong(), anyInt(), any()); // Jira is moving the issue itself

        // Legal is required because of the price; both departments' reviewers are asked through Jira.
        signIn(marc);
        ReviewJson review = reviewResource.review(Long.toString(postId));
        assertThat(review.departments()).extracting(ReviewJson.DepartmentJson::department).containsExactly("MARKETING", "LEGAL");
        assertThat(review.departments().get(1).why()).contains("19,99 €");
        verify(watchers).startWatching(marc, issue);
        verify(watchers).startWatching(laura, issue);
        verify(comments).create(eq(issue), eq(alice), contains("[~marc] [~laura]"), eq(true));

        // marc approves; Legal has not, so the condition stays false.
        PostJson afterMarc = reviewResource.act(Long.toString(postId), ActionRequest.of(io.socialdesk.core.approval.Action.APPROVE,
                review.post().version()));
        assertThat(afterMarc.state()).isEqualTo("IN_REVIEW");
        assertThat(approvalsComplete.passesCondition(transition(marc), Map.of(), null)).isFalse();

        // alice adds one character: marc's approval no longer counts and the diff shows the "!".
        signIn(alice);
        PostJson edited = postResource.edit(Long.toString(postId), new PostEdit(afterMarc.version(), "Winter sale",
                "Winter sale: only 19,99 € until Sunday!", "2026-12-01T09:00", "Europe/Paris", null, null, null, null, null, null, null, null));
        assertThat(approvalsComplete.passesCondition(transition(marc), Map.of(), null)).isFalse();
        signIn(marc);
        ReviewJson again = reviewResource.review(Long.toString(postId));
        assertThat(again.approvalsComplete()).isFalse();
        assertThat(again.sinceYourApproval().changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("text");
            assertThat(change.chars()).filteredOn(s -> s.op().equals("INSERT")).extracting(ReviewJson.SegmentJson::text).containsExactly("!");
        });

        // marc and laura approve this version: the post is Approved, the condition holds, Jira is asked to follow.
        PostJson marcAgain = reviewResource.act(Long.toString(postId), ActionRequest.of(io.socialdesk.core.approval.Action.APPROVE,
                edited.version()));
        when(issue.getStatus()).thenReturn(inReview);
        signIn(laura);
        PostJson done = reviewResource.act(Long.toString(postId), ActionRequest.of(io.socialdesk.core.approval.Action.APPROVE,
                marcAgain.version()));
        assertThat(done.state()).isEqualTo("APPROVED");
        assertThat(approvalsComplete.passesCondition(transition(laura), Map.of(), null)).isTrue();
        verify(issueService).transition(eq(laura), any());
        assertThat(conditionsWhileMirroring).as("Jira evaluates the Approve transition's conditions during the mirror")
                .containsExactly("only Social Desk: true", "approvals complete: true");
    }

    private void jiraHasTheMarketingProjectAndTheSocialDeskWorkflow() {
        PluginSettings settings = mock(PluginSettings.class);
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
        when(settings.get(JiraIssueTracker.PROJECT_SETTING)).thenReturn("MKT");
        Project marketing = mock(Project.class);
        IssueType socialPost = mock(IssueType.class);
        when(socialPost.getId()).thenReturn("10200");
        when(socialPost.getName()).thenReturn("Social post");
        when(projects.getProjectObjByKey("MKT")).thenReturn(marketing);
        when(marketing.getId()).thenReturn(10000L);
        when(marketing.getKey()).thenReturn("MKT");
        when(marketing.getIssueTypes()).thenReturn(List.of(socialPost));
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://jira.example.com");
        when(zones.getDefaultTimezone()).thenReturn(TimeZone.getTimeZone("Europe/Paris"));

        IssueInputParameters input = mock(IssueInputParameters.class, RETURNS_SELF);
        when(issueService.newIssueInputParameters()).thenReturn(input);
        IssueService.CreateValidationResult valid = new IssueService.CreateValidationResult(null, NONE, Map.of());
        when(issueService.validateCreate(any(), eq(input))).thenReturn(valid);
        when(issue.getId()).thenReturn(ISSUE_ID);
        when(issue.getKey()).thenReturn("MKT-42");
        when(issue.getIssueType()).thenReturn(socialPost);
        when(issueService.create(any(), eq(valid))).thenReturn(new IssueService.IssueResult(issue, NONE));
        when(issueManager.getIssueObject(ISSUE_ID)).thenReturn(issue);
        when(issueManager.getIssueObject("MKT-42")).thenReturn(issue);

        // "Social Desk post workflow", the part that matters here: from In review, Approve leads to Approved, Reject to Rejected.
        JiraWorkflow workflow = mock(JiraWorkflow.class);
        WorkflowDescriptor descriptor = mock(WorkflowDescriptor.class);
        StepDescriptor inReviewStep = mock(StepDescriptor.class);
        StepDescriptor approvedStep = mock(StepDescriptor.class);
        StepDescriptor rejectedStep = mock(StepDescriptor.class);
        ActionDescriptor reject = action(15, 12);
        ActionDescriptor approve = action(13, 4);
        when(workflowManager.getWorkflow(issue)).thenReturn(workflow);
        when(workflow.getDescriptor()).thenReturn(descriptor);
        when(workflow.getLinkedStep(inReview)).thenReturn(inReviewStep);
        when(inReviewStep.getActions()).thenReturn(List.of(reject, approve));
        when(descriptor.getStep(4)).thenReturn(approvedStep);
        when(descriptor.getStep(12)).thenReturn(rejectedStep);
        when(workflow.getLinkedStatusObject(approvedStep)).thenReturn(approved);
        Status rejected = status("Rejected");
        when(workflow.getLinkedStatusObject(rejectedStep)).thenReturn(rejected);
        when(issueService.validateTransition(any(), eq(ISSUE_ID), eq(13), eq(input))).thenAnswer(call -> {
            // What Jira does while validating: evaluate the transition's conditions.
            Map<String, Object> vars = transition(call.getArgument(0));
            conditionsWhileMirroring.add("only Social Desk: " + new SocialDeskOnlyCondition().passesCondition(vars, Map.of(), null));
            conditionsWhileMirroring.add("approvals complete: " + approvalsComplete.passesCondition(vars, Map.of(), null));
            assertThat(TransitionOrigin.isEngineMirroring(ISSUE_ID)).isTrue();
            return new IssueService.TransitionValidationResult(issue, NONE, Map.of(), Map.of(), 13);
        });
        when(issueService.transition(any(), any())).thenReturn(new IssueService.IssueResult(issue, NONE));
    }

    private static ActionDescriptor action(int id, int toStep) {
        ActionDescriptor action = mock(ActionDescriptor.class);
        ResultDescriptor result = mock(ResultDescriptor.class);
        when(action.getId()).thenReturn(id);
        when(action.getUnconditionalResult()).thenReturn(result);
        when(result.getStep()).thenReturn(toStep);
        return action;
    }

    /** Jira's transientVars for a transition of MKT-42 by this person. */
    private Map<String, Object> transition(ApplicationUser by) {
        String caller = by.getKey();
        WorkflowContext context = new WorkflowContext() {
            @Override public String getCaller() { return caller; }
            @Override public void setRollbackOnly() {}
        };
        Map<String, Object> vars = new HashMap<>();
        vars.put("issue", issue);
        vars.put("context", context);
        return vars;
    }

    private static UriInfo uriInfo() {
        UriInfo uri = mock(UriInfo.class);
        UriBuilder builder = mock(UriBuilder.class, RETURNS_SELF);
        when(uri.getAbsolutePathBuilder()).thenReturn(builder);
        when(builder.build()).thenReturn(URI.create("https://jira.example.com/rest/socialdesk/1.0/posts/1"));
        return uri;
    }

    private static ErrorCollection noErrors() {
        ErrorCollection errors = mock(ErrorCollection.class);
        when(errors.getErrors()).thenReturn(Map.of());
        when(errors.getErrorMessages()).thenReturn(List.of());
        return errors;
    }
}
