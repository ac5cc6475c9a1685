package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.account.PendingConnections.Pending;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.core.secret.SecretException;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.account.AccountEntity;
import io.socialdesk.store.account.AccountSecretEntity;
import io.socialdesk.store.account.AoAccountStore;
import io.socialdesk.store.account.AoOAuthClientStore;
import io.socialdesk.store.account.AoPendingConnections;
import io.socialdesk.store.account.OAuthClientEntity;
import io.socialdesk.store.account.PendingConnectEntity;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.java.ao.RawEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts, their encrypted credentials, OAuth clients and started connections on the embedded HSQLDB and on PostgreSQL. */
class AccountStoresOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SecretBox box = SecretBox.of(SecretBox.newKey());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aConnectedAccountKeepsItsCredentialsSealedInTheirOwnTableAndOpensThemAgain(Database db) throws SQLException {
        AoAccountStore store = new AoAccountStore(db.ao(), box, clock);
        String token = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        String remoteId = "did:plc:" + UUID.randomUUID();
        Credentials credentials = new Credentials(token, refresh, NOW.plusSeconds(7200), Set.of("atproto"),
                Map.of("pds", "https://pds.example.org", "did", remoteId));

        Account account = store.connect(null, Network.BLUESKY, URI.create("https://pds.example.org"),
                new Connected(remoteId, "acme.bsky.social", "Acme", credentials), "laura", NOW);

        assertThat(account.connected()).isTrue();
        assertThat(account.handle()).isEqualTo("acme.bsky.social");
        assertThat(account.instance()).isEqualTo(URI.create("https://pds.example.org"));
        assertThat(account.remoteId()).isEqualTo(remoteId);
        assertThat(account.ownerKey()).isEqualTo("laura");
        assertThat(account.health().lastSuccessAt()).isEqualTo(NOW);
        assertThat(account.health().tokenExpiresAt()).as("a refreshable token does not end the connection").isNull();
        assertThat(account.health().scopes()).containsExactly("atproto");
        assertThat(store.find(account.id())).contains(account);
        assertThat(store.credentials(account.id())).contains(credentials);

        List<String> stored = new ArrayList<>();
        stored.addAll(columns(db, AccountSecretEntity.class));
        stored.addAll(columns(db, AccountEntity.class));
        assertThat(String.join("\n", stored)).doesNotContain(token).doesNotContain(refresh).contains("v1." + box.keyId() + ".");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void reconnectingTheSameRemoteAccountUpdatesItAndKeepsItsOwner(Database db) {
        AoAccountStore store = new AoAccountStore(db.ao(), box, clock);
        String remoteId = "1098" + UUID.randomUUID().hashCode();
        Account first = store.connect(null, Network.MASTODON, URI.create("https://mastodon.example"),
                new Connected(remoteId, "@acme@mastodon.example", "Acme", Credentials.bearer("old")), "laura", NOW);
        store.recordHealth(first.id(), AccountHealth.problem(NOW.plusSeconds(60), "revoked", "The token was revoked."));
        store.markAttention(first.id(), new TrackedItem(7, "SD-7", "/items/SD-7"));
        Account revoked = store.find(first.id()).orElseThrow();
        assertThat(revoked.connected()).isFalse();
        assertThat(revoked.health().problem()).isEqualTo("revoked");
        assertThat(revoked.health().lastCheckedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(revoked.attention()).isEqualTo(new TrackedItem(7, "SD-7", "/items/SD-7"));

        Account again = store.connect(null, Network.MASTODON, URI.create("https://mastodon.example"),
                new Connected(remoteId, "@acme@mastodon.example", "Acme Inc", Credentials.bearer("new")), "hugo", NOW.plusSeconds(120));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.ownerKey()).isEqualTo("laura");
        assertThat(again.connected()).isTrue();
        assertThat(again.displayName()).isEqualTo("Acme Inc");
        assertThat(again.health().problem()).isNull();
        assertThat(again.attention()).isNull();
        assertThat(store.credentials(first.id())).contains(Credentials.bearer("new"));
        Account elsewhere = store.connect(null, Network.MASTODON, URI.create("https://other.example"),
                new Connected(remoteId, "@acme@other.example", "Acme", Credentials.bearer("x")), "hugo", NOW);
        assertThat(elsewhere.id()).as("the same id on another instance is another account").isNotEqualTo(first.id());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void rotatedCredentialsReplaceTheOldOnesAndMoveTheEndOfTheConnection(Database db) {
        AoAccountStore store = new AoAccountStore(db.ao(), box, clock);
        Account account = store.connect(null, Network.FACEBOOK, null,
                new Connected("page-" + UUID.randomUUID(), "Acme", "Acme", new Credentials("t1", null, NOW.plusSeconds(86400), Set.of(), Map.of())),
                "laura", NOW);
        assertThat(account.health().tokenExpiresAt()).isEqualTo(NOW.plusSeconds(86400));

        Credentials fresh = new Credentials("t2", null, NOW.plusSeconds(60L * 86400), Set.of("pages_manage_posts"), Map.of());
        store.credentialSink().rotated(account.id(), fresh);

        assertThat(store.credentials(account.id())).contains(fresh);
        assertThat(store.find(account.id()).orElseThrow().health().tokenExpiresAt()).isEqualTo(NOW.plusSeconds(60L * 86400));
        assertThat(store.find(account.id()).orElseThrow().health().scopes()).containsExactly("pages_manage_posts");

        store.recordHealth(account.id(), AccountHealth.ok(NOW.plusSeconds(300), "x", "Acme Page", Set.of(), NOW.plusSeconds(30L * 86400)));
        Account checked = store.find(account.id()).orElseThrow();
        assertThat(checked.health().lastSuccessAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(checked.health().tokenExpiresAt()).as("the network says when a token nobody refreshes ends").isEqualTo(NOW.plusSeconds(30L * 86400));
        assertThat(checked.handle()).isEqualTo("Acme Page");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aCiphertextMovedToAnotherAccountDoesNotOpenAndRemovingAnAccountRemovesItsSecret(Database db) {
        AoAccountStore store = new AoAccountStore(db.ao(), box, clock);
        Account a = store.connect(null, Network.X, null, new Connected("x-" + UUID.randomUUID(), "@a", "A", Credentials.bearer("token-a")), "laura", NOW);
        Account b = store.connect(null, Network.X, null, new Connected("x-" + UUID.randomUUID(), "@b", "B", Credentials.bearer("token-b")), "laura", NOW);
        AccountSecretEntity secretA = db.ao().find(AccountSecretEntity.class, net.java.ao.Query.select().where("ACCOUNT_ID = ?", a.id()))[0];
        AccountSecretEntity secretB = db.ao().find(AccountSecretEntity.class, net.java.ao.Query.select().where("ACCOUNT_ID = ?", b.id()))[0];
        secretB.setCiphertext(secretA.getCiphertext());
        secretB.save();

        assertThatThrownBy(() -> store.credentials(b.id())).isInstanceOf(SecretException.class)
                .hasMessageContaining("account:" + b.id() + ":credentials").hasMessageNotContaining("token-a");

        store.remove(a.id());
        assertThat(store.find(a.id())).isEmpty();
        assertThat(store.credentials(a.id())).isEmpty();
        assertThat(store.list()).extracting(Account::id).doesNotContain(a.id()).contains(b.id());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void oauthClientsKeepTheirSecretSealedAndWriteOnly(Database db) throws SQLException {
        AoOAuthClientStore clients = new AoOAuthClientStore(db.ao(), box);
        String secret = "client-secret-" + UUID.randomUUID();
        Network network = db.config().isPostgres() ? Network.LINKEDIN : Network.THREADS;

        clients.configure(network, "client-1", secret, "admin", NOW);
        assertThat(clients.configured(network)).contains(new OAuthClient(null, "client-1", secret));
        clients.configure(network, "client-1", " ", "admin", NOW.plusSeconds(1));
        assertThat(clients.configured(network).orElseThrow().clientSecret()).as("a blank secret keeps the stored one").isEqualTo(secret);
        assertThat(clients.configuredClients()).contains(new OAuthClientStore.ClientSummary(network, "client-1", true, "admin", NOW.plusSeconds(1)));
        clients.configure(network, "client-2", null, "admin", NOW.plusSeconds(2));
        assertThat(clients.configured(network)).contains(new OAuthClient(null, "client-2", null));
        clients.configure(network, "client-2", secret, "admin", NOW.plusSeconds(3));

        URI instance = URI.create("https://mastodon-" + network.name().toLowerCase() + ".example");
        URI redirect = URI.create("https://social.example.org/rest/socialdesk/1.0/accounts/callback");
        clients.register(Network.MASTODON, new OAuthClient(instance, "app-1", "app-secret-1"), redirect, NOW);
        assertThat(clients.registered(Network.MASTODON, instance, redirect)).contains(new OAuthClient(instance, "app-1", "app-secret-1"));
        assertThat(clients.registered(Network.MASTODON, instance, URI.create("https://elsewhere.example/cb"))).isEmpty();

        assertThat(String.join("\n", columns(db, OAuthClientEntity.class))).doesNotContain(secret).doesNotContain("app-secret-1");
        clients.unconfigure(network);
        assertThat(clients.configured(network)).isEmpty();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aStartedConnectionIsUsedOnceAndItsVerifierIsSealed(Database db) throws SQLException {
        AoPendingConnections pending = new AoPendingConnections(db.ao(), box);
        String hash = "h" + UUID.randomUUID();
        String verifier = "verifier-" + UUID.randomUUID();
        Pending started = new Pending(hash, "laura", Network.X, null, verifier, URI.create("https://s.example/cb"), 12L, NOW, NOW.plusSeconds(600), null);

        pending.save(started);

        assertThat(pending.find(hash)).contains(started);
        assertThat(String.join("\n", columns(db, PendingConnectEntity.class))).doesNotContain(verifier);
        assertThat(pending.markUsed(hash, NOW.plusSeconds(5))).isTrue();
        assertThat(pending.markUsed(hash, NOW.plusSeconds(6))).isFalse();
        assertThat(pending.find(hash).orElseThrow().usedAt()).isEqualTo(NOW.plusSeconds(5));
        pending.purge(NOW.plusSeconds(601));
        assertThat(pending.find(hash)).isEmpty();
        assertThat(pending.markUsed("unknown", NOW)).isFalse();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void accountsSetUpByHandStillWorkAsBefore(Database db) {
        AoAccountStore store = new AoAccountStore(db.ao(), box, clock);
        Account added = store.add(Network.WEBHOOK, "https://hooks.example/" + UUID.randomUUID(), "Team chat");

        assertThat(added.connected()).isFalse();
        assertThat(added.health()).isEqualTo(Account.Health.NONE);
        assertThat(added.ownerKey()).isNull();
        assertThat(store.list()).contains(added);
        assertThat(store.credentials(added.id())).isEmpty();

        String handle = "acme-" + UUID.randomUUID() + ".bsky.social";
        Account byHand = store.add(Network.BLUESKY, handle, "Acme");
        Account connected = store.connect(null, Network.BLUESKY, null, new Connected("did:plc:" + UUID.randomUUID(), handle.toUpperCase(), "Acme",
                Credentials.bearer("t")), "admin", NOW);
        assertThat(connected.id()).as("the account set up by hand is the one connected").isEqualTo(byHand.id());
        assertThat(connected.ownerKey()).isEqualTo("admin");
    }

    /** Every value of every row of the entity's table, read with plain SQL. */
    private static List<String> columns(Database db, Class<? extends RawEntity<?>> entity) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT * FROM \"" + db.tableName(entity) + "\"")) {
            int n = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= n; i++) {
                    Object value = rows.getObject(i);
                    values.add(value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : String.valueOf(value));
                }
            }
        }
        return values;
    }
}
