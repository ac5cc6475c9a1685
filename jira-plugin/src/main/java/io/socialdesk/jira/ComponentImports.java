package io.socialdesk.jira;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.config.ConstantsManager;
import com.atlassian.jira.issue.label.LabelManager;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.StatusCategoryManager;
import com.atlassian.jira.config.StatusManager;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.watchers.WatcherManager;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.jira.workflow.WorkflowSchemeManager;
import com.atlassian.jira.cluster.ClusterManager;
import com.atlassian.jira.config.util.JiraHome;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.templaterenderer.TemplateRenderer;

/**
 * Every host service the plugin imports, in one place (the Slack-for-Jira pattern). Spring Scanner
 * reads these annotations at build time and makes each service injectable by type; our own beans
 * then take them as {@code @Inject} constructor parameters. Nothing reads these fields.
 */
@SuppressWarnings("unused")
final class ComponentImports {
    @ComponentImport private ActiveObjects activeObjects;
    @ComponentImport private IssueService issueService;
    @ComponentImport private ProjectManager projectManager;
    @ComponentImport private IssueTypeManager issueTypeManager;
    @ComponentImport private UserManager userManager;
    @ComponentImport private GroupManager groupManager;
    @ComponentImport private GlobalPermissionManager globalPermissionManager;
    @ComponentImport private JiraAuthenticationContext authenticationContext;
    @ComponentImport private TimeZoneManager timeZoneManager;
    @ComponentImport private PluginSettingsFactory pluginSettingsFactory;
    /** Named: Jira has its own ApplicationProperties type too (reference §1.4). */
    @ComponentImport("salApplicationProperties") private ApplicationProperties applicationProperties;
    @ComponentImport private SchedulerService schedulerService;
    @ComponentImport private ClusterLockService clusterLockService;
    @ComponentImport private TemplateRenderer templateRenderer;
    // Reviews (issue 3): status mirror, comments, watchers, and the project set-up.
    @ComponentImport private IssueManager issueManager;
    @ComponentImport private WorkflowManager workflowManager;
    @ComponentImport private CommentManager commentManager;
    @ComponentImport private WatcherManager watcherManager;
    @ComponentImport private StatusManager statusManager;
    @ComponentImport private StatusCategoryManager statusCategoryManager;
    @ComponentImport private WorkflowSchemeManager workflowSchemeManager;
    @ComponentImport private IssueTypeSchemeManager issueTypeSchemeManager;
    /** Where uploaded media live: jira.home, the shared home in a cluster. */
    @ComponentImport private JiraHome jiraHome;
    /** Publishing (issue 5): this node's id in delivery claims. */
    @ComponentImport private ClusterManager clusterManager;
    /** The inbox (issue 6): tickets in the routed projects, with their priority, labels and links, found again by label. */
    @ComponentImport private ConstantsManager constantsManager;
    @ComponentImport private LabelManager labelManager;
    @ComponentImport private IssueLinkManager issueLinkManager;
    @ComponentImport private IssueLinkTypeManager issueLinkTypeManager;
    @ComponentImport private SearchService searchService;

    private ComponentImports() {}
}
