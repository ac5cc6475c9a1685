package io.socialdesk.channel.x;

import io.socialdesk.channel.http.Answer;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import java.net.URI;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/**
 * Connecting an X account: OAuth 2 authorization code with PKCE (S256). The code must be exchanged within
 * 30 seconds of the callback; the access token lasts two hours and the refresh token (asked for with
 * {@code offline.access}) is single use.
 */
final class XOAuth implements Connection.OAuth {
    static final String SCOPES = "tweet.read tweet.write users.read media.write offline.access dm.read dm.write";

    private final XApi api;

    XOAuth(XApi api) {
        this.api = api;
    }

    @Override
    public OAuthClient client(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure {
        if (configured == null) {
            throw new ConnectFailure("not-configured", "No X app is configured: an admin enters the X app's client id first");
        }
        return configured;
    }

    @Override
    public URI authorizationUri(OAuthClient client, AuthorizationRequest request) {
        HttpUrl url = api.authorize.newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", client.clientId())
                .addQueryParameter("redirect_uri", request.redirect().toString())
                .addQueryParameter("scope", SCOPES)
                .addQueryParameter("state", request.state())
                .addQueryParameter("code_challenge", request.codeChallenge())
                .addQueryParameter("code_challenge_method", "S256")
                .build();
        return url.uri();
    }

    @Override
    public Connected exchange(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirect.toString())
                .add("code_verifier", codeVerifier);
        Credentials credentials = api.credentials(api.token(client, form, false), null, client.clientId(), "connect the account");
        HttpUrl me = api.url("2/users/me").build();
        Answer answer = api.http.send(XApi.bearer(me, credentials.accessToken()).get().build());
        if (!answer.completed()) {
            throw new ConnectFailure("network-unreachable", "X could not be reached to read the connected account: " + answer.problem());
        }
        String id = Json.id(answer.json(), "data", "id");
        String username = Json.string(answer.json(), "data", "username");
        if (!answer.ok() || id == null || username == null || username.isBlank()) {
            String said = XProblems.of(answer.json()).map(XProblems.Problem::sentence).orElse(null);
            throw new ConnectFailure("network-error", "X did not say which account was connected (" + answer.status() + ")"
                    + (said == null ? "" : ": " + said));
        }
        return new Connected(id, "@" + username, Json.string(answer.json(), "data", "name"), credentials);
    }

    @Override
    public Credentials refresh(OAuthClient client, Credentials current) throws ConnectFailure {
        return api.refreshTokens(client, current);
    }
}
