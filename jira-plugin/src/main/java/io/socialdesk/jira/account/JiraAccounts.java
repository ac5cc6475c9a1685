package io.socialdesk.jira.account;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.account.Network;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.rest.RestApi;
import java.net.URI;
import io.socialdesk.core.account.AccountHealthJob;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.jira.notification.JiraNotifier;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import java.time.Clock;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The shared account operations ({@link AccountAdmin}) wired for Jira: the engine's stores, the connectors
 * (none yet: each network's connector is added here as it is built), the settings from the plugin settings, and
 * Jira's addresses: the OAuth callback under Jira's canonical base URL and the accounts admin page. Also the
 * account health job, which opens "Social account" issues for owners.
 */
@Named
public final class JiraAccounts {
    public static final String PAGE = "/plugins/servlet/socialdesk/accounts";

    private final AccountAdmin admin;
    private final ChannelDirectory channels;
    private final AccountHealthJob healthJob;

    @Inject
    public JiraAccounts(SocialDeskEngine engine, JiraAccountSettings settings, ApplicationProperties application, JiraIssueTracker tracker,
            JiraNotifier notifier) {
        this(engine, settings, () -> base(application), standardChannels(engine, settings), tracker, notifier, Clock.systemUTC());
    }

    JiraAccounts(SocialDeskEngine engine, AccountSettings settings, Supplier<String> base, ChannelDirectory channels, IssueTracker tracker,
            Notifier notifier, Clock clock) {
        this.channels = channels;
        var e = engine.engine();
        this.admin = new AccountAdmin(e.accounts(), e.oauthClients(), e.pendingConnections(), e.trail(), channels, settings,
                new AccountAdmin.HostUrls(() -> URI.create(base.get() + RestApi.BASE_PATH + "/accounts/callback"),
                        () -> URI.create(base.get() + PAGE)), clock);
        this.healthJob = new AccountHealthJob(e.accounts(), admin.checks(), settings, tracker, notifier, clock, AccountHealthJob.INTERVAL);
    }

    /** Checks the accounts and opens a ticket for each owner who must reconnect one; scheduled by {@code JobScheduling}. */
    public AccountHealthJob healthJob() {
        return healthJob;
    }

    public AccountAdmin admin() {
        return admin;
    }

    public ChannelDirectory channels() {
        return channels;
    }

    /** Every connector, calling only the addresses the admin's setting allows at the time of the call. */
    private static ChannelDirectory standardChannels(SocialDeskEngine engine, AccountSettings settings) {
        var e = engine.engine();
        return ChannelDirectory.standard(new HttpCalls(() -> AccountAdmin.policyFrom(settings)), e.accounts().credentialSink(), Clock.systemUTC(),
                () -> e.oauthClients().configured(Network.X).orElse(null));
    }

    private static String base(ApplicationProperties application) {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
