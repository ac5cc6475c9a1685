package io.socialdesk.jira.page;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import java.io.IOException;
import javax.servlet.http.HttpServletResponse;

/** What Social Desk's Jira admin pages share: only Jira administrators see them, and they start from the project Social Desk is set up for. */
final class AdminPageAccess {
    private final JiraAuthenticationContext authentication;
    private final GlobalPermissionManager permissions;
    private final PluginSettingsFactory settings;

    AdminPageAccess(JiraAuthenticationContext authentication, GlobalPermissionManager permissions, PluginSettingsFactory settings) {
        this.authentication = authentication;
        this.permissions = permissions;
        this.settings = settings;
    }

    /** True (and a 403 with {@code why} sent) when the caller is not a Jira administrator. */
    boolean refusedUnlessAdmin(HttpServletResponse response, String why) throws IOException {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user != null && permissions.hasPermission(GlobalPermissionKey.ADMINISTER, user)) return false;
        response.sendError(HttpServletResponse.SC_FORBIDDEN, why);
        return true;
    }

    /** True (and a 403 with {@code why} sent) unless the caller is a Jira administrator or {@code alsoAllowed} says yes. */
    boolean refusedUnlessAdminOr(HttpServletResponse response, java.util.function.BooleanSupplier alsoAllowed, String why) throws IOException {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user != null && (permissions.hasPermission(GlobalPermissionKey.ADMINISTER, user) || alsoAllowed.getAsBoolean())) return false;
        response.sendError(HttpServletResponse.SC_FORBIDDEN, why);
        return true;
    }

    /** The project in the plugin setting {@code io.socialdesk.jira.project}, or "" when none is set. */
    String configuredProject() {
        return settings.createGlobalSettings().get(JiraIssueTracker.PROJECT_SETTING) instanceof String text ? text : "";
    }
}
