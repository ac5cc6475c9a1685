package io.socialdesk.jira.page;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
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

    private final AdminPageAccess access;
    private final TemplateRenderer renderer;

    @Inject
    public SetupServlet(JiraAuthenticationContext authentication, GlobalPermissionManager permissions, PluginSettingsFactory settings,
            TemplateRenderer renderer) {
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (access.refusedUnlessAdmin(response, "Only Jira administrators set up Social Desk.")) return;
        Map<String, Object> context = new HashMap<>();
        context.put("restBase", request.getContextPath() + RestApi.BASE_PATH);
        context.put("project", access.configuredProject());
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(TEMPLATE, context, response.getWriter());
    }
}
