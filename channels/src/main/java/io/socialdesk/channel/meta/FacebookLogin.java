package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.OAuthClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Request;

/**
 * Facebook Login's code flow on graph.facebook.com, shared by the Facebook Page and the Instagram (via a
 * Page) connectors: the code becomes a short-lived user token, that one a long-lived (60 day) user token
 * ({@code fb_exchange_token}), and {@code GET /me/accounts} then lists the Pages with their Page tokens.
 * Page tokens obtained from a long-lived user token do not expire. The code exchange sends the PKCE
 * verifier (Facebook documents the OIDC code flow with PKCE, still marked "in testing").
 */
public final class FacebookLogin {
    private final Graph graph;

    public FacebookLogin(Graph graph) {
        this.graph = graph;
    }

    /** A Page the person granted, with its token and its linked Instagram professional account if any. */
    public record PageGrant(String id, String name, String accessToken, Set<String> tasks, String instagramId, String instagramUsername) {
        public boolean canPublish() {
            return tasks.isEmpty() || tasks.contains("CREATE_CONTENT");
        }

        @Override
        public String toString() {
            return "PageGrant[" + id + ", " + name + ", token ***, " + tasks + ", instagram " + instagramId + "]";
        }
    }

    /** Code → short-lived user token → long-lived user token. */
    public MetaOAuth.Token userToken(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        var exchange = graph.url("oauth", "access_token")
                .addQueryParameter("client_id", client.clientId())
                .addQueryParameter("redirect_uri", redirect.toString())
                .addQueryParameter("client_secret", client.clientSecret())
                .addQueryParameter("code", code);
        if (codeVerifier != null && !codeVerifier.isBlank()) {
            exchange.addQueryParameter("code_verifier", codeVerifier);
        }
        String[] secrets = {client.clientSecret(), code, codeVerifier};
        MetaOAuth.Token shortLived = MetaOAuth.token(graph.anonymous(new Request.Builder().url(exchange.build()).get().build()),
                graph.network(), "code exchange", secrets);
        var longLived = graph.url("oauth", "access_token")
                .addQueryParameter("grant_type", "fb_exchange_token")
                .addQueryParameter("client_id", client.clientId())
                .addQueryParameter("client_secret", client.clientSecret())
                .addQueryParameter("fb_exchange_token", shortLived.accessToken());
        return MetaOAuth.token(graph.anonymous(new Request.Builder().url(longLived.build()).get().build()), graph.network(),
                "long-lived token exchange", client.clientSecret(), shortLived.accessToken());
    }

    /** The Pages the person granted, with Page tokens. */
    public List<PageGrant> pages(String userToken) throws ConnectFailure {
        Answer answer = graph.get(userToken, graph.url("me", "accounts")
                .addQueryParameter("fields", "id,name,access_token,tasks,instagram_business_account{id,username}")
                .addQueryParameter("limit", "100").build());
        if (!answer.ok()) {
            throw MetaOAuth.failure(answer, graph.network(), "list of Pages", userToken);
        }
        JsonNode data = answer.json().path("data");
        if (!data.isArray()) {
            throw new ConnectFailure("malformed-answer", graph.network() + " answered the list of Pages with something that is not a list.");
        }
        List<PageGrant> pages = new ArrayList<>();
        for (JsonNode page : data) {
            String id = text(page.path("id"));
            String token = text(page.path("access_token"));
            if (id == null || token == null) {
                continue;
            }
            Set<String> tasks = new LinkedHashSet<>();
            page.path("tasks").forEach(task -> {
                if (task.isTextual()) {
                    tasks.add(task.asText());
                }
            });
            JsonNode instagram = page.path("instagram_business_account");
            pages.add(new PageGrant(id, text(page.path("name")), token, tasks, text(instagram.path("id")), text(instagram.path("username"))));
        }
        return pages;
    }

    /** The permissions the person granted; empty when Meta does not say (connecting goes on). */
    public Set<String> permissions(String userToken) {
        Answer answer = graph.get(userToken, graph.url("me", "permissions").build());
        Set<String> granted = new LinkedHashSet<>();
        if (answer.ok()) {
            for (JsonNode permission : answer.json().path("data")) {
                if ("granted".equals(text(permission.path("status"))) && text(permission.path("permission")) != null) {
                    granted.add(permission.path("permission").asText());
                }
            }
        }
        return granted;
    }

    private static String text(JsonNode node) {
        return Json.text(node);
    }
}
