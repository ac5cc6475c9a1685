package io.socialdesk.jira.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.config.ConstantsManager;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.Comment;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.LabelManager;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.query.Query;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import io.socialdesk.store.inbox.AoTicketKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The inbox's tickets as Jira issues, against Jira's interfaces (mocked): routed, found again after a crash, commented once. */
class JiraTicketsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final IssueService issueService = mock(IssueService.class);
    private final IssueManager issueManager = mock(IssueManager.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final UserManager users = mock(UserManager.class);
    private final ConstantsManager constants = mock(ConstantsManager.class);
    private final LabelManager labels = mock(LabelManager.class);
    private final CommentManager comments = mock(CommentManager.class);
    private final IssueLinkManager links = mock(IssueLinkManager.class);
    private final IssueLinkTypeManager linkTypes = mock(IssueLinkTypeManager.class);
    private final SearchService search = mock(SearchService.class);
    private final WorkflowManager workflows = mock(WorkflowManager.class);
    private final ClusterLockService locks = mock(ClusterLockService.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private final AoTicketKeys keys = mock(AoTicketKeys.class);
    private final Map<String, AoTicketKeys.Recorded> recorded = new HashMap<>();
    private final IssueInputParameters input = mock(IssueInputParameters.class, RETURNS_SELF);
    private final Project support = mock(Project.class);
    private final ApplicationUser marc = mock(ApplicationUser.class);
    private final MutableIssue created = mock(MutableIssue.class);
    private final User reporter = new User("JIRAUSER10200", "Marc", Set.of(), ZoneOffset.UTC);

    private final JiraTickets tickets = new JiraTickets(issueService, issueManager, projects, users, constants, labels, comments, links, linkTypes,
            search, workflows, locks, application, keys, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void jira() throws Exception {
        ClusterLock lock = mock(ClusterLock.class);
        when(lock.tryLock(anyLong(), any())).thenReturn(true);
        when(locks.getLockForName(anyString())).thenReturn(lock);
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://jira.example.com");
        when(issueService.newIssueInputParameters()).thenReturn(input);
        when(projects.getProjectObjByKey("SUPPORT")).thenReturn(support);
        when(support.getId()).thenReturn(10100L);
        when(support.getKey()).thenReturn("SUPPORT");
        IssueType task = type("3", "Task");
        IssueType mention = type("10300", "Social mention");
        when(support.getIssueTypes()).thenReturn(List.of(task, mention));
        ProjectComponent app = mock(ProjectComponent.class);
        when(app.getId()).thenReturn(7L);
        when(app.getName()).thenReturn("App");
        when(support.getComponents()).thenReturn(List.of(app));
        Priority high = mock(Priority.class);
        when(high.getId()).thenReturn("2");
        when(high.getName()).thenReturn("High");
        when(constants.getPriorities()).thenReturn(List.of(high));
        when(users.getUserByKey("JIRAUSER10200")).thenReturn(marc);
        when(marc.getUsername()).thenReturn("marc");
        ApplicationUser sam = mock(ApplicationUser.class);
        when(sam.getUsername()).thenReturn("sam");
        when(users.getUserByName("sam")).thenReturn(sam);
        ErrorCollection none = mock(ErrorCollection.class);
        when(none.getErrors()).thenReturn(Map.of());
        when(none.getErrorMessages()).thenReturn(List.of());
        IssueService.CreateValidationResult valid = new IssueService.CreateValidationResult(null, none, Map.of());
        when(issueService.validateCreate(marc, input)).thenReturn(valid);
        when(created.getId()).thenReturn(10042L);
        when(created.getKey()).thenReturn("SUPPORT-42");
        when(created.getReporter()).thenReturn(marc);
        when(issueService.create(marc, valid)).thenReturn(new IssueService.IssueResult(created, none));
        when(issueManager.getIssueObject(10042L)).thenReturn(created);
        when(keys.find(anyString())).thenAnswer(call -> Optional.ofNullable(recorded.get((String) call.getArgument(0))));
        doAnswer(call -> {
            recorded.put(call.getArgument(0), new AoTicketKeys.Recorded(true, call.getArgument(1)));
            return null;
        }).when(keys).record(anyString(), any(), any());
        doAnswer(call -> {
            recorded.put(call.getArgument(0), new AoTicketKeys.Recorded(true, call.getArgument(1)));
            return null;
        }).when(keys).ticketOf(anyString(), any());
    }

    @Test
    void opensAnIssueInTheRoutedProjectWithTheRoutesFieldsOnceForItsKey() {
        Ticket ticket = new Ticket("conv#1", new Route("SUPPORT", null, "Get help", "App", "High", List.of("refund", "social media"), "sam"),
                "Mention on Bluesky from @pat: refund?", "The conversation as on the network", reporter);

        TrackedItem first = tickets.open(ticket);
        TrackedItem again = tickets.open(ticket);

        assertThat(first).isEqualTo(new TrackedItem(10042L, "SUPPORT-42", "https://jira.example.com/browse/SUPPORT-42"));
        assertThat(again).isEqualTo(first);
        assertThat(tickets.find("conv#1")).contains(first);
        verify(issueService, times(1)).create(any(), any());
        verify(input).setProjectId(10100L);
        verify(input).setIssueTypeId("10300");
        verify(input).setDescription("The conversation as on the network");
        verify(input).setPriorityId("2");
        verify(input).setComponentIds(7L);
        verify(input).setAssigneeId("sam");
        verify(input).setReporterId("marc");
        ArgumentCaptor<Set<String>> labelled = ArgumentCaptor.forClass(Set.class);
        verify(labels).setLabels(eq(marc), eq(10042L), labelled.capture(), anyBoolean(), anyBoolean());
        assertThat(labelled.getValue()).containsExactly("refund", "social-media", JiraTickets.INBOX_LABEL, JiraTickets.keyLabel("conv#1"));
    }

    @Test
    void aKeyReservedByANodeThatDiedIsLookedForByItsLabelBeforeAnyNewIssue() throws Exception {
        recorded.put("conv#1", new AoTicketKeys.Recorded(true, null));
        Query query = mock(Query.class);
        when(search.parseQuery(marc, "labels = \"" + JiraTickets.keyLabel("conv#1") + "\"")).thenReturn(new SearchService.ParseResult(query, null));
        Issue found = mock(Issue.class);
        when(found.getId()).thenReturn(10041L);
        when(found.getKey()).thenReturn("SUPPORT-41");
        when(search.search(eq(marc), eq(query), any())).thenReturn(new SearchResults<>(List.of(found), 1, 1, 0));

        TrackedItem ticket = tickets.open(new Ticket("conv#1", Route.to("SUPPORT"), "s", "d", reporter));

        assertThat(ticket.key()).isEqualTo("SUPPORT-41");
        assertThat(recorded.get("conv#1").ticket()).isEqualTo(ticket);
        verify(issueService, never()).create(any(), any());
    }

    @Test
    void aRouteToAProjectJiraDoesNotHaveIsRefusedNamingTheField() {
        assertThatThrownBy(() -> tickets.open(new Ticket("conv#9", Route.to("LEGAL"), "s", "d", reporter)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("route.project");
                    assertThat(e.first().rule()).isEqualTo("unknown-project");
                });
    }

    @Test
    void forgettingAPersonReplacesTheirWordsInTheIssueAndOnlyInTheCommentsThatHoldThem() {
        com.atlassian.jira.issue.comments.MutableComment theirs = mock(com.atlassian.jira.issue.comments.MutableComment.class);
        when(theirs.getId()).thenReturn(1L);
        when(theirs.getBody()).thenReturn("Pat (@pat)\n\ncall me on 0612345678\n\nMention on Bluesky");
        Comment other = mock(Comment.class);
        when(other.getId()).thenReturn(2L);
        when(other.getBody()).thenReturn("Kim: where is my parcel");
        when(comments.getComments(created)).thenReturn(List.of(theirs, other));
        when(comments.getMutableComment(1L)).thenReturn(theirs);

        tickets.redact(new io.socialdesk.core.tracker.TrackedItem(10042L, "SUPPORT-42", "https://jira.example.com/browse/SUPPORT-42"), true,
                Map.of("3:BLUESKY:abc", "call me on 0612345678"), "[Removed at the author's request]");

        verify(created).setSummary("[Removed at the author's request]");
        verify(created).setDescription("[Removed at the author's request]");
        verify(issueManager).updateIssue(marc, created, com.atlassian.jira.event.type.EventDispatchOption.DO_NOT_DISPATCH, false);
        verify(theirs).setBody("[Removed at the author's request]");
        verify(comments).update(theirs, false);
        verify(comments, never()).getMutableComment(2L);
    }

    @Test
    void forgettingAPersonTakesTheirHandleOutOfTheCommentsSocialDeskWroteOnly() {
        com.atlassian.jira.issue.comments.MutableComment reopened = mock(com.atlassian.jira.issue.comments.MutableComment.class);
        when(reopened.getId()).thenReturn(1L);
        when(reopened.getBody()).thenReturn("Reopened by Social Desk: a new message in this conversation from @pat on Bluesky (22 Nov 2026 10:00 UTC).");
        when(marc.getKey()).thenReturn("JIRAUSER-marc");
        when(reopened.getAuthorApplicationUser()).thenReturn(marc);
        Comment agents = mock(Comment.class);
        when(agents.getId()).thenReturn(2L);
        when(agents.getBody()).thenReturn("I called @pat this morning");
        ApplicationUser sam = mock(ApplicationUser.class);
        when(sam.getKey()).thenReturn("sam");
        when(agents.getAuthorApplicationUser()).thenReturn(sam);
        when(comments.getComments(created)).thenReturn(List.of(reopened, agents));
        when(comments.getMutableComment(1L)).thenReturn(reopened);

        tickets.forgetNames(new io.socialdesk.core.tracker.TrackedItem(10042L, "SUPPORT-42", "https://jira.example.com/browse/SUPPORT-42"),
                java.util.Set.of("@pat", "did:plc:pat"), "[forgotten]");

        verify(reopened).setBody("Reopened by Social Desk: a new message in this conversation from [forgotten] on Bluesky (22 Nov 2026 10:00 UTC).");
        verify(comments).update(reopened, false);
        verify(comments, never()).getMutableComment(2L);
    }

    @Test
    void forgettingAPersonTakesTheirMentionsOutOfTheCrisisIssuesListsOnly() {
        when(keys.ticketsStartingWith("crisis:")).thenReturn(List.of(new TrackedItem(10042L, "SUPPORT-42", "https://jira.example.com/browse/SUPPORT-42")));
        when(created.getDescription()).thenReturn("Negative mentions of Shop are far above their usual level: 12 since 2026-11-22T10:00:00Z.\n\n"
                + "The mentions in the spike:\n- https://bsky.app/profile/pat.example/post/1 (SUPPORT-7)\n- https://bsky.app/profile/kim.example/post/1 (SUPPORT-8)\n");
        com.atlassian.jira.issue.comments.MutableComment grew = mock(com.atlassian.jira.issue.comments.MutableComment.class);
        when(grew.getId()).thenReturn(1L);
        when(grew.getBody()).thenReturn("Now 14 negative mentions.\n\nMore mentions in the spike:\n- https://bsky.app/profile/pat.example/post/2 (SUPPORT-9)\n");
        when(marc.getKey()).thenReturn("JIRAUSER-marc");
        when(grew.getAuthorApplicationUser()).thenReturn(marc);
        Comment agents = mock(Comment.class);
        when(agents.getId()).thenReturn(2L);
        when(agents.getBody()).thenReturn("- https://bsky.app/profile/pat.example/post/2 looked at");
        ApplicationUser sam = mock(ApplicationUser.class);
        when(sam.getKey()).thenReturn("sam");
        when(agents.getAuthorApplicationUser()).thenReturn(sam);
        when(comments.getComments(created)).thenReturn(List.of(grew, agents));
        when(comments.getMutableComment(1L)).thenReturn(grew);

        int changed = tickets.forgetCrisisMentions(Set.of("https://bsky.app/profile/pat.example/post/1", "https://bsky.app/profile/pat.example/post/2"),
                "[Removed at the author's request]");

        assertThat(changed).isEqualTo(1);
        verify(created).setDescription("Negative mentions of Shop are far above their usual level: 12 since 2026-11-22T10:00:00Z.\n\n"
                + "The mentions in the spike:\n- [Removed at the author's request] (SUPPORT-7)\n- https://bsky.app/profile/kim.example/post/1 (SUPPORT-8)\n");
        verify(issueManager).updateIssue(marc, created, com.atlassian.jira.event.type.EventDispatchOption.DO_NOT_DISPATCH, false);
        verify(grew).setBody("Now 14 negative mentions.\n\nMore mentions in the spike:\n- [Removed at the author's request] (SUPPORT-9)\n");
        verify(comments).update(grew, false);
        verify(comments, never()).getMutableComment(2L);
    }

    @Test
    void aCommentWhoseTextIsOnTheIssueAlreadyIsNotWrittenAgain() {
        TrackedItem ticket = new TrackedItem(10042L, "SUPPORT-42", "https://jira.example.com/browse/SUPPORT-42");
        List<Comment> onIssue = new ArrayList<>();
        when(comments.getComments(created)).thenReturn(onIssue);
        when(comments.create(eq(created), eq(marc), anyString(), anyBoolean())).thenAnswer(call -> {
            Comment c = mock(Comment.class);
            when(c.getBody()).thenReturn(call.getArgument(2));
            onIssue.add(c);
            return c;
        });

        tickets.comment(ticket, "item-1", "Pat: still nothing");
        tickets.comment(ticket, "item-1", "Pat: still nothing");
        tickets.comment(ticket, "item-2", "Pat: hello?");

        assertThat(onIssue).extracting(Comment::getBody).containsExactly("Pat: still nothing", "Pat: hello?");
    }

    @Test
    void anIssueIsResolvedByItsResolutionDateOrADoneStatusAndLinksOnce() throws Exception {
        TrackedItem ticket = new TrackedItem(10042L, "SUPPORT-42", "u");
        when(created.getResolutionDate()).thenReturn(Timestamp.from(NOW.minusSeconds(60)));
        assertThat(tickets.status(ticket)).isEqualTo(TicketStatus.resolvedAt(NOW.minusSeconds(60)));

        when(created.getResolutionDate()).thenReturn(null);
        Status done = mock(Status.class);
        StatusCategory complete = mock(StatusCategory.class);
        when(complete.getKey()).thenReturn(StatusCategory.COMPLETE);
        when(done.getStatusCategory()).thenReturn(complete);
        when(created.getStatus()).thenReturn(done);
        when(created.getUpdated()).thenReturn(Timestamp.from(NOW));
        assertThat(tickets.status(ticket)).isEqualTo(TicketStatus.resolvedAt(NOW));

        IssueLinkType relates = mock(IssueLinkType.class);
        when(relates.getId()).thenReturn(10000L);
        when(linkTypes.getIssueLinkTypesByName("Relates")).thenReturn(List.of(relates));
        com.atlassian.jira.issue.link.IssueLink existing = mock(com.atlassian.jira.issue.link.IssueLink.class);
        when(existing.getDestinationId()).thenReturn(10001L);
        when(links.getOutwardLinks(10042L)).thenReturn(List.of()).thenReturn(List.of(existing));
        TrackedItem earlier = new TrackedItem(10001L, "SUPPORT-1", "u");

        tickets.link(ticket, earlier);
        tickets.link(ticket, earlier);

        verify(links, times(1)).createIssueLink(10042L, 10001L, 10000L, 1L, marc);
    }

    private static IssueType type(String id, String name) {
        IssueType type = mock(IssueType.class);
        when(type.getId()).thenReturn(id);
        when(type.getName()).thenReturn(name);
        return type;
    }
}
