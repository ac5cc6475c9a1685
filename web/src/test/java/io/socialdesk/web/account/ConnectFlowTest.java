package io.socialdesk.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Pkce;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ConnectFlowTest {
    static final URI REDIRECT = URI.create("https://social.example.org/rest/socialdesk/1.0/accounts/callback");
    final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-11-22T10:00:00Z"));
    final MemoryStores stores = new MemoryStores();
    final FakeChannel x = FakeChannel.oauth(Network.X).issuing("x-access-Tt9", "x-refresh-Rr7", Instant.parse("2026-11-22T12:00:00Z"));
    final FakeChannel mastodon = FakeChannel.oauth(Network.MASTODON).as("109", "@acme@mastodon.example");
    final FakeChannel bluesky = FakeChannel.appPassword(Network.BLUESKY);
    AddressPolicy policy = AddressPolicy.PUBLIC_HTTPS;
    final ConnectFlow flow = new ConnectFlow(ChannelDirectory.of(List.of(x, mastodon, bluesky)), stores.accounts, stores.oauthClients, stores.pending,
            stores.trail, () -> policy, clock);
    final User laura = new User("laura", "Laura", Set.of(Role.MARKETING_LEAD), ZoneId.of("Europe/Paris"));
    final User marc = new User("marc", "Marc", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("Europe/Paris"));
    final User admin = new User("admin", "Admin", Set.of(Role.ADMIN), ZoneId.of("UTC"));
    final User hugo = new User("hugo", "Hugo", Set.of(Role.MARKETING_LEAD), ZoneId.of("UTC"));

    @Test
    void anOAuthConnectionSendsTheBrowserWithAStateAndAChallengeAndTheCallbackStoresTheAccount() {
        stores.oauthClients.configure(Network.X, "x-client", "x-client-secret-Ss1", "admin", clock.instant());

        URI authorize = flow.start(Network.X, "", laura, REDIRECT, null);

        Map<String, String> query = query(authorize);
        assertThat(authorize.getHost()).isEqualTo("auth.fake.example");
        assertThat(query).containsEntry("client_id", "x-client").containsEntry("redirect_uri", REDIRECT.toString());
        String state = query.get("state");
        assertThat(state).hasSizeGreaterThanOrEqualTo(43);
        assertThat(stores.pending.find(ConnectFlow.hash(state))).hasValueSatisfying(p -> {
            assertThat(p.userKey()).isEqualTo("laura");
            assertThat(p.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
            assertThat(Pkce.of(p.verifier()).challenge()).isEqualTo(query.get("code_challenge"));
        });

        Account account = flow.callback(state, FakeChannel.CODE, null, laura);

        assertThat(account.network()).isEqualTo(Network.X);
        assertThat(account.connected()).isTrue();
        assertThat(account.ownerKey()).isEqualTo("laura");
        assertThat(stores.accounts.credentials(account.id())).hasValueSatisfying(c -> {
            assertThat(c.accessToken()).isEqualTo("x-access-Tt9");
            assertThat(c.refreshToken()).isEqualTo("x-refresh-Rr7");
        });
        assertThat(stores.trail.list(AuditEvent.NO_POST)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.ACCOUNT_CONNECTED);
            assertThat(e.actor()).isEqualTo("laura");
            assertThat(e.detail()).isEqualTo("account " + account.id() + " @acme");
        });
    }

    @Test
    void theStateIsSingleUseExpiresAfterTenMinutesAndBelongsToWhoStartedIt() {
        stores.oauthClients.configure(Network.X, "x-client", null, "admin", clock.instant());
        String used = state(flow.start(Network.X, null, laura, REDIRECT, null));
        flow.callback(used, FakeChannel.CODE, null, laura);
        String late = state(flow.start(Network.X, null, laura, REDIRECT, null));
        String another = state(flow.start(Network.X, null, laura, REDIRECT, null));

        refused(() -> flow.callback(used, FakeChannel.CODE, null, laura), "state", "state-used");
        refused(() -> flow.callback("made-up-state", FakeChannel.CODE, null, laura), "state", "unknown-state");
        refused(() -> flow.callback(" ", FakeChannel.CODE, null, laura), "state", "required");
        refused(() -> flow.callback(another, FakeChannel.CODE, null, hugo), "state", "another-user");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        refused(() -> flow.callback(late, FakeChannel.CODE, null, laura), "state", "state-expired");
        assertThat(x.exchanges.get()).as("no code was exchanged for a refused state").isEqualTo(1);
    }

    @Test
    void aRefusalOnTheNetworkOrABadCodeIsNamedAndTheStateCannotBeReplayed() {
        stores.oauthClients.configure(Network.X, "x-client", null, "admin", clock.instant());
        String denied = state(flow.start(Network.X, null, laura, REDIRECT, null));
        String badCode = state(flow.start(Network.X, null, laura, REDIRECT, null));

        refused(() -> flow.callback(denied, null, "access_denied<script>", laura), "code", "access-denied")
                .hasMessage("X did not grant access (access_deniedscript).");
        refused(() -> flow.callback(badCode, "forged-code", null, laura), "code", "invalid-grant");
        refused(() -> flow.callback(badCode, FakeChannel.CODE, null, laura), "state", "state-used");
        assertThat(stores.accounts.list()).isEmpty();
    }

    @Test
    void withoutAConfiguredClientTheErrorNamesTheClientIdField() {
        refused(() -> flow.start(Network.X, null, laura, REDIRECT, null), "clientId", "client-not-configured")
                .hasMessageContaining("an admin enters its client id and secret");
        assertThat(stores.pending.size()).isZero();
    }

    @Test
    void mastodonRegistersOneAppPerInstanceAndRedirectAndKeepsIt() {
        policy = new AddressPolicy(true, false);
        URI first = flow.start(Network.MASTODON, "Mastodon.Example", laura, REDIRECT, null);
        flow.start(Network.MASTODON, "https://mastodon.example/", laura, REDIRECT, null);
        flow.start(Network.MASTODON, "https://other.example", laura, REDIRECT, null);

        assertThat(mastodon.registrations.get()).isEqualTo(2);
        assertThat(query(first)).containsEntry("client_id", "registered-client-1");
        URI instance = URI.create("https://mastodon.example");
        assertThat(stores.oauthClients.registered(Network.MASTODON, instance, REDIRECT))
                .contains(new OAuthClient(instance, "registered-client-1", "fake-registered-secret-1-Hh2w"));

        Account account = flow.callback(state(first), FakeChannel.CODE, null, laura);
        assertThat(account.instance()).isEqualTo(instance);
        assertThat(account.handle()).isEqualTo("@acme@mastodon.example");
    }

    @Test
    void instanceAddressesArePublicHttpsRootsUnlessAnAdminAllowedPrivateOnes() {
        refused(() -> flow.start(Network.MASTODON, "https://127.0.0.1", laura, REDIRECT, null), "instance", "address-not-allowed");
        refused(() -> flow.start(Network.MASTODON, "https://[::1]:8443", laura, REDIRECT, null), "instance", "address-not-allowed");
        refused(() -> flow.start(Network.MASTODON, "https://169.254.169.254", laura, REDIRECT, null), "instance", "address-not-allowed");
        refused(() -> flow.start(Network.MASTODON, "https://10.1.2.3", laura, REDIRECT, null), "instance", "address-not-allowed");
        refused(() -> flow.start(Network.MASTODON, "http://93.184.216.34", laura, REDIRECT, null), "instance", "https-only");
        refused(() -> flow.start(Network.MASTODON, "https://user:pw@93.184.216.34", laura, REDIRECT, null), "instance", "no-credentials-in-url")
                .hasMessageNotContaining("pw");
        refused(() -> flow.start(Network.MASTODON, "https://93.184.216.34/@acme", laura, REDIRECT, null), "instance", "server-root");
        refused(() -> flow.start(Network.MASTODON, "", laura, REDIRECT, null), "instance", "required");
        refused(() -> flow.start(Network.X, "https://x.example", laura, REDIRECT, null), "instance", "not-applicable");
        assertThat(mastodon.registrations.get()).as("nothing was called on a refused address").isZero();

        URI accepted = flow.start(Network.MASTODON, "https://93.184.216.34", laura, REDIRECT, null);
        assertThat(accepted).isNotNull();
        policy = new AddressPolicy(true, false);
        assertThat(flow.start(Network.MASTODON, "https://10.1.2.3", laura, REDIRECT, null)).isNotNull();
        refused(() -> flow.start(Network.MASTODON, "http://10.1.2.3", laura, REDIRECT, null), "instance", "https-only");
    }

    @Test
    void anAppPasswordConnectsBlueskyAndAWrongOneIsNamedWithoutRepeatingIt() {
        Account account = flow.connectWithAppPassword(Network.BLUESKY, "", "acme.bsky.social", FakeChannel.APP_PASSWORD, laura, null);

        assertThat(account.handle()).isEqualTo("acme.bsky.social");
        assertThat(account.instance()).isNull();
        assertThat(stores.accounts.credentials(account.id())).isPresent();
        refused(() -> flow.connectWithAppPassword(Network.BLUESKY, "", "acme.bsky.social", "wrong-pass-1234", laura, null), "password",
                "invalid-credentials").hasMessageNotContaining("wrong-pass-1234");
        refused(() -> flow.connectWithAppPassword(Network.BLUESKY, "", " ", FakeChannel.APP_PASSWORD, laura, null), "identifier", "required");
        refused(() -> flow.connectWithAppPassword(Network.BLUESKY, "", "a", "", laura, null), "password", "required");
        refused(() -> flow.connectWithAppPassword(Network.BLUESKY, "https://192.168.1.5", "a", FakeChannel.APP_PASSWORD, laura, null),
                "instance", "address-not-allowed");
        refused(() -> flow.connectWithAppPassword(Network.X, "", "a", "b", laura, null), "network", "use-oauth");
        refused(() -> flow.start(Network.BLUESKY, "", laura, REDIRECT, null), "network", "use-app-password");
        refused(() -> flow.start(Network.LINKEDIN, "", laura, REDIRECT, null), "network", "no-connector");
        assertThat(bluesky.logins.get()).isEqualTo(2);
    }

    @Test
    void authorsMayNotConnectOwnersReconnectAndRemoveTheirOwnOthersAreToldWhy() {
        assertThatThrownBy(() -> flow.connectWithAppPassword(Network.BLUESKY, "", "a.bsky.social", FakeChannel.APP_PASSWORD, marc, null))
                .isInstanceOf(NotAllowedException.class).hasMessage("Only an admin or a marketing lead may connect a new account; marc is neither.");
        Account lauras = flow.connectWithAppPassword(Network.BLUESKY, "", "acme.bsky.social", FakeChannel.APP_PASSWORD, laura, null);

        assertThatThrownBy(() -> flow.connectWithAppPassword(Network.BLUESKY, "", "acme.bsky.social", FakeChannel.APP_PASSWORD, hugo, lauras.id()))
                .isInstanceOf(NotAllowedException.class).hasMessage("Only an admin or the owner of acme.bsky.social (Bluesky) (laura) may reconnect it.");
        assertThatThrownBy(() -> flow.remove(lauras.id(), hugo)).isInstanceOf(NotAllowedException.class).hasMessageContaining("may remove it");
        refused(() -> flow.connectWithAppPassword(Network.BLUESKY, "", "other.bsky.social", FakeChannel.APP_PASSWORD, laura, lauras.id()),
                "account", "another-account");

        Account again = flow.connectWithAppPassword(Network.BLUESKY, "", "acme.bsky.social", FakeChannel.APP_PASSWORD, admin, lauras.id());
        assertThat(again.id()).isEqualTo(lauras.id());
        assertThat(again.ownerKey()).isEqualTo("laura");
        flow.remove(lauras.id(), laura);
        assertThat(stores.accounts.find(lauras.id())).isEmpty();
        assertThat(stores.trail.list(AuditEvent.NO_POST)).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.ACCOUNT_CONNECTED, AuditKind.ACCOUNT_CONNECTED, AuditKind.ACCOUNT_REMOVED);
    }

    @Test
    void noRefusalEverQuotesATokenASecretOrTheVerifier() {
        stores.oauthClients.configure(Network.X, "x-client", "x-client-secret-Ss1", "admin", clock.instant());
        String state = state(flow.start(Network.X, null, laura, REDIRECT, null));
        String verifier = stores.pending.find(ConnectFlow.hash(state)).orElseThrow().verifier();
        List<String> messages = new java.util.ArrayList<>();
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> flow.callback(state, "bad", null, laura),
                () -> flow.callback(state, FakeChannel.CODE, null, laura),
                () -> flow.connectWithAppPassword(Network.BLUESKY, "", "a", "wrong", laura, null))) {
            try {
                call.call();
            } catch (Throwable t) {
                messages.add(t.getMessage() + " " + t);
            }
        }
        assertThat(messages).hasSize(3);
        assertThat(String.join("\n", messages)).doesNotContain("x-client-secret-Ss1", verifier, "x-access-Tt9", "x-refresh-Rr7", "wrong");
        assertThat(stores.pending.find(ConnectFlow.hash(state)).orElseThrow().toString()).doesNotContain(verifier);
        assertThat(new Credentials("x-access-Tt9", "x-refresh-Rr7", null, Set.of(), Map.of()).toString()).doesNotContain("Tt9", "Rr7");
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable call, String field, String rule) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.first().field()).isEqualTo(field);
            assertThat(e.first().rule()).isEqualTo(rule);
        });
    }

    static String state(URI authorize) {
        return query(authorize).get("state");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A clock a test moves. */
    static final class MutableTestClock extends java.time.Clock {
        private Instant now;

        MutableTestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public java.time.Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
