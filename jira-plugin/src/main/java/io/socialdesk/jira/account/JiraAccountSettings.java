package io.socialdesk.jira.account;

import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import io.socialdesk.core.account.AccountSettings;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The account settings in Jira's global plugin settings, changed by Jira admins on the accounts page (through
 * {@code PUT /rest/socialdesk/1.0/accounts/settings}). Read at each use: every node of a cluster sees a change at once.
 */
@Named
public final class JiraAccountSettings implements AccountSettings {
    static final String ALLOW_PRIVATE = "io.socialdesk.jira.accounts.allowPrivateAddresses";
    static final String WARNING_DAYS = "io.socialdesk.jira.accounts.warningDays";

    private final PluginSettingsFactory settings;

    @Inject
    public JiraAccountSettings(PluginSettingsFactory settings) {
        this.settings = settings;
    }

    @Override
    public boolean allowPrivateAddresses() {
        return "true".equals(settings.createGlobalSettings().get(ALLOW_PRIVATE));
    }

    @Override
    public int warningDays() {
        Object stored = settings.createGlobalSettings().get(WARNING_DAYS);
        try {
            int days = stored instanceof String text ? Integer.parseInt(text.strip()) : DEFAULT_WARNING_DAYS;
            return days >= 1 && days <= MAX_WARNING_DAYS ? days : DEFAULT_WARNING_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_WARNING_DAYS;
        }
    }

    @Override
    public Optional<String> setElsewhere() {
        return Optional.empty();
    }

    @Override
    public void save(boolean allowPrivateAddresses, int warningDays) {
        AccountSettings.check(warningDays);
        var global = settings.createGlobalSettings();
        global.put(ALLOW_PRIVATE, Boolean.toString(allowPrivateAddresses));
        global.put(WARNING_DAYS, Integer.toString(warningDays));
    }
}
