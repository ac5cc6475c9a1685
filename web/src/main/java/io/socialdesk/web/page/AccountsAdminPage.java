package io.socialdesk.web.page;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.user.User;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.account.AccountPermissions;
import io.socialdesk.web.account.InstanceAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts admin page, shared by both hosts: every account with its owner and health (last success, when its
 * connection ends, the problem, the ticket opened for it), a connect form per network that has a connector (OAuth,
 * or handle and app password), and for admins the OAuth clients and the settings. {@code accounts-admin.js} calls
 * the accounts API and shows each problem next to its field. Dates in the viewer's zone and language.
 */
public final class AccountsAdminPage {
    public static final String TEMPLATE = "templates/socialdesk/accounts-admin.vm";
    /** The networks whose OAuth client an admin enters (Mastodon registers itself on each instance; Bluesky uses app passwords). */
    static final List<Network> CONFIGURED_CLIENTS = List.of(Network.X, Network.LINKEDIN, Network.FACEBOOK, Network.INSTAGRAM, Network.THREADS);
    /** Callback refusals the page explains in its own words; any other rule is named as the network gave it. */
    static final Set<String> EXPLAINED = Set.of("unknown-state", "state-used", "state-expired", "another-user", "access-denied", "another-account",
            "not-allowed", "required");

    private AccountsAdminPage() {}

    /**
     * {@code connected}, {@code error}: the callback's result, from the page's query (a new account's id, or the rule
     * that refused it).
     */
    public static Map<String, Object> context(AccountAdmin admin, User viewer, Locale locale, String restBase, String connected, String error) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        Instant now = admin.clock().instant();
        int warningDays = admin.settings().warningDays();
        List<Account> accounts = admin.accounts().list();
        List<Row> rows = accounts.stream().map(a -> new Row(a, viewer, viewer.zone(), format, now, warningDays)).toList();
        Map<String, Object> context = new HashMap<>();
        context.put("restBase", restBase);
        context.put("accounts", rows);
        context.put("noAccounts", rows.isEmpty());
        List<ConnectOption> options = new ArrayList<>();
        if (AccountPermissions.mayConnect(viewer)) {
            for (Network n : admin.channels().networks()) admin.channels().connection(n).ifPresent(c -> options.add(new ConnectOption(n, c)));
        }
        context.put("connectOptions", options);
        context.put("mayConnect", AccountPermissions.mayConnect(viewer));
        context.put("noConnectors", admin.channels().networks().isEmpty());
        boolean isAdmin = viewer.has(io.socialdesk.core.user.Role.ADMIN);
        context.put("isAdmin", isAdmin);
        List<ClientForm> clients = new ArrayList<>();
        if (isAdmin) {
            List<OAuthClientStore.ClientSummary> configured = admin.clients().configuredClients();
            for (Network n : CONFIGURED_CLIENTS) {
                Optional<OAuthClientStore.ClientSummary> summary = configured.stream().filter(c -> c.network() == n).findFirst();
                clients.add(new ClientForm(n, summary.orElse(null), admin.channels().of(n).isPresent(), viewer.zone(), format));
            }
        }
        context.put("clients", clients);
        context.put("settings", new SettingsForm(admin.settings()));
        context.put("result", Result.of(connected, error, accounts));
        return context;
    }

    private static String when(Instant at, ZoneId zone, DateTimeFormatter format) {
        return at == null ? "" : at.atZone(zone).format(format);
    }

    /** One account as the table shows it. */
    public static final class Row {
        private final Account account;
        private final boolean mayManage;
        private final String lastSuccess;
        private final String tokenExpires;
        private final boolean endsSoon;

        Row(Account account, User viewer, ZoneId zone, DateTimeFormatter format, Instant now, int warningDays) {
            this.account = account;
            this.mayManage = AccountPermissions.mayManage(viewer, account);
            this.lastSuccess = when(account.health().lastSuccessAt(), zone, format);
            this.tokenExpires = when(account.health().tokenExpiresAt(), zone, format);
            Instant end = account.health().tokenExpiresAt();
            this.endsSoon = end != null && end.isBefore(now.plus(Duration.ofDays(warningDays)));
        }

        public long getId() { return account.id(); }
        public String getNetwork() { return account.network().name(); }
        public String getNetworkLabel() { return account.network().label(); }
        public String getHandle() { return account.handle(); }
        public String getDisplayName() { return account.displayName(); }
        public String getInstance() { return account.instance() == null ? "" : account.instance().toString(); }
        public boolean getHasInstance() { return account.instance() != null; }
        public String getOwner() { return account.ownerKey() == null ? "" : account.ownerKey(); }
        public boolean getConnected() { return account.connected(); }
        public boolean getHasProblem() { return account.health().problem() != null; }
        public String getProblem() { return account.health().problem() == null ? "" : account.health().problem(); }
        public String getProblemDetail() { return account.health().problemDetail() == null ? "" : account.health().problemDetail(); }

        public String getStatusKey() {
            if (account.health().problem() != null || endsSoon) return "socialdesk.accounts.status.problem";
            return account.connected() ? "socialdesk.accounts.status.connected" : "socialdesk.accounts.status.not_connected";
        }

        public String getLastSuccess() { return lastSuccess; }
        public boolean getHasLastSuccess() { return !lastSuccess.isEmpty(); }
        public String getTokenExpires() { return tokenExpires; }
        public boolean getHasTokenExpiry() { return !tokenExpires.isEmpty(); }
        public boolean getEndsSoon() { return endsSoon; }
        public boolean getHasAttention() { return account.attention() != null; }
        public String getAttentionKey() { return account.attention() == null ? "" : account.attention().key(); }
        public String getAttentionUrl() { return account.attention() == null ? "" : account.attention().url(); }
        public boolean getMayManage() { return mayManage; }
    }

    /** A network people may connect an account of, and how. */
    public static final class ConnectOption {
        private final Network network;
        private final Connection connection;

        ConnectOption(Network network, Connection connection) {
            this.network = network;
            this.connection = connection;
        }

        public String getNetwork() { return network.name(); }
        public String getLabel() { return network.label(); }
        public boolean getOauth() { return connection instanceof Connection.OAuth; }
        public boolean getAppPassword() { return connection instanceof Connection.AppPassword; }
        public boolean getAsksInstance() { return InstanceAddress.asked(network); }
        public boolean getRequiresInstance() { return InstanceAddress.required(network); }
        public String getInstanceHintKey() { return "socialdesk.accounts.instance." + network.name().toLowerCase(Locale.ROOT); }
    }

    /** One network's OAuth client as the admin form shows it: never the secret, only whether one is stored. */
    public static final class ClientForm {
        private final Network network;
        private final OAuthClientStore.ClientSummary summary;
        private final boolean hasConnector;
        private final String updated;

        ClientForm(Network network, OAuthClientStore.ClientSummary summary, boolean hasConnector, ZoneId zone, DateTimeFormatter format) {
            this.network = network;
            this.summary = summary;
            this.hasConnector = hasConnector;
            this.updated = summary == null ? "" : when(summary.updatedAt(), zone, format);
        }

        public String getNetwork() { return network.name(); }
        public String getLabel() { return network.label(); }
        public String getClientId() { return summary == null ? "" : summary.clientId(); }
        public boolean getHasSecret() { return summary != null && summary.hasSecret(); }
        public boolean getHasConnector() { return hasConnector; }
        public boolean getConfigured() { return summary != null; }
        public String getUpdatedBy() { return summary == null || summary.updatedBy() == null ? "" : summary.updatedBy(); }
        public String getUpdated() { return updated; }
    }

    /** The account settings; {@code editable} in Jira, set on the command line on the server. */
    public static final class SettingsForm {
        private final AccountSettings settings;

        SettingsForm(AccountSettings settings) {
            this.settings = settings;
        }

        public boolean getAllowPrivateAddresses() { return settings.allowPrivateAddresses(); }
        public int getWarningDays() { return settings.warningDays(); }
        public boolean getEditable() { return settings.setElsewhere().isEmpty(); }
        public String getSetElsewhere() { return settings.setElsewhere().orElse(""); }
    }

    /** What the OAuth callback reported, from the page's query. */
    public static final class Result {
        private final boolean shown;
        private final boolean success;
        private final String messageKey;
        private final String argument;

        private Result(boolean shown, boolean success, String messageKey, String argument) {
            this.shown = shown;
            this.success = success;
            this.messageKey = messageKey;
            this.argument = argument;
        }

        static Result of(String connected, String error, List<Account> accounts) {
            if (connected != null && connected.matches("\\d{1,18}")) {
                long id = Long.parseLong(connected);
                Optional<Account> account = accounts.stream().filter(a -> a.id() == id).findFirst();
                if (account.isPresent()) return new Result(true, true, "socialdesk.accounts.result.connected", account.get().label());
            }
            if (error != null && !error.isBlank()) {
                String rule = error.strip().matches("[a-z0-9-]{1,40}") ? error.strip() : "unknown";
                return EXPLAINED.contains(rule) ? new Result(true, false, "socialdesk.accounts.error." + rule, rule)
                        : new Result(true, false, "socialdesk.accounts.error.generic", rule);
            }
            return new Result(false, false, "", "");
        }

        public boolean getShown() { return shown; }
        public boolean getSuccess() { return success; }
        public String getMessageKey() { return messageKey; }
        public String getArgument() { return argument; }
    }
}
