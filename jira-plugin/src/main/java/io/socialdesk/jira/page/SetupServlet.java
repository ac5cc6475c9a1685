package io.socialdesk.jira.page;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/setup}: the admin page "Set up Social Desk for a project". The
 * form posts to the REST set-up (JiraSetupResource); this page only shows it, to Jira admins.
 */
public class SetupServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/setup-page.vm";

    private final JiraAuthenticationContext authentication;
    private final GlobalPermissionManager permissions;
    private final PluginSettingsFactory settings;
    private final TemplateRenderer renderer;

    @Inject
    public SetupServlet(JiraAuthenticationContext authentication, GlobalPermissionManager permissions, PluginSettingsFactory settings,
            TemplateRenderer renderer) {
        this.authentication = authentication;
        this.permissions = permissions;
        this.settings = settings;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null || !permissions.hasPermission(GlobalPermissionKey.ADMINISTER, user)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only Jira administrators set up Social Desk.");
            return;
        }
        Object configured = settings.createGlobalSettings().get(JiraIssueTracker.PROJECT_SETTING);
        Map<String, Object> context = new HashMap<>();
        context.put("restBase", request.getContextPath() + RestApi.BASE_PATH);
        context.put("project", configured instanceof String text ? text : "");
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(TEMPLATE, context, response.getWriter());
    }
}
