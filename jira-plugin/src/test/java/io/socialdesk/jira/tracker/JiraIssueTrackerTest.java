package io.socialdesk.jira.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraIssueTrackerTest {
    private final IssueService issueService = mock(IssueService.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final UserManager users = mock(UserManager.class);
    private final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);
    private final PluginSettings settings = mock(PluginSettings.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private final IssueInputParameters input = mock(IssueInputParameters.class, RETURNS_SELF);
    private final Project marketing = mock(Project.class);
    private final IssueType task = issueType("3", "Task");
    private final IssueType socialPost = issueType("10200", "Social post");
    private final ApplicationUser amelie = mock(ApplicationUser.class);
    private final User author = new User("JIRAUSER10100", "Amélie Martin", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("Europe/Paris"));

    private final JiraIssueTracker tracker = new JiraIssueTracker(issueService, projects, users, settingsFactory, application,
            mock(com.atlassian.jira.issue.IssueManager.class), mock(com.atlassian.jira.workflow.WorkflowManager.class),
            mock(com.atlassian.jira.issue.comments.CommentManager.class));

    @BeforeEach
    void configureMarketingProject() {
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
        when(settings.get(JiraIssueTracker.PROJECT_SETTING)).thenReturn("MKT");
        when(projects.getProjectObjByKey("MKT")).thenReturn(marketing);
        when(marketing.getId()).thenReturn(10000L);
        when(marketing.getKey()).thenReturn("MKT");
        when(marketing.getIssueTypes()).thenReturn(List.of(task, socialPost));
        when(users.getUserByKey("JIRAUSER10100")).thenReturn(amelie);
        when(amelie.getUsername()).thenReturn("amelie");
        when(issueService.newIssueInputParameters()).thenReturn(input);
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://jira.example.com/");
    }

    @Test
    void opensASocialPostIssueInTheConfiguredProjectReportedByTheAuthor() {
        IssueService.CreateValidationResult valid = validation(noErrors());
        when(issueService.validateCreate(amelie, input)).thenReturn(valid);
        MutableIssue issue = mock(MutableIssue.class);
        when(issue.getId()).thenReturn(10042L);
        when(issue.getKey()).thenReturn("MKT-42");
        IssueService.IssueResult created = new IssueService.IssueResult(issue, noErrors());
        when(issueService.create(amelie, valid)).thenReturn(created);

        TrackedItem item = tracker.open(ItemKind.SOCIAL_POST, "Launch day", author);

        assertThat(item).isEqualTo(new TrackedItem(10042L, "MKT-42", "https://jira.example.com/browse/MKT-42"));
        verify(input).setProjectId(10000L);
        verify(input).setIssueTypeId("10200");
        verify(input).setSummary("Launch day");
        verify(input).setReporterId("amelie");
    }

    @Test
    void reportsJirasFieldErrorsAsFieldProblems() {
        ErrorCollection errors = errors(Map.of("summary", "You must specify a summary of the issue."),
                List.of("You do not have permission to create issues in this project."));
        IssueService.CreateValidationResult invalid = validation(errors);
        when(issueService.validateCreate(amelie, input)).thenReturn(invalid);

        assertThatThrownBy(() -> tracker.open(ItemKind.SOCIAL_POST, "Launch day", author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("title", "jira-rejected", "You must specify a summary of the issue."),
                        new FieldProblem("issue", "jira-rejected", "You do not have permission to create issues in this project.")));
        verify(issueService, never()).create(any(), any());
    }

    @Test
    void reportsACreateThatFailsAfterValidation() {
        IssueService.CreateValidationResult valid = validation(noErrors());
        when(issueService.validateCreate(amelie, input)).thenReturn(valid);
        IssueService.IssueResult refused = new IssueService.IssueResult(null, errors(Map.of(), List.of("Workflow refused the issue.")));
        when(issueService.create(amelie, valid)).thenReturn(refused);

        assertThatThrownBy(() -> tracker.open(ItemKind.SOCIAL_POST, "Launch day", author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first())
                        .isEqualTo(new FieldProblem("issue", "jira-rejected", "Workflow refused the issue.")));
    }

    @Test
    void namesTheProjectFieldWhenNoProjectIsConfigured() {
        when(settings.get(JiraIssueTracker.PROJECT_SETTING)).thenReturn(null);
        assertThatThrownBy(() -> tracker.open(ItemKind.SOCIAL_POST, "Launch day", author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("project");
                    assertThat(e.first().rule()).isEqualTo("not-configured");
                    assertThat(e.first().message()).contains(JiraIssueTracker.PROJECT_SETTING);
                });
    }

    @Test
    void namesTheProjectFieldWhenTheConfiguredProjectDoesNotExist() {
        when(settings.get(JiraIssueTracker.PROJECT_SETTING)).thenReturn("GONE");
        assertThatThrownBy(() -> tracker.open(ItemKind.SOCIAL_POST, "Launch day", author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("project");
                    assertThat(e.first().rule()).isEqualTo("unknown-project");
                    assertThat(e.first().message()).contains("GONE");
                });
    }

    @Test
    void namesTheIssueTypeWhenTheProjectLacksIt() {
        when(marketing.getIssueTypes()).thenReturn(List.of(task));
        assertThatThrownBy(() -> tracker.open(ItemKind.SOCIAL_POST, "Launch day", author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("issueType");
                    assertThat(e.first().message()).contains("Social post").contains("MKT");
                });
    }

    private static IssueType issueType(String id, String name) {
        IssueType type = mock(IssueType.class);
        when(type.getId()).thenReturn(id);
        when(type.getName()).thenReturn(name);
        return type;
    }

    private static IssueService.CreateValidationResult validation(ErrorCollection errors) {
        return new IssueService.CreateValidationResult(null, errors, Map.of());
    }

    private static ErrorCollection noErrors() {
        return errors(Map.of(), List.of());
    }

    private static ErrorCollection errors(Map<String, String> fieldErrors, List<String> messages) {
        ErrorCollection errors = mock(ErrorCollection.class);
        when(errors.getErrors()).thenReturn(fieldErrors);
        when(errors.getErrorMessages()).thenReturn(messages);
        when(errors.hasAnyErrors()).thenReturn(!fieldErrors.isEmpty() || !messages.isEmpty());
        return errors;
    }
}
