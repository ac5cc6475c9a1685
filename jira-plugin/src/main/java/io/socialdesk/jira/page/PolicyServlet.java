package io.socialdesk.jira.page;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.page.PolicyAdminPage;
import io.socialdesk.web.rest.PolicyResource;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/policy?project=KEY}: a project's approval policy, for Jira
 * admins: the shared policy page (the server's {@code /admin/policy/SD}) in Jira's admin frame.
 * It saves through {@code PUT /rest/socialdesk/1.0/policies/{project}}. Without a project, the one
 * Social Desk is set up for.
 */
public class PolicyServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/policy-page.vm";

    private final SocialDeskEngine engine;
    private final AdminPageAccess access;
    private final TemplateRenderer renderer;

    @Inject
    public PolicyServlet(SocialDeskEngine engine, JiraAuthenticationContext authentication, GlobalPermissionManager permissions,
            PluginSettingsFactory settings, TemplateRenderer renderer) {
        this.engine = engine;
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (access.refusedUnlessAdmin(response, "Only Jira administrators change approval policies.")) return;
        String asked = request.getParameter("project");
        String project;
        try {
            project = PolicyResource.projectKey(asked != null && !asked.isBlank() ? asked : access.configuredProject());
        } catch (InvalidInputException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "project: " + e.first().message());
            return;
        }
        StringWriter policy = new StringWriter();
        renderer.render(PolicyAdminPage.TEMPLATE, PolicyAdminPage.context(engine.policies().policyFor(project),
                request.getContextPath() + RestApi.BASE_PATH), policy);
        Map<String, Object> page = new HashMap<>();
        page.put("policyHtml", policy.toString());
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(TEMPLATE, page, response.getWriter());
    }
}
