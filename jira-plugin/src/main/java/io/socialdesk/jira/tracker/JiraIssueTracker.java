package io.socialdesk.jira.tracker;

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
 */
@Named
public final class JiraIssueTracker implements IssueTracker {
    public static final String PROJECT_SETTING = "io.socialdesk.jira.project";
    public static final String SOCIAL_POST_TYPE = "Social post";
    public static final String MENTION_TYPE = "Social mention";

    private final IssueService issues;
    private final ProjectManager projects;
    private final UserManager users;
    private final PluginSettingsFactory settings;
    private final ApplicationProperties application;

    @Inject
    public JiraIssueTracker(IssueService issues, ProjectManager projects, UserManager users,
            PluginSettingsFactory settings, ApplicationProperties application) {
        this.issues = issues;
        this.projects = projects;
        this.users = users;
        this.settings = settings;
        this.application = application;
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
        };
    }

    private String browseUrl(String issueKey) {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/browse/" + issueKey;
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
