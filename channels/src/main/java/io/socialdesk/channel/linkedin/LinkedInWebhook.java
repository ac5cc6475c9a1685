package io.socialdesk.channel.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.webhook.WebhookSignature;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * LinkedIn's webhook for organization Pages ({@code ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS}): the
 * endpoint validation and the signature of each delivery, both HMAC-SHA256 keyed with the app's
 * client secret, hex-encoded, and the notifications turned into inbound items.
 *
 * <p>What LinkedIn documents (webhook-validation page): the validation is a GET with
 * {@code ?challengeCode=<uuid>} answered within 3 s by JSON {@code {challengeCode, challengeResponse}},
 * {@code challengeResponse = hex(HMACSHA256(challengeCode, clientSecret))}, repeated every 2 hours.
 * Deliveries carry {@code X-LI-Signature}; two independent write-ups of that page give the signed
 * string as {@code "hmacsha256=" + raw body}. That prefix could not be read on LinkedIn's own page
 * here, so a signature over the plain body is accepted too: both need the client secret.
 */
public final class LinkedInWebhook {
    public static final String SIGNATURE_HEADER = "X-LI-Signature";
    public static final String EVENT_TYPE = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS";
    /** LinkedIn batches ten notifications at most; a body far larger than that is not LinkedIn's. */
    public static final int MAX_BYTES = 256 * 1024;

    private final byte[] clientSecret;
    private final Clock clock;

    public LinkedInWebhook(String clientSecret, Clock clock) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isBlank()) throw new IllegalArgumentException("the LinkedIn client secret is empty");
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The JSON answer to LinkedIn's validation GET. */
    public Map<String, String> challenge(String challengeCode) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("challengeCode", challengeCode);
        answer.put("challengeResponse", WebhookSignature.hmacHex(clientSecret, challengeCode.getBytes(StandardCharsets.UTF_8)));
        return answer;
    }

    /** Whether {@code signature} (the {@code X-LI-Signature} value) signs {@code body} exactly as received. Constant time. */
    public boolean verify(byte[] body, String signature) {
        if (body == null || signature == null || signature.isBlank() || body.length > MAX_BYTES) return false;
        String given = signature.strip().toLowerCase(Locale.ROOT);
        if (given.startsWith("hmacsha256=")) given = given.substring("hmacsha256=".length());
        byte[] prefixed = new byte["hmacsha256=".length() + body.length];
        System.arraycopy("hmacsha256=".getBytes(StandardCharsets.US_ASCII), 0, prefixed, 0, "hmacsha256=".length());
        System.arraycopy(body, 0, prefixed, "hmacsha256=".length(), body.length);
        boolean documented = WebhookSignature.sameHex(WebhookSignature.hmacHex(clientSecret, prefixed), given);
        boolean plain = WebhookSignature.sameHex(WebhookSignature.hmacHex(clientSecret, body), given);
        return documented | plain;
    }

    /**
     * The comments and mentions of a verified delivery, oldest first. Likes, shares, edits, deletions
     * and the Page's own comments ({@code ADMIN_COMMENT}) are not items to answer and are left out;
     * an unknown or malformed notification is skipped, never thrown.
     */
    public List<Inbound> parse(byte[] body) {
        return notifications(body).stream().map(Notification::item).toList();
    }

    /** A comment or mention of a verified delivery, with the organization ({@code organizationalEntity}) it is for. */
    public record Notification(String organization, Inbound item) {}

    /** As {@link #parse}, each item with the organization it concerns (null when the notification names none). */
    public List<Notification> notifications(byte[] body) {
        JsonNode json = HttpCalls.parse(new String(body, StandardCharsets.UTF_8));
        List<Notification> items = new ArrayList<>();
        if (!EVENT_TYPE.equals(json.path("type").asText())) return items;
        for (JsonNode n : json.path("notifications")) {
            Inbound item = toInbound(n);
            String organization = n.path("organizationalEntity").isTextual() ? n.path("organizationalEntity").asText() : null;
            if (item != null) items.add(new Notification(organization, item));
        }
        items.sort(Comparator.comparing(n -> n.item().createdAt()));
        return items;
    }

    private Inbound toInbound(JsonNode n) {
        String action = n.path("action").asText("");
        Stream stream = switch (action) {
            case "COMMENT" -> Stream.COMMENTS;
            case "SHARE_MENTION" -> Stream.MENTIONS;
            default -> null;
        };
        String activity = n.path("generatedActivity").isTextual() ? n.path("generatedActivity").asText() : null;
        if (stream == null || activity == null || !activity.startsWith("urn:li:")) return null;
        String post = n.path("sourcePost").isTextual() ? n.path("sourcePost").asText() : null;
        JsonNode decorated = n.path("decoratedGeneratedActivity");
        JsonNode detail = decorated.path(stream == Stream.COMMENTS ? "comment" : "share");
        String text = firstText(detail.path("text"), detail.path("message").path("text"), detail.path("commentary"));
        String actor = firstText(detail.path("owner"), detail.path("actor"), detail.path("author"), n.path("actor"));
        Instant at = n.path("lastModifiedAt").canConvertToLong() ? Instant.ofEpochMilli(n.path("lastModifiedAt").asLong()) : clock.instant();
        String who = actor == null || actor.isBlank() ? "urn:li:person:unknown" : actor;
        String url = LinkedInChannel.postUrl(post != null ? post : activity)
                + (stream == Stream.COMMENTS ? "?commentUrn=" + LinkedInChannel.encode(activity) : "");
        return new Inbound(Network.LINKEDIN, stream, activity, stream == Stream.COMMENTS ? "comment" : "mention", text == null ? "" : text, at,
                new Inbound.Author(who, who, null, null, null), url, post, post, null);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isTextual()) return c.asText();
        }
        return null;
    }
}
