package io.socialdesk.web.account;

import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountChecks;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.account.PendingConnections;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.user.User;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Everything both hosts offer around accounts, assembled once: the connect flow, checks, OAuth clients and
 * the account settings, with the two addresses only the host knows (its OAuth callback and its accounts page).
 * The REST resource and the pages call this; each host builds one.
 */
public final class AccountAdmin {
    /** Where the network sends the browser back (absolute, registered with the network) and where the accounts page is. */
    public record HostUrls(Supplier<URI> callback, Supplier<URI> accountsPage) {
    }

    private final AccountStore accounts;
    private final OAuthClientStore clients;
    private final ChannelDirectory channels;
    private final AccountSettings settings;
    private final HostUrls urls;
    private final ConnectFlow flow;
    private final AccountChecks checks;
    private final Clock clock;

    public AccountAdmin(AccountStore accounts, OAuthClientStore clients, PendingConnections pending, AuditTrail trail, ChannelDirectory channels,
            AccountSettings settings, HostUrls urls, Clock clock) {
        this(accounts, clients, pending, trail, channels, settings, urls, () -> policyFrom(settings), clock);
    }

    /** {@code addresses}: which server addresses may be connected; tests against a local fake network allow plain http. */
    public AccountAdmin(AccountStore accounts, OAuthClientStore clients, PendingConnections pending, AuditTrail trail, ChannelDirectory channels,
            AccountSettings settings, HostUrls urls, Supplier<AddressPolicy> addresses, Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.channels = channels;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
        this.flow = new ConnectFlow(channels, accounts, clients, pending, trail, addresses, clock);
        this.checks = new AccountChecks(accounts, channels, clock);
    }

    /** https only; private addresses as the admin set. */
    public static AddressPolicy policyFrom(AccountSettings settings) {
        return new AddressPolicy(settings.allowPrivateAddresses(), false);
    }

    public AccountStore accounts() { return accounts; }
    public OAuthClientStore clients() { return clients; }
    public ChannelDirectory channels() { return channels; }
    public AccountSettings settings() { return settings; }
    public HostUrls urls() { return urls; }
    public ConnectFlow flow() { return flow; }
    public AccountChecks checks() { return checks; }
    public Clock clock() { return clock; }

    /** Starts an OAuth connection from this host; answers where to send the browser. */
    public URI startConnecting(Network network, String instance, User user, Long accountId) {
        return flow.start(network, instance, user, urls.callback().get(), accountId);
    }

    /** Checks one account now (admins and its owner). */
    public AccountChecks.Result check(long accountId, User user) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
        AccountPermissions.requireManage(user, account, "check");
        return checks.check(account);
    }

    /** Sets a network's OAuth client (admins); a blank secret keeps the stored one when the id is unchanged. */
    public OAuthClientStore.ClientSummary configureClient(Network network, String clientId, String clientSecret, User user) {
        AccountPermissions.requireAdmin(user, "set the OAuth clients");
        if (network == Network.WEBHOOK || (channels.of(network).isPresent() && !(channels.connection(network).orElse(null) instanceof Connection.OAuth))) {
            throw new InvalidInputException("network", "no-oauth", network.label() + " does not connect with OAuth: it needs no client.");
        }
        String id = clientId == null ? "" : clientId.strip();
        if (id.isEmpty()) throw new InvalidInputException("clientId", "required", "Give the client id " + network.label() + " issued for Social Desk.");
        if (id.length() > 500) throw new InvalidInputException("clientId", "too-long", "The client id has at most 500 characters.");
        if (clientSecret != null && clientSecret.strip().length() > 2000) {
            throw new InvalidInputException("clientSecret", "too-long", "The client secret has at most 2000 characters.");
        }
        clients.configure(network, id, clientSecret == null ? null : clientSecret.strip(), user.key(), clock.instant());
        return clients.configuredClients().stream().filter(c -> c.network() == network).findFirst().orElseThrow();
    }

    /** Changes the account settings (admins; Jira only, the server sets them on its command line). */
    public void saveSettings(Boolean allowPrivateAddresses, Integer warningDays, User user) {
        AccountPermissions.requireAdmin(user, "change the account settings");
        if (allowPrivateAddresses == null) throw new InvalidInputException("allowPrivateAddresses", "required", "Say whether private addresses are allowed.");
        if (warningDays == null) throw new InvalidInputException("warningDays", "required", "Say how many days before a connection ends to warn.");
        AccountSettings.check(warningDays);
        settings.save(allowPrivateAddresses, warningDays);
    }
}
