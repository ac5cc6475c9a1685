package io.socialdesk.web.account;

import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.account.PendingConnections;
import io.socialdesk.core.account.PendingConnections.Pending;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Pkce;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.user.User;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Connecting an account, the same in both hosts. OAuth: {@link #start} checks the server address, finds the
 * OAuth client (registered on the instance for Mastodon, the admin's configured one elsewhere), keeps a random
 * single-use state bound to the person (10 minutes) with a PKCE verifier (sealed by the store) and answers where
 * to send the browser; {@link #callback} checks the state, exchanges the code and stores the account with its
 * credentials (sealed). App passwords: {@link #connectWithAppPassword}. Every refusal is an
 * {@link InvalidInputException} naming the field and the rule (a 400), or a {@code NotAllowedException} saying
 * who may (a 403); no message ever holds a token, a secret or a verifier.
 */
public final class ConnectFlow {
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Says who connected or removed which account, and which rule refused a connection; never a value a person typed or a network sent. */
    private static final System.Logger LOG = System.getLogger(ConnectFlow.class.getName());
    private static final Set<String> ADDRESS_RULES = Set.of("url-absolute", "https-only", "no-credentials-in-url", "address-not-allowed",
            "unknown-host", "server-root", "not-an-instance", "network-unreachable");

    private final Channels channels;
    private final AccountStore accounts;
    private final OAuthClientStore clients;
    private final PendingConnections pending;
    private final AuditTrail trail;
    private final Supplier<AddressPolicy> addresses;
    private final Clock clock;

    public ConnectFlow(Channels channels, AccountStore accounts, OAuthClientStore clients, PendingConnections pending, AuditTrail trail,
            Supplier<AddressPolicy> addresses, Clock clock) {
        this.channels = channels;
        this.accounts = accounts;
        this.clients = clients;
        this.pending = pending;
        this.trail = trail;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * Starts an OAuth connection for {@code user} and answers the network's authorization address.
     * {@code accountId}: the account to reconnect, or null for a new one. {@code redirect}: this host's callback.
     */
    public URI start(Network network, String instanceText, User user, URI redirect, Long accountId) {
        authorize(user, accountId, network);
        Connection.OAuth oauth = oauth(network);
        URI instance = InstanceAddress.check(network, instanceText, addresses.get());
        OAuthClient client = clientFor(network, oauth, instance, redirect, true);
        String state = random();
        Pkce pkce = Pkce.create();
        Instant now = clock.instant();
        pending.purge(now);
        pending.save(new Pending(hash(state), user.key(), network, instance, pkce.verifier(), redirect, accountId, now, now.plus(STATE_LIFETIME), null));
        URI target;
        try {
            target = oauth.authorizationUri(client, new Connection.AuthorizationRequest(state, pkce.challenge(), redirect));
        } catch (RuntimeException e) {
            throw unusable(network, "network");
        }
        if (target == null || !"https".equalsIgnoreCase(target.getScheme()) && !addresses.get().allowHttp()) {
            throw new InvalidInputException("network", "bad-authorization-address", network.label() + "'s connector gave no usable sign-in address.");
        }
        return target;
    }

    /**
     * Finishes an OAuth connection: the state must be known, not used, not expired and started by {@code user};
     * {@code error} is what the network says when the person refused. Answers the connected account.
     */
    public Account callback(String state, String code, String error, User user) {
        if (state == null || state.isBlank()) throw new InvalidInputException("state", "required", "The network sent no state back; start connecting again.");
        Pending started = pending.find(hash(state.strip()))
                .orElseThrow(() -> new InvalidInputException("state", "unknown-state", "This sign-in is unknown here (or was cleaned up); start connecting again."));
        Instant now = clock.instant();
        if (!started.userKey().equals(user.key())) {
            throw new InvalidInputException("state", "another-user", "This connection was started by someone else; start it again yourself.");
        }
        if (started.usedAt() != null) throw stateUsed();
        if (now.isAfter(started.expiresAt())) {
            throw new InvalidInputException("state", "state-expired", "More than " + STATE_LIFETIME.toMinutes()
                    + " minutes passed since connecting started; start again.");
        }
        if (!pending.markUsed(started.stateHash(), now)) throw stateUsed();
        Network network = started.network();
        if (error != null && !error.isBlank()) {
            String said = error.strip().replaceAll("[^A-Za-z0-9_.-]", "");
            throw new InvalidInputException("code", "access-denied", network.label() + " did not grant access"
                    + (said.isEmpty() ? "" : " (" + said.substring(0, Math.min(said.length(), 60)) + ")") + ".");
        }
        if (code == null || code.isBlank()) throw new InvalidInputException("code", "required", network.label() + " sent no authorization code back.");
        Connection.OAuth oauth = oauth(network);
        OAuthClient client = clientFor(network, oauth, started.instance(), started.redirect(), false);
        Connected connected;
        try {
            connected = oauth.exchange(client, code.strip(), started.verifier(), started.redirect());
        } catch (ConnectFailure failure) {
            throw refused(failure, "code");
        } catch (RuntimeException e) {
            throw unusable(network, "code");
        }
        return store(network, started.instance(), connected, user, started.accountId());
    }

    /** Connects with an identifier (handle or e-mail) and an app password (Bluesky). */
    public Account connectWithAppPassword(Network network, String instanceText, String identifier, String appPassword, User user, Long accountId) {
        authorize(user, accountId, network);
        Channel channel = channel(network);
        if (!(channel.connection() instanceof Connection.AppPassword login)) {
            throw new InvalidInputException("network", "use-oauth", network.label() + " connects by signing in on " + network.label()
                    + " (OAuth), not with an app password.");
        }
        URI instance = InstanceAddress.check(network, instanceText, addresses.get());
        if (identifier == null || identifier.isBlank()) {
            throw new InvalidInputException("identifier", "required", "Give the account's handle or e-mail address.");
        }
        if (appPassword == null || appPassword.isBlank()) {
            throw new InvalidInputException("password", "required", "Give an app password made for Social Desk in the account's settings.");
        }
        Connected connected;
        try {
            connected = login.login(instance, identifier.strip(), appPassword.strip());
        } catch (ConnectFailure failure) {
            throw refused(failure, "password");
        } catch (RuntimeException e) {
            throw unusable(network, "password");
        }
        return store(network, instance, connected, user, accountId);
    }

    /** Removes an account and its credentials (admins and its owner), and says so in the audit trail. */
    public void remove(long accountId, User user) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
        AccountPermissions.requireManage(user, account, "remove");
        accounts.remove(accountId);
        trail.append(AuditEvent.account(accountId, account.handle(), account.network(), clock.instant(), user.key(), AuditKind.ACCOUNT_REMOVED));
        LOG.log(System.Logger.Level.INFO, "Account " + accountId + " (" + account.network().label() + ") removed by " + user.key());
    }

    private Account store(Network network, URI instance, Connected connected, User user, Long accountId) {
        if (connected == null) throw unusable(network, "network");
        if (accountId != null) {
            Account target = accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
            if (target.remoteId() != null && !target.remoteId().equals(connected.remoteId())) {
                throw new InvalidInputException("account", "another-account", "You signed in as " + connected.handle() + ", but this is "
                        + target.label() + ": sign in to " + network.label() + " as " + target.handle() + ".");
            }
        }
        Account account = accounts.connect(accountId, network, instance, connected, user.key(), clock.instant());
        trail.append(AuditEvent.account(account.id(), account.handle(), network, clock.instant(), user.key(), AuditKind.ACCOUNT_CONNECTED));
        LOG.log(System.Logger.Level.INFO, "Account " + account.id() + " (" + network.label() + ") connected by " + user.key());
        return account;
    }

    private void authorize(User user, Long accountId, Network network) {
        if (accountId == null) {
            AccountPermissions.requireConnect(user);
            return;
        }
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
        AccountPermissions.requireManage(user, account, "reconnect");
        if (account.network() != network) {
            throw new InvalidInputException("network", "same-network", account.label() + " is on " + account.network().label() + ", not "
                    + network.label() + ".");
        }
    }

    /**
     * Mastodon: the app registered on this instance for this redirect, else registered now and kept. Elsewhere: the
     * admin's configured client, which must exist. At the callback ({@code mayRegister} false) nothing is registered.
     */
    private OAuthClient clientFor(Network network, Connection.OAuth oauth, URI instance, URI redirect, boolean mayRegister) {
        OAuthClient configured = clients.configured(network).orElse(null);
        if (instance == null && configured == null) {
            throw new InvalidInputException("clientId", "client-not-configured", "No OAuth client is set for " + network.label()
                    + ": an admin enters its client id and secret under OAuth clients on the accounts page.");
        }
        if (instance == null) return configured;
        Optional<OAuthClient> registered = clients.registered(network, instance, redirect);
        if (registered.isPresent()) return registered.get();
        if (!mayRegister) {
            throw new InvalidInputException("state", "client-gone", "Social Desk's app on " + instance.getHost() + " is no longer known; start again.");
        }
        OAuthClient client;
        try {
            client = oauth.client(instance, redirect, configured);
        } catch (ConnectFailure failure) {
            throw refused(failure, "instance");
        } catch (RuntimeException e) {
            throw unusable(network, "instance");
        }
        if (client == null) throw unusable(network, "instance");
        if (!client.equals(configured)) clients.register(network, new OAuthClient(instance, client.clientId(), client.clientSecret()), redirect, clock.instant());
        return client;
    }

    private Channel channel(Network network) {
        return channels.of(network).orElseThrow(() -> new InvalidInputException("network", "no-connector",
                "Social Desk has no connector for " + network.label() + " yet."));
    }

    private Connection.OAuth oauth(Network network) {
        Connection connection = channel(network).connection();
        if (connection instanceof Connection.OAuth oauth) return oauth;
        throw new InvalidInputException("network", "use-app-password", network.label()
                + " connects with a handle and an app password, not by signing in on " + network.label() + ".");
    }

    /** A connector's refusal, with the field it is about: the address rules are about the server address. */
    private static InvalidInputException refused(ConnectFailure failure, String field) {
        String rule = Objects.requireNonNullElse(failure.rule(), "connect-failed");
        LOG.log(System.Logger.Level.INFO, "A connection was refused by the network: " + field + " / " + rule);
        String message = failure.getMessage() == null || failure.getMessage().isBlank() ? "Connecting failed." : failure.getMessage();
        return new InvalidInputException(ADDRESS_RULES.contains(rule) || rule.startsWith("instance") ? InstanceAddress.FIELD : field, rule, message);
    }

    /** A connector broke its contract (it threw): its message is not shown, as it might quote a response. */
    private static InvalidInputException unusable(Network network, String field) {
        LOG.log(System.Logger.Level.WARNING, "The " + network.label() + " connector failed while connecting (" + field + "): it threw instead of answering");
        return new InvalidInputException(field, "network-error", network.label() + " answered in a way Social Desk could not use; try again later.");
    }

    private static InvalidInputException stateUsed() {
        return new InvalidInputException("state", "state-used", "This connection was already finished; start again to connect another account.");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only this hash is stored: the state itself lives in the browser and the network's redirect. */
    public static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
