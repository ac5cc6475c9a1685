package io.socialdesk.core.memory;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Pkce;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network played in memory, for the tests of what is built around connectors (the connect flow, checks,
 * the health job, the pages). It connects by OAuth (checking the PKCE pair and the code it issued) or with an
 * app password, answers checks with what the test sets, and counts every call. Its tokens and secrets are
 * distinctive strings so that tests can look for them in logs and answers.
 */
public final class FakeChannel implements Channel {
    public static final String CODE = "fake-authorization-code";
    public static final String APP_PASSWORD = "fake-app-password-7k3q-9x2m";

    private final Network network;
    private final Connection connection;
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile Instant expiresAt;
    private volatile String remoteId = "1001";
    private volatile String handle = "@acme";
    private volatile AccountHealth health;
    private volatile Instant nextAllowedAt = Instant.EPOCH;
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private final Set<String> challenges = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile URI lastAuthorization;
    public final AtomicInteger registrations = new AtomicInteger();
    public final AtomicInteger exchanges = new AtomicInteger();
    public final AtomicInteger logins = new AtomicInteger();
    public final AtomicInteger checks = new AtomicInteger();
    public final List<String> verifiersSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeChannel(Network network, boolean oauth) {
        this.network = network;
        this.accessToken = "fake-access-token-" + network.name().toLowerCase() + "-Qz81";
        this.refreshToken = oauth ? "fake-refresh-token-" + network.name().toLowerCase() + "-Lp44" : null;
        this.connection = oauth ? new OAuthPart() : new AppPasswordPart();
    }

    /** Connects by OAuth; with an instance (Mastodon) it registers an app there, elsewhere it needs the configured client. */
    public static FakeChannel oauth(Network network) {
        return new FakeChannel(network, true);
    }

    public static FakeChannel appPassword(Network network) {
        return new FakeChannel(network, false);
    }

    public FakeChannel issuing(String access, String refresh, Instant expires) {
        this.accessToken = access;
        this.refreshToken = refresh;
        this.expiresAt = expires;
        return this;
    }

    public FakeChannel as(String remote, String name) {
        this.remoteId = remote;
        this.handle = name;
        return this;
    }

    /** What the next checks answer (null: working, as of the check's time). */
    public FakeChannel answeringChecks(AccountHealth answer) {
        this.health = answer;
        return this;
    }

    /** The clock its checks are dated by. */
    /** The limits the fake network publishes for every account (null: none). */
    public FakeChannel publishing(io.socialdesk.core.channel.NetworkLimits published) {
        this.published = published;
        return this;
    }

    private volatile io.socialdesk.core.channel.NetworkLimits published;

    @Override
    public java.util.Optional<io.socialdesk.core.channel.NetworkLimits> limits(ChannelAccount account) {
        return java.util.Optional.ofNullable(published);
    }

    public FakeChannel timedBy(java.time.Clock time) {
        this.clock = time;
        return this;
    }

    public FakeChannel notBefore(Instant at) {
        this.nextAllowedAt = at;
        return this;
    }

    public URI lastAuthorization() {
        return lastAuthorization;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    private Connected connected(URI instance) {
        return new Connected(remoteId, handle, "Acme on " + network.label(),
                new Credentials(accessToken, refreshToken, expiresAt, Set.of("write"), instance == null ? Map.of() : Map.of("pds", instance.toString())));
    }

    private final class OAuthPart implements Connection.OAuth {
        @Override
        public OAuthClient client(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure {
            if (instance == null) {
                if (configured == null) throw new ConnectFailure("client-not-configured", "No client.");
                return configured;
            }
            int n = registrations.incrementAndGet();
            return new OAuthClient(instance, "registered-client-" + n, "fake-registered-secret-" + n + "-Hh2w");
        }

        @Override
        public URI authorizationUri(OAuthClient client, Connection.AuthorizationRequest request) {
            challenges.add(request.codeChallenge());
            lastAuthorization = URI.create("https://auth.fake.example/authorize?client_id=" + enc(client.clientId()) + "&state=" + enc(request.state())
                    + "&code_challenge=" + enc(request.codeChallenge()) + "&code_challenge_method=S256&redirect_uri=" + enc(request.redirect().toString()));
            return lastAuthorization;
        }

        @Override
        public Connected exchange(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
            exchanges.incrementAndGet();
            verifiersSeen.add(codeVerifier);
            if (!CODE.equals(code)) throw new ConnectFailure("invalid-grant", network.label() + " refused the authorization code.");
            if (!challenges.contains(Pkce.of(codeVerifier).challenge())) throw new ConnectFailure("pkce-mismatch", "The PKCE verifier does not match.");
            return connected(client.instance());
        }

        @Override
        public Credentials refresh(OAuthClient client, Credentials current) throws ConnectFailure {
            throw new ConnectFailure("no-refresh", "Not in this fake.");
        }
    }

    private final class AppPasswordPart implements Connection.AppPassword {
        @Override
        public Connected login(URI instance, String identifier, String appPassword) throws ConnectFailure {
            logins.incrementAndGet();
            if (!APP_PASSWORD.equals(appPassword)) {
                throw new ConnectFailure("invalid-credentials", "The handle or app password was not accepted.");
            }
            remoteId = "did:plc:" + identifier.replaceAll("[^a-z0-9]", "");
            handle = identifier;
            return connected(instance);
        }
    }

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        return new Outcome.Failed("not-supported", "The fake network does not publish.");
    }

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        return new Outcome.Unknown("The fake network does not publish.");
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        return new Outcome.Sent(post);
    }

    @Override
    public Set<Stream> streams() {
        return Set.of();
    }

    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return ImportBatch.of(new ArrayList<>(), cursor, false);
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        checks.incrementAndGet();
        AccountHealth answer = health;
        return answer != null ? answer : AccountHealth.ok(clock.instant(), account.remoteId(), account.handle(), account.credentials().scopes(),
                account.credentials().expiresAt());
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return nextAllowedAt;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
