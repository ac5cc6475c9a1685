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
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
    private final JiraAuthenticationContext authentication;
    private final TemplateRenderer renderer;

    @Inject
    public RoutingServlet(SocialDeskEngine engine, JiraAuthenticationContext authentication, GlobalPermissionManager permissions,
            PluginSettingsFactory settings, TemplateRenderer renderer) {
        this.engine = engine;
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.authentication = authentication;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = engine.currentUser().get();
        if (access.refusedUnlessAdminOr(response, () -> viewer.map(RoutingService::mayRead).orElse(false), REFUSED)) return;
        // Jira administrators hold Role.ADMIN already (JiraCurrentUser), so the page lets them edit.
        if (viewer.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Sign in first.");
            return;
        }
        User user = viewer.get();
        Locale locale = authentication.getLocale() == null ? Locale.ENGLISH : authentication.getLocale();
        StringWriter body = new StringWriter();
        renderer.render(RoutingAdminPage.TEMPLATE, RoutingAdminPage.context(engine.routing().rules(user), user, engine.accounts().list(), locale,
                request.getContextPath() + RestApi.BASE_PATH, request.getParameter("saved"), true), body);
        Map<String, Object> page = new HashMap<>();
        page.put("routingHtml", body.toString());
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(TEMPLATE, page, response.getWriter());
    }
}
