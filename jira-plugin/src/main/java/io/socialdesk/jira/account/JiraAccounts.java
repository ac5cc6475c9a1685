package io.socialdesk.jira.account;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.rest.RestApi;
import java.net.URI;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The shared account operations ({@link AccountAdmin}) wired for Jira: the engine's stores, the connectors
 * (none yet: each network's connector is added here as it is built), the settings from the plugin settings, and
 * Jira's addresses: the OAuth callback under Jira's canonical base URL and the accounts admin page.
 */
@Named
public final class JiraAccounts {
    public static final String PAGE = "/plugins/servlet/socialdesk/accounts";

    private final AccountAdmin admin;
    private final ChannelDirectory channels;

    @Inject
    public JiraAccounts(SocialDeskEngine engine, JiraAccountSettings settings, ApplicationProperties application) {
        this(engine, settings, () -> base(application), ChannelDirectory.empty(), Clock.systemUTC());
    }

    JiraAccounts(SocialDeskEngine engine, io.socialdesk.core.account.AccountSettings settings, java.util.function.Supplier<String> base,
            ChannelDirectory channels, Clock clock) {
        this.channels = channels;
        var e = engine.engine();
        this.admin = new AccountAdmin(e.accounts(), e.oauthClients(), e.pendingConnections(), e.trail(), channels, settings,
                new AccountAdmin.HostUrls(() -> URI.create(base.get() + RestApi.BASE_PATH + "/accounts/callback"),
                        () -> URI.create(base.get() + PAGE)), clock);
    }

    public AccountAdmin admin() {
        return admin;
    }

    public ChannelDirectory channels() {
        return channels;
    }

    private static String base(ApplicationProperties application) {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
