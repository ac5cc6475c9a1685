package io.socialdesk.jira.inbox;

import com.atlassian.jira.user.util.UserManager;
import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.store.inbox.AoCrisisAlerts;
import javax.inject.Inject;
import javax.inject.Named;

/** Who is alerted of a crisis, in Jira: the list kept in the plugin's tables; each entry a Jira user key. */
@Named
public final class JiraCrisisAlerts {
    private final CrisisAlerts alerts;

    @Inject
    public JiraCrisisAlerts(JiraActiveObjectsAccess ao, UserManager users) {
        this(new CrisisAlerts(new AoCrisisAlerts(ao), key -> users.getUserByKey(key) != null));
    }

    /** Any assembly: for tests. */
    public JiraCrisisAlerts(CrisisAlerts alerts) {
        this.alerts = alerts;
    }

    public CrisisAlerts alerts() {
        return alerts;
    }
}
