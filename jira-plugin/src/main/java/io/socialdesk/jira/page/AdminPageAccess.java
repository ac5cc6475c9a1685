package io.socialdesk.jira.page;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.user.User;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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

    /**
     * The Social Desk viewer of a page that Jira administrators and the people {@code alsoAllowed} accepts may
     * see; empty, with a 403 sent ({@code why}, or "Sign in first." for an administrator Social Desk does not
     * know), otherwise.
     */
    Optional<User> viewer(HttpServletResponse response, Optional<User> viewer, Predicate<User> alsoAllowed, String why) throws IOException {
        ApplicationUser user = authentication.getLoggedInUser();
        boolean allowed = user != null && (permissions.hasPermission(GlobalPermissionKey.ADMINISTER, user) || viewer.map(alsoAllowed::test).orElse(false));
        if (!allowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, why);
            return Optional.empty();
        }
        if (viewer.isEmpty()) response.sendError(HttpServletResponse.SC_FORBIDDEN, "Sign in first.");
        return viewer;
    }

    /** The viewer's Jira locale, English when Jira has none. */
    Locale locale() {
        return authentication.getLocale() == null ? Locale.ENGLISH : authentication.getLocale();
    }

    /** Renders a shared page ({@code template} with {@code context}) inside the Jira frame {@code frame}, which shows it as {@code htmlKey}. */
    static void renderInFrame(TemplateRenderer renderer, HttpServletResponse response, String template, Map<String, Object> context,
            String frame, String htmlKey) throws IOException {
        StringWriter body = new StringWriter();
        renderer.render(template, context, body);
        Map<String, Object> page = new HashMap<>();
        page.put(htmlKey, body.toString());
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(frame, page, response.getWriter());
    }

    /** The project in the plugin setting {@code io.socialdesk.jira.project}, or "" when none is set. */
    String configuredProject() {
        return settings.createGlobalSettings().get(JiraIssueTracker.PROJECT_SETTING) instanceof String text ? text : "";
    }
}
