package io.socialdesk.web.rest;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountChecks;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.account.AccountPermissions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /accounts}: the team's social accounts, their health, connecting them (OAuth or app password),
 * checking and removing them, and the OAuth clients and settings behind that. No answer ever holds a token,
 * a secret, a PKCE verifier or a ciphertext: the records below have no field for one.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountAdmin admin;
    private final CurrentUser currentUser;

    @Inject
    public AccountResource(AccountAdmin admin, CurrentUser currentUser) {
        this.admin = admin;
        this.currentUser = currentUser;
    }

    /** Every account with its health; anyone signed in (the editor lists them as targets). */
    @GET
    public List<AccountJson> list() {
        User viewer = currentUser.require();
        return admin.accounts().list().stream().map(a -> AccountJson.of(a, viewer)).toList();
    }

    /** Starts an OAuth connection; answers where to send the browser. */
    @POST
    @Path("connect")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectStartJson connect(ConnectRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the network (and for Mastodon the instance) is required");
        URI target = admin.startConnecting(network(body.network()), body.instance(), user, body.accountId());
        return new ConnectStartJson(target.toString());
    }

    /**
     * Where the network sends the browser back: finishes the connection and sends the person to the accounts
     * page, with {@code connected=<id>} or {@code error=<rule>&field=<field>}.
     */
    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error) {
        User user = currentUser.require();
        String result;
        try {
            result = "connected=" + admin.flow().callback(state, code, error, user).id();
        } catch (InvalidInputException e) {
            FieldProblem p = e.first();
            result = "error=" + enc(p.rule()) + "&field=" + enc(p.field());
        } catch (NotAllowedException e) {
            result = "error=not-allowed&field=account";
        }
        URI page = admin.urls().accountsPage().get();
        return Response.seeOther(URI.create(page + (page.getRawQuery() == null ? "?" : "&") + result)).build();
    }

    /** Connects with a handle (or e-mail) and an app password (Bluesky). */
    @POST
    @Path("app-password")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson appPassword(AppPasswordRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the network, identifier and password is required");
        Account account = admin.flow().connectWithAppPassword(network(body.network()), body.instance(), body.identifier(), body.password(), user,
                body.accountId());
        return AccountJson.of(account, user);
    }

    /** Checks the account's credentials with its network now (admins and the owner). */
    @POST
    @Path("{id}/check")
    public CheckJson check(@PathParam("id") String id) {
        User user = currentUser.require();
        AccountChecks.Result result = admin.check(QueryParams.positiveLong("id", id), user);
        return new CheckJson(AccountJson.of(result.account(), user), result.called(), iso(result.notBefore()));
    }

    /** Removes the account and its credentials (admins and the owner). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        admin.flow().remove(QueryParams.positiveLong("id", id), currentUser.require());
        return Response.noContent().build();
    }

    /** The configured OAuth clients, never their secrets (admins). */
    @GET
    @Path("oauth-clients")
    public List<OAuthClientJson> clients() {
        AccountPermissions.requireAdmin(currentUser.require(), "see the OAuth clients");
        return admin.clients().configuredClients().stream().map(OAuthClientJson::of).toList();
    }

    /** Sets a network's OAuth client (admins). The secret is write-only: no answer returns it. */
    @PUT
    @Path("oauth-clients/{network}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OAuthClientJson configureClient(@PathParam("network") String network, OAuthClientRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the clientId (and clientSecret) is required");
        return OAuthClientJson.of(admin.configureClient(network(network), body.clientId(), body.clientSecret(), user));
    }

    @GET
    @Path("settings")
    public AccountSettingsJson settings() {
        AccountPermissions.requireAdmin(currentUser.require(), "see the account settings");
        return AccountSettingsJson.of(admin.settings());
    }

    /** Jira only: the server's settings come from its command line (400, rule {@code set-at-start}). */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountSettingsJson saveSettings(AccountSettingsRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with allowPrivateAddresses and warningDays is required");
        admin.saveSettings(body.allowPrivateAddresses(), body.warningDays(), user);
        return AccountSettingsJson.of(admin.settings());
    }

    static Network network(String text) {
        if (text == null || text.isBlank()) throw new InvalidInputException("network", "required", "Name the network: one of " + Arrays.toString(Network.values()));
        try {
            return Network.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("network", "known-network", "Unknown network '" + text.strip() + "': use one of " + Arrays.toString(Network.values()));
        }
    }

    /** Times in UTC, ISO 8601, as the rest of the API writes them; null stays null. */
    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** An account as the API shows it. {@code mayManage}: whether the caller may check, reconnect or remove it. */
    public record AccountJson(long id, String network, String networkLabel, String handle, String displayName, boolean connected, String instance,
            String ownerKey, AccountHealthJson health, AttentionJson attention, boolean mayManage) {
        static AccountJson of(Account a, User viewer) {
            return new AccountJson(a.id(), a.network().name(), a.network().label(), a.handle(), a.displayName(), a.connected(),
                    a.instance() == null ? null : a.instance().toString(), a.ownerKey(), AccountHealthJson.of(a.health()),
                    a.attention() == null ? null : AttentionJson.of(a.attention()), AccountPermissions.mayManage(viewer, a));
        }
    }

    /** What the last checks found; {@code tokenExpiresAt}: when the connection ends unless someone reconnects it. */
    public record AccountHealthJson(String lastSuccessAt, String lastCheckedAt, String problem, String problemDetail, String tokenExpiresAt,
            List<String> scopes) {
        static AccountHealthJson of(Account.Health h) {
            return new AccountHealthJson(iso(h.lastSuccessAt()), iso(h.lastCheckedAt()), h.problem(), h.problemDetail(), iso(h.tokenExpiresAt()),
                    h.scopes().stream().sorted().toList());
        }
    }

    /** The tracker item opened because the account must be reconnected. */
    public record AttentionJson(String key, String url) {
        static AttentionJson of(TrackedItem item) {
            return new AttentionJson(item.key(), item.url());
        }
    }

    /** {@code accountId}: the account to reconnect; absent for a new one. */
    public record ConnectRequest(String network, String instance, Long accountId) {
    }

    public record ConnectStartJson(String authorizationUrl) {
    }

    public record AppPasswordRequest(String network, String instance, String identifier, String password, Long accountId) {
        @Override
        public String toString() {
            return "AppPasswordRequest[" + network + ", " + instance + ", " + identifier + ", password ***]";
        }
    }

    /** {@code called}: false when the network asked to wait; then {@code notBefore} says until when. */
    public record CheckJson(AccountJson account, boolean called, String notBefore) {
    }

    public record OAuthClientRequest(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "OAuthClientRequest[" + clientId + ", secret " + (clientSecret == null ? "none" : "***") + "]";
        }
    }

    /** A configured client: never its secret, only whether there is one. */
    public record OAuthClientJson(String network, String clientId, boolean hasSecret, String updatedBy, String updatedAt) {
        static OAuthClientJson of(OAuthClientStore.ClientSummary c) {
            return new OAuthClientJson(c.network().name(), c.clientId(), c.hasSecret(), c.updatedBy(), iso(c.updatedAt()));
        }
    }

    public record AccountSettingsRequest(Boolean allowPrivateAddresses, Integer warningDays) {
    }

    /** {@code setElsewhere}: where they are changed when not through this API (the server's command line), else null. */
    public record AccountSettingsJson(boolean allowPrivateAddresses, int warningDays, String setElsewhere) {
        static AccountSettingsJson of(AccountSettings s) {
            return new AccountSettingsJson(s.allowPrivateAddresses(), s.warningDays(), s.setElsewhere().orElse(null));
        }
    }
}
