package io.socialdesk.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.web.account.AccountAdmin;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The accounts API called as the hosts call it; every answer serialised as a client sees it, and searched for secrets. */
class AccountResourceTest {
    private static final String CLIENT_SECRET = "x-client-secret-8GfK2";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final MemoryStores stores = new MemoryStores();
    private final FakeChannel x = FakeChannel.oauth(Network.X).issuing("x-access-9QwE", "x-refresh-3RtY", null).timedBy(clock);
    private final FakeChannel bluesky = FakeChannel.appPassword(Network.BLUESKY).timedBy(clock);
    private final AccountAdmin admin = new AccountAdmin(stores.accounts, stores.oauthClients, stores.pending, stores.trail,
            ChannelDirectory.of(List.of(x, bluesky)), AccountSettings.fixed(false, 7, "the command line"),
            new AccountAdmin.HostUrls(() -> URI.create("https://social.example.org/rest/socialdesk/1.0/accounts/callback"),
                    () -> URI.create("https://social.example.org/admin/accounts")), clock);
    private User caller = new User("admin", "Admin", Set.of(Role.ADMIN), ZoneId.of("UTC"));
    private final CurrentUser currentUser = () -> Optional.of(caller);
    private final AccountResource resource = new AccountResource(admin, currentUser);
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> answers = new ArrayList<>();

    @Test
    void aFullRoundOfAnswersHoldsNoTokenNoSecretNoVerifierAndNoCiphertext() throws Exception {
        answer(resource.configureClient("x", new AccountResource.OAuthClientRequest("x-client", CLIENT_SECRET)));
        AccountResource.ConnectStartJson start = resource.connect(new AccountResource.ConnectRequest("X", null, null));
        answer(start);
        String state = query(start.authorizationUrl(), "state");
        String verifier = stores.pending.find(io.socialdesk.web.account.ConnectFlow.hash(state)).orElseThrow().verifier();
        Response callback = resource.callback(state, FakeChannel.CODE, null);
        answer(callback.getLocation().toString());
        answer(resource.appPassword(new AccountResource.AppPasswordRequest("bluesky", "", "acme.bsky.social", FakeChannel.APP_PASSWORD, null)));
        answer(resource.list());
        answer(resource.check("1"));
        answer(resource.clients());
        answer(resource.settings());
        answer(resource.callback(state, FakeChannel.CODE, null).getLocation().toString());

        String all = String.join("\n", answers);
        assertThat(all).contains("x-client", "acme.bsky.social", "\"hasSecret\":true");
        assertThat(all).doesNotContain(CLIENT_SECRET, "x-access-9QwE", "x-refresh-3RtY", FakeChannel.APP_PASSWORD, verifier, "v1.");
        assertThat(callback.getStatus()).isEqualTo(303);
        assertThat(callback.getLocation()).isEqualTo(URI.create("https://social.example.org/admin/accounts?connected=1"));
        assertThat(answers.get(answers.size() - 1)).isEqualTo("https://social.example.org/admin/accounts?error=state-used&field=state");
    }

    @Test
    void theListShowsHealthAndWhetherTheCallerMayManageEachAccount() throws Exception {
        caller = new User("laura", "Laura", Set.of(Role.MARKETING_LEAD), ZoneId.of("UTC"));
        resource.appPassword(new AccountResource.AppPasswordRequest("BLUESKY", null, "acme.bsky.social", FakeChannel.APP_PASSWORD, null));
        stores.accounts.recordHealth(1, AccountHealth.problem(Instant.parse("2026-11-22T11:00:00Z"), "revoked", "The session was revoked."));

        AccountResource.AccountJson mine = resource.list().get(0);
        assertThat(mine.ownerKey()).isEqualTo("laura");
        assertThat(mine.mayManage()).isTrue();
        assertThat(mine.connected()).isFalse();
        assertThat(mine.health().problem()).isEqualTo("revoked");
        assertThat(mine.health().lastCheckedAt()).isEqualTo("2026-11-22T11:00:00Z");
        assertThat(mine.health().lastSuccessAt()).isEqualTo("2026-11-22T10:00:00Z");

        caller = new User("marc", "Marc", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("UTC"));
        assertThat(resource.list().get(0).mayManage()).isFalse();
        assertThatThrownBy(() -> resource.check("1")).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only an admin or the owner of acme.bsky.social (Bluesky) (laura) may check it.");
        assertThatThrownBy(() -> resource.remove("1")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> resource.connect(new AccountResource.ConnectRequest("X", null, null))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> resource.configureClient("X", new AccountResource.OAuthClientRequest("id", "s")))
                .isInstanceOf(NotAllowedException.class).hasMessage("Only an admin may set the OAuth clients.");
        assertThatThrownBy(() -> resource.clients()).isInstanceOf(NotAllowedException.class);

        caller = new User("laura", "Laura", Set.of(Role.MARKETING_LEAD), ZoneId.of("UTC"));
        assertThat(resource.remove("1").getStatus()).isEqualTo(204);
        assertThat(resource.list()).isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndTheRule() {
        assertField(() -> resource.connect(new AccountResource.ConnectRequest("myspace", null, null)), "network", "known-network");
        assertField(() -> resource.connect(null), "body", "required");
        assertField(() -> resource.connect(new AccountResource.ConnectRequest("X", null, null)), "clientId", "client-not-configured");
        assertField(() -> resource.check("abc"), "id", "positive-integer");
        assertField(() -> resource.configureClient("X", new AccountResource.OAuthClientRequest(" ", "s")), "clientId", "required");
        assertField(() -> resource.configureClient("BLUESKY", new AccountResource.OAuthClientRequest("id", "s")), "network", "no-oauth");
        assertField(() -> resource.saveSettings(new AccountResource.AccountSettingsRequest(true, 7)), "allowPrivateAddresses", "set-at-start");
        assertField(() -> resource.saveSettings(new AccountResource.AccountSettingsRequest(true, 0)), "warningDays", "between-1-and-90");
        assertField(() -> resource.appPassword(new AccountResource.AppPasswordRequest("BLUESKY", "https://127.0.0.1", "a", "b", null)),
                "instance", "address-not-allowed");
    }

    @Test
    void aChecksWaitForTheNetworksRateLimit() {
        resource.appPassword(new AccountResource.AppPasswordRequest("BLUESKY", null, "acme.bsky.social", FakeChannel.APP_PASSWORD, null));
        bluesky.notBefore(Instant.parse("2026-11-22T10:05:00Z"));

        AccountResource.CheckJson waited = resource.check("1");

        assertThat(waited.called()).isFalse();
        assertThat(waited.notBefore()).isEqualTo("2026-11-22T10:05:00Z");
        assertThat(bluesky.checks.get()).isZero();
        bluesky.notBefore(Instant.EPOCH);
        assertThat(resource.check("1").called()).isTrue();
        assertThat(bluesky.checks.get()).isEqualTo(1);
    }

    private void answer(Object value) throws Exception {
        answers.add(value instanceof String text ? text : json.writeValueAsString(value));
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.first().field()).isEqualTo(field);
            assertThat(e.first().rule()).isEqualTo(rule);
        });
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new AssertionError(name + " not in " + url);
    }
}
