package io.socialdesk.channel.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;

/**
 * Answers as a Mastodon 4.x server sends them, complete with every field the spec requires, and each checked
 * against Mastodon's schema ({@link MastodonSpec#checkAnswer}) before a test plays it back.
 */
final class MastodonFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOST = "https://example.social";

    private MastodonFixtures() {
    }

    static ObjectNode account(String id, String acct, String displayName, int followers) {
        ObjectNode a = JSON.createObjectNode();
        String username = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        a.put("id", id).put("username", username).put("acct", acct).put("display_name", displayName)
                .put("locked", false).put("bot", false).put("group", false).put("indexable", true)
                .put("created_at", "2023-01-05T00:00:00.000Z").put("note", "<p>Hello</p>")
                .put("url", HOST + "/@" + username).put("uri", HOST + "/users/" + username)
                .put("avatar", HOST + "/avatars/original/missing.png").put("avatar_static", HOST + "/avatars/original/missing.png")
                .put("header", HOST + "/headers/original/missing.png").put("header_static", HOST + "/headers/original/missing.png")
                .put("followers_count", followers).put("following_count", 12).put("statuses_count", 40);
        a.putArray("emojis");
        a.putArray("fields");
        return a;
    }

    /** verify_credentials: an Account plus {@code source} and {@code role}. */
    static ObjectNode credentialAccount(String id, String acct, String displayName) {
        ObjectNode a = account(id, acct, displayName, 10);
        ObjectNode source = a.putObject("source");
        source.put("privacy", "public").put("sensitive", false).put("note", "Hello").put("follow_requests_count", 0).put("indexable", true);
        source.putArray("fields");
        a.putObject("role").put("id", "-99").put("name", "").put("permissions", "0").put("color", "").put("highlighted", false);
        return a;
    }

    static ObjectNode status(String id, ObjectNode account, String html, Instant createdAt) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id).put("created_at", createdAt.toString()).put("visibility", "public").put("sensitive", false).put("spoiler_text", "")
                .put("uri", HOST + "/users/" + account.path("username").asText() + "/statuses/" + id)
                .put("url", HOST + "/@" + account.path("username").asText() + "/" + id)
                .put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0).put("content", html).put("language", "en");
        s.putNull("in_reply_to_id");
        s.putNull("in_reply_to_account_id");
        s.set("account", account);
        s.putArray("media_attachments");
        s.putArray("mentions");
        s.putArray("tags");
        s.putArray("emojis");
        return s;
    }

    static ObjectNode reply(ObjectNode status, String inReplyToId, String inReplyToAccountId) {
        return status.put("in_reply_to_id", inReplyToId).put("in_reply_to_account_id", inReplyToAccountId);
    }

    static ObjectNode notification(String id, ObjectNode status) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id).put("type", "mention").put("created_at", status.path("created_at").asText()).put("group_key", "ungrouped-" + id);
        n.set("account", status.path("account").deepCopy());
        n.set("status", status);
        return n;
    }

    static ObjectNode media(String id, boolean processed, String description) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("type", "image").put("preview_url", HOST + "/media/small/" + id + ".png").put("description", description);
        if (processed) {
            m.put("url", HOST + "/media/original/" + id + ".png");
        } else {
            m.putNull("url");
        }
        m.putNull("remote_url");
        m.putNull("blurhash");
        return m;
    }

    static ObjectNode application(String clientId, String clientSecret, String redirect) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", "563419").put("name", "Social Desk").put("website", "https://desk.example.com").put("redirect_uri", redirect)
                .put("client_id", clientId).put("client_secret", clientSecret).put("vapid_key", "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=");
        a.putArray("redirect_uris").add(redirect);
        a.putArray("scopes").add("write:statuses").add("write:media").add("read:notifications").add("read:statuses");
        return a;
    }

    static ObjectNode token(String accessToken, String scope) {
        ObjectNode t = JSON.createObjectNode();
        return t.put("access_token", accessToken).put("token_type", "Bearer").put("scope", scope).put("created_at", 1_772_445_600L);
    }

    static ObjectNode error(String error) {
        return JSON.createObjectNode().put("error", error);
    }

    static ObjectNode instance(int maxCharacters, int perUrl, int maxMedia, long imageBytes) {
        ObjectNode i = JSON.createObjectNode();
        i.put("domain", "example.social").put("title", "Example").put("version", "4.3.2").put("source_url", "https://github.com/mastodon/mastodon")
                .put("description", "An example server");
        i.putObject("api_versions").put("mastodon", 2);
        i.putObject("usage").putObject("users").put("active_month", 1200);
        i.putObject("thumbnail").put("url", HOST + "/thumbnail.png");
        i.putArray("icon");
        i.putArray("languages").add("en");
        i.putArray("rules");
        i.putObject("registrations").put("enabled", true).put("approval_required", false);
        i.putObject("contact").put("email", "admin@example.social");
        ObjectNode c = i.putObject("configuration");
        c.putObject("urls").put("streaming", "wss://example.social");
        c.putObject("accounts").put("max_featured_tags", 10).put("max_pinned_statuses", 5);
        c.putObject("statuses").put("max_characters", maxCharacters).put("characters_reserved_per_url", perUrl)
                .put("max_media_attachments", maxMedia);
        ObjectNode m = c.putObject("media_attachments").put("image_size_limit", imageBytes).put("image_matrix_limit", 33_177_600)
                .put("video_size_limit", 103_809_024).put("video_frame_rate_limit", 120).put("video_matrix_limit", 8_294_400);
        m.putArray("supported_mime_types").add("image/jpeg").add("image/png").add("video/mp4");
        c.putObject("polls").put("max_options", 4).put("max_characters_per_option", 50).put("min_expiration", 300)
                .put("max_expiration", 2_629_746);
        c.putObject("translation").put("enabled", false);
        return i;
    }

    static ArrayNode array(JsonNode... items) {
        ArrayNode a = JSON.createArrayNode();
        for (JsonNode item : items) {
            a.add(item);
        }
        return a;
    }

    /** A JSON answer, checked against Mastodon's schema first ({@code "[Status]"} for a list of statuses). */
    static MockResponse answer(int code, String schema, JsonNode body) {
        MastodonSpec.checkAnswer(schema, body);
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=utf-8").setBody(body.toString());
    }

    static MockResponse answer(String schema, JsonNode body) {
        return answer(200, schema, body);
    }
}
