package io.socialdesk.channel.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Connecting a Mastodon account: an app registered on each instance ({@code POST /api/v1/apps}), the OAuth 2
 * authorization code flow with PKCE (S256; Mastodon 4.3+, older servers ignore it), the code exchanged at
 * {@code /oauth/token} and the account read with {@code verify_credentials}. Mastodon has no refresh tokens:
 * a token lives until it is revoked.
 */
final class MastodonOAuth implements Connection.OAuth {
    static final String CLIENT_NAME = "Social Desk";
    static final String SCOPES = "write:statuses write:media read:notifications read:statuses";

    private final MastodonApi api;

    MastodonOAuth(MastodonApi api) {
        this.api = api;
    }

    @Override
    public OAuthClient client(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure {
        try {
            return register(instance, redirect, configured);
        } catch (RuntimeException e) {
            throw unexpected();
        }
    }

    private OAuthClient register(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure {
        HttpUrl root = checked(instance);
        if (redirect == null || !redirect.isAbsolute()) {
            throw new ConnectFailure("redirect-absolute", "Social Desk's own address (the OAuth callback) must be a full URL.");
        }
        URI normalized = MastodonApi.rootUri(instance);
        if (configured != null && configured.clientSecret() != null && configured.instance() != null
                && refusalFree(configured.instance()) && normalized.equals(MastodonApi.rootUri(configured.instance()))) {
            return configured; // registered on this instance before: one app per instance, not one per connection
        }
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("client_name", CLIENT_NAME);
        body.putArray("redirect_uris").add(redirect.toString());
        body.put("scopes", SCOPES);
        body.put("website", website(redirect));
        Answer answer = api.http.send(new Request.Builder().url(MastodonApi.url(root, "api", "v1", "apps").build())
                .header("Accept", "application/json")
                .post(RequestBody.create(body.toString(), MastodonApi.JSON)).build());
        JsonNode app = success(answer, "register Social Desk as an app");
        String clientId = MastodonApi.text(app, "client_id");
        String clientSecret = MastodonApi.text(app, "client_secret");
        if (clientId == null || clientSecret == null) {
            throw new ConnectFailure("malformed-answer", root.host() + " registered the app but did not answer with a client id and secret.");
        }
        return new OAuthClient(normalized, clientId, clientSecret);
    }

    @Override
    public URI authorizationUri(OAuthClient client, AuthorizationRequest request) {
        HttpUrl.Builder url = MastodonApi.url(MastodonApi.root(client.instance()), "oauth", "authorize")
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", client.clientId())
                .addQueryParameter("redirect_uri", request.redirect().toString())
                .addQueryParameter("scope", SCOPES)
                .addQueryParameter("state", request.state());
        if (request.codeChallenge() != null) {
            url.addQueryParameter("code_challenge", request.codeChallenge()).addQueryParameter("code_challenge_method", "S256");
        }
        return url.build().uri();
    }

    @Override
    public Connected exchange(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        try {
            return exchanged(client, code, codeVerifier, redirect);
        } catch (RuntimeException e) {
            throw unexpected();
        }
    }

    private Connected exchanged(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        HttpUrl root = checked(client.instance());
        if (code == null || code.isBlank()) {
            throw new ConnectFailure("code-missing", "Mastodon sent no authorization code back; start connecting again.");
        }
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("client_id", client.clientId())
                .add("client_secret", client.clientSecret() == null ? "" : client.clientSecret())
                .add("redirect_uri", redirect.toString());
        if (codeVerifier != null) {
            form.add("code_verifier", codeVerifier);
        }
        Answer answer = api.http.send(new Request.Builder().url(MastodonApi.url(root, "oauth", "token").build())
                .header("Accept", "application/json").post(form.build()).build());
        JsonNode token = success(answer, "accept the authorization");
        String accessToken = MastodonApi.text(token, "access_token");
        if (accessToken == null) {
            throw new ConnectFailure("malformed-answer", root.host() + " answered the authorization without an access token.");
        }
        Set<String> scopes = scopes(MastodonApi.text(token, "scope"));

        Answer who = api.http.send(new Request.Builder().url(MastodonApi.url(root, "api", "v1", "accounts", "verify_credentials").build())
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").get().build());
        JsonNode account = success(who, "tell which account it is");
        String id = MastodonApi.text(account, "id");
        String acct = MastodonApi.text(account, "acct");
        if (id == null || acct == null) {
            throw new ConnectFailure("malformed-answer", root.host() + " did not answer with an account (its id and name must be text).");
        }
        return new Connected(id, handle(acct, root), MastodonApi.text(account, "display_name"),
                new Credentials(accessToken, null, null, scopes, Map.of()));
    }

    /** Mastodon tokens do not expire and there is no refresh token to use. */
    @Override
    public Credentials refresh(OAuthClient client, Credentials current) throws ConnectFailure {
        throw new ConnectFailure("refresh-not-supported",
                "Mastodon access does not expire and cannot be refreshed; if it was revoked, reconnect the account.");
    }

    /** {@code user@instance-host}: the local {@code acct} plus the instance, as people write it. */
    static String handle(String acct, HttpUrl root) {
        return acct.contains("@") ? acct : acct + "@" + root.host();
    }

    static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.strip().split("[\\s+]+")));
    }

    /** The address people would visit to learn about this Social Desk: the origin of its callback. */
    private static String website(URI redirect) {
        return redirect.getScheme() + "://" + redirect.getRawAuthority().replaceFirst("^[^@]*@", "");
    }

    private HttpUrl checked(URI instance) throws ConnectFailure {
        Optional<AddressPolicy.Refusal> refused = api.refusal(instance);
        if (refused.isPresent()) {
            throw new ConnectFailure(refused.get().rule(), refused.get().message());
        }
        return MastodonApi.root(instance);
    }

    /** A failure of ours (never the network's words, never what we sent): the person can try again. */
    private static ConnectFailure unexpected() {
        return new ConnectFailure("unexpected", "Connecting the Mastodon account failed unexpectedly; try again.");
    }

    private boolean refusalFree(URI instance) {
        return api.refusal(instance).isEmpty();
    }

    /** The JSON object of a successful answer, or a failure a person can act on. Never echoes what we sent. */
    private static JsonNode success(Answer answer, String what) throws ConnectFailure {
        if (answer.transport() != Answer.Transport.COMPLETE) {
            throw new ConnectFailure("network-unreachable", "Mastodon did not " + what + ": " + answer.problem());
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            if (!answer.json().isObject()) {
                throw new ConnectFailure("malformed-answer", "Mastodon was asked to " + what + " and answered with something that is not JSON.");
            }
            return answer.json();
        }
        String said = MastodonApi.said(answer);
        if (status == 400 || status == 401 || status == 403) {
            String error = answer.text("error");
            boolean grant = "invalid_grant".equals(error) || "invalid_client".equals(error) || status == 401;
            throw new ConnectFailure(grant ? "invalid-grant" : "rejected",
                    "Mastodon did not " + what + " (" + said + "); start connecting again.");
        }
        if (status == 429) {
            throw new ConnectFailure("rate-limited", "Mastodon asks to slow down; try connecting again in a few minutes.");
        }
        if (status == 422) {
            throw new ConnectFailure("rejected", "Mastodon did not " + what + ": " + said);
        }
        if (status >= 500) {
            throw new ConnectFailure("network-unavailable", "Mastodon is unavailable (" + status + "); try again later.");
        }
        throw new ConnectFailure("rejected", "Mastodon did not " + what + " (" + status + "): " + said);
    }
}
