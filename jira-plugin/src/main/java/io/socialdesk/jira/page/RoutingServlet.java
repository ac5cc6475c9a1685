package io.socialdesk.jira.page;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.page.RoutingAdminPage;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/routing}: the shared routing rules page (the server's {@code /admin/routing}) in
 * Jira's admin frame. Jira administrators edit; marketing leads read and test. It saves through
 * {@code PUT /rest/socialdesk/1.0/routing/rules} and tests through {@code POST /rest/socialdesk/1.0/routing/test}.
 */
public class RoutingServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/routing-page.vm";
    static final String REFUSED = "Only marketing leads and Jira administrators see the routing rules.";

    private final SocialDeskEngine engine;
    private final AdminPageAccess access;
    private final TemplateRenderer renderer;

    @Inject
    public RoutingServlet(SocialDeskEngine engine, JiraAuthenticationContext authentication, GlobalPermissionManager permissions,
            PluginSettingsFactory settings, TemplateRenderer renderer) {
        this.engine = engine;
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Jira administrators hold Role.ADMIN already (JiraCurrentUser), so the page lets them edit.
        Optional<User> viewer = access.viewer(response, engine.currentUser().get(), RoutingService::mayRead, REFUSED);
        if (viewer.isEmpty()) return;
        User user = viewer.get();
        AdminPageAccess.renderInFrame(renderer, response, RoutingAdminPage.TEMPLATE, RoutingAdminPage.context(engine.routing().rules(user), user,
                engine.accounts().list(), access.locale(), request.getContextPath() + RestApi.BASE_PATH, request.getParameter("saved"), true),
                TEMPLATE, "routingHtml");
    }
}
