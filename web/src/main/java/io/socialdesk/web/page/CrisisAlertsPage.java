package io.socialdesk.web.page;

import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.util.HashMap;
import java.util.Map;

/**
 * The crisis alert page, shared by the server ({@code /admin/crisis}) and Jira ({@code /plugins/servlet/socialdesk/crisis}):
 * the people alerted when a crisis opens besides the marketing leads, one user key a line; administrators edit and
 * save through {@code PUT /crisis/alerts} ({@code crisis-alerts.js}), marketing leads read. The context holds strings
 * and booleans only.
 */
public final class CrisisAlertsPage {
    public static final String TEMPLATE = "templates/socialdesk/crisis-alerts.vm";

    private CrisisAlertsPage() {
    }

    /** {@code saved}: the page was reloaded after a save. */
    public static Map<String, Object> context(CrisisAlerts alerts, User viewer, String restBase, boolean saved, String userHintKey) {
        Map<String, Object> context = new HashMap<>();
        context.put("restBase", restBase);
        context.put("recipientsText", String.join("\n", alerts.recipients(viewer)));
        context.put("mayEdit", viewer.has(Role.ADMIN));
        context.put("justSaved", saved);
        context.put("maxRecipients", CrisisAlerts.MAX);
        context.put("userHintKey", userHintKey);
        return context;
    }
}
