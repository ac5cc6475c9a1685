package io.socialdesk.jira.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.StatusCategoryManager;
import com.atlassian.jira.config.StatusManager;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.scheme.Scheme;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.workflow.AssignableWorkflowScheme;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.jira.workflow.WorkflowSchemeManager;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class JiraProjectSetupTest {
    private final ProjectManager projects = mock(ProjectManager.class);
    private final IssueTypeManager issueTypes = mock(IssueTypeManager.class);
    private final IssueTypeSchemeManager issueTypeSchemes = mock(IssueTypeSchemeManager.class);
    private final StatusManager statuses = mock(StatusManager.class);
    private final StatusCategoryManager categories = mock(StatusCategoryManager.class);
    private final WorkflowManager workflows = mock(WorkflowManager.class);
    private final WorkflowSchemeManager schemes = mock(WorkflowSchemeManager.class);
    private final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);
    private final PluginSettings settings = mock(PluginSettings.class);
    private final AtomicReference<String> parsedXml = new AtomicReference<>();
    private final JiraProjectSetup setup = new JiraProjectSetup(projects, issueTypes, issueTypeSchemes, statuses, categories, workflows,
            schemes, settingsFactory, xml -> {
                parsedXml.set(xml);
                return mock(WorkflowDescriptor.class);
            });
    private final ApplicationUser admin = mock(ApplicationUser.class);
    private final Project marketing = mock(Project.class);

    @Test
    void anEmptyProjectOnDefaultSchemesGetsEverythingAndSocialPostsGoThere() throws Exception {
        when(projects.getProjectObjByKey("MKT")).thenReturn(marketing);
        when(marketing.getKey()).thenReturn("MKT");
        IssueType socialPost = type("10200", "Social post");
        when(issueTypes.getIssueTypes()).thenReturn(List.of());
        when(issueTypes.createIssueType(eq("Social post"), anyString(), eq(null))).thenReturn(socialPost);
        IssueType task = type("3", "Task");
        when(issueTypeSchemes.getIssueTypesForProject(marketing)).thenReturn(List.of(task));
        FieldConfigScheme typeScheme = mock(FieldConfigScheme.class);
        when(typeScheme.getName()).thenReturn("MKT: issue types");
        when(issueTypeSchemes.getConfigScheme(marketing)).thenReturn(typeScheme);
        Status draft = status("1", "Draft");
        when(statuses.getStatuses()).thenReturn(List.of(draft));
        AtomicInteger ids = new AtomicInteger(20000);
        when(statuses.createStatus(anyString(), anyString(), anyString(), any())).thenAnswer(call -> status(
                Integer.toString(ids.incrementAndGet()), call.getArgument(0)));
        when(schemes.isUsingDefaultScheme(marketing)).thenReturn(true);
        AssignableWorkflowScheme.Builder builder = mock(AssignableWorkflowScheme.Builder.class, RETURNS_SELF);
        AssignableWorkflowScheme built = mock(AssignableWorkflowScheme.class);
        AssignableWorkflowScheme created = mock(AssignableWorkflowScheme.class);
        when(schemes.assignableBuilder()).thenReturn(builder);
        when(builder.build()).thenReturn(built);
        when(schemes.createScheme(built)).thenReturn(created);
        when(created.getId()).thenReturn(77L);
        Scheme scheme = mock(Scheme.class);
        when(schemes.getSchemeObject(77L)).thenReturn(scheme);
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);

        JiraProjectSetup.Report report = setup.setUp(" mkt ", admin);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> typeIds = ArgumentCaptor.forClass(Collection.class);
        verify(issueTypeSchemes).update(eq(typeScheme), typeIds.capture());
        assertThat(typeIds.getValue()).containsExactly("3", "10200");
        verify(statuses, never()).createStatus(eq("Draft"), anyString(), anyString(), any());
        assertThat(parsedXml.get()).contains("<meta name=\"jira.status.id\">1</meta>").doesNotContain("@status.");
        ArgumentCaptor<JiraWorkflow> workflow = ArgumentCaptor.forClass(JiraWorkflow.class);
        verify(workflows).createWorkflow(eq(admin), workflow.capture());
        assertThat(workflow.getValue().getName()).isEqualTo(PostWorkflowXml.NAME);
        verify(builder).setMapping("10200", PostWorkflowXml.NAME);
        verify(schemes).addSchemeToProject(marketing, scheme);
        verify(settings).put(JiraIssueTracker.PROJECT_SETTING, "MKT");
        assertThat(report.leftToAdmin()).isEmpty();
        assertThat(report.created()).hasSize(1 + 1 + 12 + 1 + 1 + 1);
        assertThat(report.unchanged()).singleElement().asString().contains("Draft");
    }

    @Test
    void aSharedSchemeIsLeftAloneAndTheReportSaysWhatToDo() {
        when(projects.getProjectObjByKey("MKT")).thenReturn(marketing);
        when(marketing.getKey()).thenReturn("MKT");
        IssueType socialPost = type("10200", "Social post");
        when(issueTypes.getIssueTypes()).thenReturn(List.of(socialPost));
        when(issueTypeSchemes.getIssueTypesForProject(marketing)).thenReturn(List.of(socialPost));
        List<Status> all = new ArrayList<>();
        for (io.socialdesk.core.post.PostState state : io.socialdesk.core.post.PostState.values()) {
            all.add(status(Integer.toString(state.ordinal() + 1), io.socialdesk.core.approval.StateNames.label(state)));
        }
        when(statuses.getStatuses()).thenReturn(all);
        when(workflows.getWorkflow(PostWorkflowXml.NAME)).thenReturn(mock(JiraWorkflow.class));
        AssignableWorkflowScheme shared = mock(AssignableWorkflowScheme.class);
        when(shared.getName()).thenReturn("Company scheme");
        when(schemes.getWorkflowSchemeObj(marketing)).thenReturn(shared);
        when(shared.getActualWorkflow("10200")).thenReturn("jira");
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
        when(settings.get(JiraIssueTracker.PROJECT_SETTING)).thenReturn("MKT");

        JiraProjectSetup.Report report = setup.setUp("MKT", admin);

        verify(schemes, never()).updateWorkflowScheme(any());
        assertThat(report.created()).isEmpty();
        assertThat(report.leftToAdmin()).singleElement().asString().contains("Company scheme").contains(PostWorkflowXml.NAME);
    }

    @Test
    void anUnknownProjectIsRefusedNamingTheField() {
        assertThatThrownBy(() -> setup.setUp("NOPE", admin)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.first().field()).isEqualTo("project");
            assertThat(e.first().rule()).isEqualTo("unknown-project");
        });
    }

    private static IssueType type(String id, String name) {
        IssueType type = mock(IssueType.class);
        when(type.getId()).thenReturn(id);
        when(type.getName()).thenReturn(name);
        return type;
    }

    private static Status status(String id, String name) {
        Status status = mock(Status.class);
        when(status.getId()).thenReturn(id);
        when(status.getName()).thenReturn(name);
        return status;
    }
}
