package io.socialdesk.jira.page;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.account.AccountPermissions;
import io.socialdesk.web.page.AccountsAdminPage;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/accounts}: the shared accounts page (the server's {@code /admin/accounts}) in
 * Jira's admin frame, for Jira administrators, marketing leads and account owners. It works through
 * {@code /rest/socialdesk/1.0/accounts}; the OAuth callback sends people back here with its result.
 */
public class AccountsServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/accounts-page.vm";

    private final SocialDeskEngine engine;
    private final AccountAdmin admin;
    private final AdminPageAccess access;
    private final TemplateRenderer renderer;

    @Inject
    public AccountsServlet(SocialDeskEngine engine, JiraAccounts accounts, JiraAuthenticationContext authentication,
            GlobalPermissionManager permissions, PluginSettingsFactory settings, TemplateRenderer renderer) {
        this.engine = engine;
        this.admin = accounts.admin();
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = access.viewer(response, engine.currentUser().get(), v -> AccountPermissions.maySeeAdminPage(v, admin.accounts().list()),
                "Only Jira administrators, marketing leads and account owners manage Social Desk accounts.");
        if (viewer.isEmpty()) return;
        AdminPageAccess.renderInFrame(renderer, response, AccountsAdminPage.TEMPLATE, AccountsAdminPage.context(admin, viewer.get(), access.locale(),
                request.getContextPath() + RestApi.BASE_PATH, request.getParameter("connected"), request.getParameter("error")), TEMPLATE, "accountsHtml");
    }
}
