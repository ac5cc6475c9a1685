package io.socialdesk.jira.setup;

import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.StatusCategoryManager;
import com.atlassian.jira.config.StatusManager;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.workflow.AssignableWorkflowScheme;
import com.atlassian.jira.workflow.ConfigurableJiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.jira.workflow.WorkflowSchemeManager;
import com.atlassian.jira.workflow.WorkflowUtil;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.opensymphony.workflow.WorkflowException;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.jira.tracker.SocialDeskIssueTypes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * "Set up Social Desk for project X": what a Jira admin would otherwise click together, each step
 * skipped when it is already done (so running it twice changes nothing). It never changes what
 * could move existing issues: a workflow scheme shared with other projects, or one whose mapping
 * for "Social post" issues already points elsewhere, is left alone and reported as a step for
 * the admin (Jira's scheme page migrates existing issues). docs/jira-setup.md lists every step.
 */
@Named
public final class JiraProjectSetup {
    /** Jira's built-in workflow, kept for every other issue type of a new scheme. */
    static final String JIRA_DEFAULT_WORKFLOW = "jira";
    static final String STATUS_ICON = "/images/icons/statuses/generic.png";
    private static final Set<PostState> DONE = Set.of(PostState.PUBLISHED, PostState.REJECTED, PostState.CANCELLED);
    private static final Set<PostState> TO_DO = Set.of(PostState.DRAFT, PostState.CHANGES_REQUESTED);

    /** What the set-up did, found already done, and left to the admin; plain sentences. */
    public record Report(String project, List<String> created, List<String> unchanged, List<String> leftToAdmin) {
        public Report {
            created = List.copyOf(created);
            unchanged = List.copyOf(unchanged);
            leftToAdmin = List.copyOf(leftToAdmin);
        }
    }

    /** Parses workflow XML: Jira's WorkflowUtil in production, a stand-in in tests (it is a static call). */
    @FunctionalInterface
    public interface WorkflowXmlParser {
        WorkflowDescriptor parse(String xml) throws WorkflowException;

        WorkflowXmlParser JIRA = WorkflowUtil::convertXMLtoWorkflowDescriptor;
    }

    private final ProjectManager projects;
    private final IssueTypeManager issueTypes;
    private final IssueTypeSchemeManager issueTypeSchemes;
    private final StatusManager statuses;
    private final StatusCategoryManager categories;
    private final WorkflowManager workflows;
    private final WorkflowSchemeManager workflowSchemes;
    private final PluginSettingsFactory settings;
    private final WorkflowXmlParser parser;

    @Inject
    public JiraProjectSetup(ProjectManager projects, IssueTypeManager issueTypes, IssueTypeSchemeManager issueTypeSchemes,
            StatusManager statuses, StatusCategoryManager categories, WorkflowManager workflows, WorkflowSchemeManager workflowSchemes,
            PluginSettingsFactory settings) {
        this(projects, issueTypes, issueTypeSchemes, statuses, categories, workflows, workflowSchemes, settings, WorkflowXmlParser.JIRA);
    }

    JiraProjectSetup(ProjectManager projects, IssueTypeManager issueTypes, IssueTypeSchemeManager issueTypeSchemes, StatusManager statuses,
            StatusCategoryManager categories, WorkflowManager workflows, WorkflowSchemeManager workflowSchemes, PluginSettingsFactory settings,
            WorkflowXmlParser parser) {
        this.projects = projects;
        this.issueTypes = issueTypes;
        this.issueTypeSchemes = issueTypeSchemes;
        this.statuses = statuses;
        this.categories = categories;
        this.workflows = workflows;
        this.workflowSchemes = workflowSchemes;
        this.settings = settings;
        this.parser = parser;
    }

    public Report setUp(String projectKey, ApplicationUser admin) {
        String key = projectKey == null ? "" : projectKey.strip().toUpperCase(Locale.ROOT);
        if (key.isEmpty()) throw new InvalidInputException("project", "required", "Name the Jira project to set up, e.g. MKT");
        Project project = projects.getProjectObjByKey(key);
        if (project == null) throw new InvalidInputException("project", "unknown-project", "Jira has no project with key " + key);
        List<String> created = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> left = new ArrayList<>();

        IssueType type = issueType(created, unchanged);
        boolean typeIsNewInProject = addToProject(project, type, created, unchanged);
        Map<PostState, String> statusIds = statuses(created, unchanged);
        workflow(statusIds, admin, created, unchanged);
        scheme(project, type, typeIsNewInProject, created, unchanged, left);
        projectSetting(key, created, unchanged, left);
        return new Report(key, created, unchanged, left);
    }

    private IssueType issueType(List<String> created, List<String> unchanged) {
        String name = JiraIssueTracker.SOCIAL_POST_TYPE;
        Optional<IssueType> existing = issueTypes.getIssueTypes().stream().filter(t -> name.equalsIgnoreCase(t.getName())).findFirst();
        if (existing.isPresent()) {
            unchanged.add("Issue type \"" + name + "\" exists.");
            return existing.get();
        }
        created.add("Issue type \"" + name + "\".");
        return issueTypes.createIssueType(name, SocialDeskIssueTypes.description(ItemKind.SOCIAL_POST), null);
    }

    /** @return whether the type was new to the project (then no issue of that type can exist there yet) */
    private boolean addToProject(Project project, IssueType type, List<String> created, List<String> unchanged) {
        List<String> ids = new ArrayList<>(issueTypeSchemes.getIssueTypesForProject(project).stream().map(IssueType::getId).toList());
        if (ids.contains(type.getId())) {
            unchanged.add("The project's issue type scheme has \"" + type.getName() + "\".");
            return false;
        }
        ids.add(type.getId());
        FieldConfigScheme scheme = issueTypeSchemes.getConfigScheme(project);
        issueTypeSchemes.update(scheme, ids);
        created.add("\"" + type.getName() + "\" in the issue type scheme \"" + scheme.getName() + "\".");
        return true;
    }

    private Map<PostState, String> statuses(List<String> created, List<String> unchanged) {
        Map<PostState, String> ids = new EnumMap<>(PostState.class);
        List<String> found = new ArrayList<>();
        for (PostState state : PostState.values()) {
            String name = StateNames.label(state);
            Optional<Status> existing = statuses.getStatuses().stream().filter(s -> name.equalsIgnoreCase(s.getName())).findFirst();
            if (existing.isPresent()) {
                ids.put(state, existing.get().getId());
                found.add(name);
            } else {
                Status status = statuses.createStatus(name, "Social Desk: a post that is " + name + ".", STATUS_ICON,
                        categories.getStatusCategoryByKey(categoryOf(state)));
                ids.put(state, status.getId());
                created.add("Status \"" + name + "\".");
            }
        }
        if (!found.isEmpty()) unchanged.add("Statuses that exist and are reused: " + String.join(", ", found) + ".");
        return ids;
    }

    static String categoryOf(PostState state) {
        if (DONE.contains(state)) return StatusCategory.COMPLETE;
        return TO_DO.contains(state) ? StatusCategory.TO_DO : StatusCategory.IN_PROGRESS;
    }

    private void workflow(Map<PostState, String> statusIds, ApplicationUser admin, List<String> created, List<String> unchanged) {
        if (workflows.getWorkflow(PostWorkflowXml.NAME) != null) {
            unchanged.add("Workflow \"" + PostWorkflowXml.NAME + "\" exists (it is not overwritten).");
            return;
        }
        try {
            WorkflowDescriptor descriptor = parser.parse(PostWorkflowXml.withStatusIds(PostWorkflowXml.shipped(), statusIds));
            workflows.createWorkflow(admin, new ConfigurableJiraWorkflow(PostWorkflowXml.NAME, descriptor, workflows));
        } catch (WorkflowException e) {
            throw new IllegalStateException("Jira refused the workflow " + PostWorkflowXml.NAME + ": " + e.getMessage(), e);
        }
        created.add("Workflow \"" + PostWorkflowXml.NAME + "\".");
    }

    private void scheme(Project project, IssueType type, boolean typeIsNewInProject, List<String> created, List<String> unchanged,
            List<String> left) {
        String workflow = PostWorkflowXml.NAME;
        if (workflowSchemes.isUsingDefaultScheme(project)) {
            String name = "Social Desk: " + project.getKey();
            AssignableWorkflowScheme scheme = workflowSchemes.createScheme(workflowSchemes.assignableBuilder().setName(name)
                    .setDescription("Jira's workflow for every issue type, and " + workflow + " for " + type.getName() + ".")
                    .setDefaultWorkflow(JIRA_DEFAULT_WORKFLOW).setMapping(type.getId(), workflow).build());
            workflowSchemes.addSchemeToProject(project, workflowSchemes.getSchemeObject(scheme.getId()));
            created.add("Workflow scheme \"" + name + "\" (" + type.getName() + " -> " + workflow + "), now the project's.");
            return;
        }
        AssignableWorkflowScheme scheme = workflowSchemes.getWorkflowSchemeObj(project);
        if (workflow.equals(scheme.getActualWorkflow(type.getId()))) {
            unchanged.add("Workflow scheme \"" + scheme.getName() + "\" maps " + type.getName() + " to " + workflow + ".");
        } else if (typeIsNewInProject && workflowSchemes.getProjectsUsing(scheme).size() == 1) {
            workflowSchemes.updateWorkflowScheme(scheme.builder().setMapping(type.getId(), workflow).build());
            created.add("In workflow scheme \"" + scheme.getName() + "\": " + type.getName() + " -> " + workflow + ".");
        } else {
            left.add("Map " + type.getName() + " to \"" + workflow + "\" in the workflow scheme \"" + scheme.getName()
                    + "\" (Administration > Issues > Workflow schemes), or keep your own workflow (see docs/jira-setup.md). It is "
                    + (typeIsNewInProject ? "shared with other projects" : "already in use for " + type.getName() + " issues")
                    + ", so Social Desk does not change it: Jira migrates existing issues when you do.");
        }
    }

    private void projectSetting(String key, List<String> created, List<String> unchanged, List<String> left) {
        PluginSettings global = settings.createGlobalSettings();
        Object current = global.get(JiraIssueTracker.PROJECT_SETTING);
        String configured = current instanceof String text ? text.strip() : "";
        if (configured.isEmpty()) {
            global.put(JiraIssueTracker.PROJECT_SETTING, key);
            created.add("Social posts are opened in " + key + ".");
        } else if (configured.equalsIgnoreCase(key)) {
            unchanged.add("Social posts are opened in " + key + ".");
        } else {
            left.add("New social posts are still opened in " + configured + " (setting " + JiraIssueTracker.PROJECT_SETTING
                    + "); change it to " + key + " if this project should receive them.");
        }
    }
}
