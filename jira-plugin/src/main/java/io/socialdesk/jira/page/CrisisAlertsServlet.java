package io.socialdesk.jira.page;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.inbox.JiraCrisisAlerts;
import io.socialdesk.web.page.CrisisAlertsPage;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/crisis}: the shared crisis alert page (the server's {@code /admin/crisis}) in
 * Jira's admin frame. Jira administrators edit; marketing leads read. It saves through
 * {@code PUT /rest/socialdesk/1.0/crisis/alerts}.
 */
public class CrisisAlertsServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/crisis-page.vm";
    static final String REFUSED = "Only marketing leads and Jira administrators see who is alerted of a crisis.";

    private final SocialDeskEngine engine;
    private final CrisisAlerts alerts;
    private final AdminPageAccess access;
    private final TemplateRenderer renderer;

    @Inject
    public CrisisAlertsServlet(SocialDeskEngine engine, JiraCrisisAlerts alerts, JiraAuthenticationContext authentication,
            GlobalPermissionManager permissions, PluginSettingsFactory settings, TemplateRenderer renderer) {
        this.engine = engine;
        this.alerts = alerts.alerts();
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = access.viewer(response, engine.currentUser().get(), CrisisAlerts::mayRead, REFUSED);
        if (viewer.isEmpty()) return;
        AdminPageAccess.renderInFrame(renderer, response, CrisisAlertsPage.TEMPLATE, CrisisAlertsPage.context(alerts, viewer.get(),
                request.getContextPath() + RestApi.BASE_PATH, request.getParameter("saved") != null, "socialdesk.crisis.alerts.userHint.jira"),
                TEMPLATE, "crisisHtml");
    }
}
