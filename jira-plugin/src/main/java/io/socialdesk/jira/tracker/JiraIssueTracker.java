package io.socialdesk.jira.tracker;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.post.PostState;
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
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Opens each social post as a Jira issue of type {@value #SOCIAL_POST_TYPE} (and each mention as
 * {@value #MENTION_TYPE}) in the project an admin
 * configured (global plugin setting {@value #PROJECT_SETTING}), reported by the author. Jira's own
 * validation (permissions, required fields) decides; its errors come back as field problems.
 *
 * <p>When a post changes state, the issue follows: of the transitions its workflow offers from the
 * current status, the one whose target status is named like the new state (docs/workflow.md:
 * Draft, In review, …) is taken as the person who acted. When none leads there, the issue stays
 * where it is and this is logged: the engine's state is the truth. Comments become Jira comments.
 */
@Named
public final class JiraIssueTracker implements IssueTracker {
    public static final String PROJECT_SETTING = "io.socialdesk.jira.project";
    public static final String SOCIAL_POST_TYPE = "Social post";
    public static final String MENTION_TYPE = "Social mention";
    /** Opened for an account\'s owner when its connection ends soon or was revoked. */
    public static final String ACCOUNT_TYPE = "Social account";
    private static final System.Logger LOG = System.getLogger(JiraIssueTracker.class.getName());

    private final IssueService issues;
    private final ProjectManager projects;
    private final UserManager users;
    private final PluginSettingsFactory settings;
    private final ApplicationProperties application;
    private final IssueManager issueManager;
    private final WorkflowManager workflows;
    private final CommentManager comments;

    @Inject
    public JiraIssueTracker(IssueService issues, ProjectManager projects, UserManager users,
            PluginSettingsFactory settings, ApplicationProperties application, IssueManager issueManager,
            WorkflowManager workflows, CommentManager comments) {
        this.issues = issues;
        this.projects = projects;
        this.users = users;
        this.settings = settings;
        this.application = application;
        this.issueManager = issueManager;
        this.workflows = workflows;
        this.comments = comments;
    }

    @Override
    public void moved(TrackedItem item, PostState from, PostState to, String actorKey) {
        // Jira is taking this very transition (our post-function applied it to the engine): it moves the issue itself.
        if (TransitionOrigin.isJiraTransitioning(item.id())) return;
        try {
            MutableIssue issue = issueManager.getIssueObject(item.id());
            if (issue == null) {
                LOG.log(System.Logger.Level.INFO, "Post moved to " + to + " but its issue " + item.key() + " is gone");
                return;
            }
            String target = StateNames.label(to);
            if (target.equalsIgnoreCase(issue.getStatus().getName())) return;
            ApplicationUser person = users.getUserByKey(actorKey);
            ApplicationUser actor = person != null ? person : issue.getReporter(); // the publishing engine is no Jira user
            JiraWorkflow workflow = workflows.getWorkflow(issue);
            List<ActionDescriptor> candidates = actionsLeadingTo(workflow, issue.getStatus(), target);
            // Conditions are evaluated while validating, so the mirror is marked before (SocialDeskOnlyCondition reads it).
            if (TransitionOrigin.engineMirroring(item.id(), () -> takeFirstValid(candidates, actor, issue.getId()))) return;
            LOG.log(System.Logger.Level.INFO, "No transition of workflow \"" + workflow.getName() + "\" takes " + item.key() + " from "
                    + issue.getStatus().getName() + " to " + target + "; the issue keeps its status (Social Desk's state is the truth)");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not move " + item.key() + " to " + to + " in Jira: " + e);
        }
    }

    @Override
    public void commented(TrackedItem item, String authorKey, String text) {
        try {
            MutableIssue issue = issueManager.getIssueObject(item.id());
            if (issue != null) comments.create(issue, users.getUserByKey(authorKey), text, true);
        } catch (RuntimeException e) {
            // The comment is in Social Desk's audit trail already; Jira's copy is a convenience.
            LOG.log(System.Logger.Level.WARNING, "Could not copy a comment to " + item.key() + ": " + e);
        }
    }

    private boolean takeFirstValid(List<ActionDescriptor> candidates, ApplicationUser actor, long issueId) {
        for (ActionDescriptor action : candidates) {
            IssueService.TransitionValidationResult validation =
                    issues.validateTransition(actor, issueId, action.getId(), issues.newIssueInputParameters());
            if (validation.isValid() && issues.transition(actor, validation).isValid()) return true;
        }
        return false;
    }

    /** The workflow's transitions from this status whose target status is named {@code target}. */
    static List<ActionDescriptor> actionsLeadingTo(JiraWorkflow workflow, Status current, String target) {
        StepDescriptor step = workflow.getLinkedStep(current);
        List<ActionDescriptor> leading = new ArrayList<>();
        if (step == null) return leading;
        for (ActionDescriptor action : step.getActions()) {
            int stepId = action.getUnconditionalResult().getStep();
            if (stepId < 0) continue; // -1: stays in the current step
            Status status = workflow.getLinkedStatusObject(workflow.getDescriptor().getStep(stepId));
            if (status != null && target.equalsIgnoreCase(status.getName())) leading.add(action);
        }
        return leading;
    }

    @Override
    public TrackedItem open(ItemKind kind, String summary, User reporter) {
        Project project = configuredProject();
        IssueType type = issueTypeIn(project, kind);
        ApplicationUser user = users.getUserByKey(reporter.key());
        if (user == null) {
            throw new InvalidInputException("reporter", "unknown-user", "Jira has no user with key " + reporter.key());
        }
        IssueInputParameters input = issues.newIssueInputParameters()
                .setProjectId(project.getId())
                .setIssueTypeId(type.getId())
                .setSummary(summary)
                .setReporterId(user.getUsername());

        IssueService.CreateValidationResult validation = issues.validateCreate(user, input);
        if (!validation.isValid()) throw rejected(validation.getErrorCollection());
        IssueService.IssueResult created = issues.create(user, validation);
        if (!created.isValid()) throw rejected(created.getErrorCollection());

        MutableIssue issue = created.getIssue();
        return new TrackedItem(issue.getId(), issue.getKey(), browseUrl(issue.getKey()));
    }

    private Project configuredProject() {
        Object configured = settings.createGlobalSettings().get(PROJECT_SETTING);
        String key = configured instanceof String text ? text.strip() : "";
        if (key.isEmpty()) {
            throw new InvalidInputException("project", "not-configured",
                    "No Jira project is set for social posts: a Jira admin sets one in Social Desk's settings ("
                            + PROJECT_SETTING + ")");
        }
        Project project = projects.getProjectObjByKey(key);
        if (project == null) {
            throw new InvalidInputException("project", "unknown-project",
                    "The Jira project " + key + " set for social posts does not exist");
        }
        return project;
    }

    private static IssueType issueTypeIn(Project project, ItemKind kind) {
        String name = issueTypeName(kind);
        return project.getIssueTypes().stream()
                .filter(type -> name.equalsIgnoreCase(type.getName()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("issueType", "missing-issue-type",
                        "The Jira project " + project.getKey() + " has no issue type \"" + name
                                + "\": a Jira admin adds it to the project's issue type scheme"));
    }

    /** The Jira issue type each kind of item is opened as. */
    public static String issueTypeName(ItemKind kind) {
        return switch (kind) {
            case SOCIAL_POST -> SOCIAL_POST_TYPE;
            case MENTION -> MENTION_TYPE;
            case ACCOUNT -> ACCOUNT_TYPE;
        };
    }

    private String browseUrl(String issueKey) {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/browse/" + issueKey;
    }

    /** Jira's refusal of an issue as field problems, for the other adapters that create issues (the inbox's tickets). */
    public static InvalidInputException rejectedIssue(ErrorCollection errors) {
        return rejected(errors);
    }

    /** Jira names its own fields; "summary" is what Social Desk calls the title. */
    static InvalidInputException rejected(ErrorCollection errors) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> error : errors.getErrors().entrySet()) {
            String field = "summary".equals(error.getKey()) ? "title" : error.getKey();
            problems.add(new FieldProblem(field, "jira-rejected", error.getValue()));
        }
        for (String message : errors.getErrorMessages()) {
            problems.add(new FieldProblem("issue", "jira-rejected", message));
        }
        if (problems.isEmpty()) problems.add(new FieldProblem("issue", "jira-rejected", "Jira did not create the issue"));
        return new InvalidInputException(problems);
    }
}
