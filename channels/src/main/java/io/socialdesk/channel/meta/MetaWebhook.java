package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's webhooks for Facebook Pages and Instagram: the subscription handshake, the signature check and
 * the envelopes turned into {@link Inbound} items. Delivering the HTTP request here is the host's job;
 * this class never throws and never trusts a body whose signature does not hold.
 *
 * <p>Understood: {@code object=page}, field {@code feed}, {@code item=comment}, {@code verb=add} (other
 * verbs are counted as ignored); {@code object=instagram}, fields {@code comments}, {@code live_comments}
 * and {@code mentions} (the Instagram Login variant puts {@code field}/{@code value} directly in the entry).
 * Meta retries and duplicates deliveries, so each event carries a dedupe key: the comment id and the verb.
 */
public final class MetaWebhook {
    private final String appSecret;
    private final String verifyToken;
    private final Clock clock;

    public MetaWebhook(String appSecret, String verifyToken, Clock clock) {
        this.appSecret = appSecret;
        this.verifyToken = verifyToken;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The answer to Meta's subscription check: echo {@code hub.challenge} when mode and token are right. */
    public record Handshake(boolean accepted, String challenge, String reason) {
    }

    /** One event of a delivery: which account it is for (the entry id: a Page id or an Instagram user id). */
    public record Event(String accountRemoteId, String dedupeKey, Inbound item, boolean needsDetails) {
    }

    /**
     * What a delivery held. {@code accepted} is false when the signature or the body was refused
     * ({@code problem} says why); {@code ignored} counts the changes we do not import (edits, removals,
     * other fields, our own comments).
     */
    public record Result(boolean accepted, String problem, List<Event> events, int ignored) {
        public Result {
            events = events == null ? List.of() : List.copyOf(events);
        }

        static Result refused(String problem) {
            return new Result(false, problem, List.of(), 0);
        }
    }

    /** GET {@code ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…}. */
    public Handshake handshake(String mode, String token, String challenge) {
        if (!"subscribe".equals(mode)) {
            return new Handshake(false, null, "hub.mode must be subscribe");
        }
        if (verifyToken == null || verifyToken.isEmpty()) {
            return new Handshake(false, null, "no verify token is configured");
        }
        if (token == null || !MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return new Handshake(false, null, "hub.verify_token does not match the configured verify token");
        }
        if (challenge == null || challenge.isEmpty()) {
            return new Handshake(false, null, "hub.challenge is missing");
        }
        return new Handshake(true, challenge, null);
    }

    /** Checks the signature over the raw bytes, then reads the envelope. */
    public Result receive(byte[] rawBody, String signatureHeader) {
        Optional<String> problem = WebhookSignature.problem(appSecret, rawBody, signatureHeader);
        if (problem.isPresent()) {
            return Result.refused("Refused: " + problem.get() + ".");
        }
        JsonNode envelope = HttpCalls.parse(new String(rawBody, StandardCharsets.UTF_8));
        if (!envelope.isObject() || !envelope.path("entry").isArray()) {
            return Result.refused("Refused: the body is not a Meta webhook envelope (an object with an entry list).");
        }
        String object = text(envelope.path("object"));
        List<Event> events = new ArrayList<>();
        int ignored = 0;
        for (JsonNode entry : envelope.path("entry")) {
            String accountId = text(entry.path("id"));
            Instant entryTime = time(entry.path("time"));
            List<JsonNode> changes = new ArrayList<>();
            entry.path("changes").forEach(changes::add);
            if (changes.isEmpty() && entry.has("field") && entry.has("value")) {
                changes.add(entry);
            }
            for (JsonNode change : changes) {
                Optional<Event> event = "page".equals(object) ? pageEvent(accountId, change)
                        : "instagram".equals(object) ? instagramEvent(accountId, entryTime, change) : Optional.empty();
                if (event.isPresent()) {
                    events.add(event.get());
                } else {
                    ignored++;
                }
            }
        }
        return new Result(true, null, events, ignored);
    }

    private Optional<Event> pageEvent(String pageId, JsonNode change) {
        JsonNode value = change.path("value");
        if (!"feed".equals(text(change.path("field"))) || !"comment".equals(text(value.path("item")))) {
            return Optional.empty();
        }
        String verb = text(value.path("verb"));
        String commentId = text(value.path("comment_id"));
        String fromId = text(value.path("from").path("id"));
        if (!"add".equals(verb) || commentId == null || (fromId != null && fromId.equals(pageId))) {
            return Optional.empty();
        }
        String postId = text(value.path("post_id"));
        String parentId = text(value.path("parent_id"));
        boolean reply = parentId != null && !parentId.equals(postId);
        Instant created = time(value.path("created_time"));
        Inbound item = new Inbound(Network.FACEBOOK, Stream.COMMENTS, commentId, reply ? "reply" : "comment", text(value.path("message")),
                created == null ? clock.instant() : created, facebookAuthor(value.path("from")), null, parentId == null ? postId : parentId,
                postId, null);
        return Optional.of(new Event(pageId, "facebook:" + commentId + ":" + verb, item, false));
    }

    private Optional<Event> instagramEvent(String igId, Instant entryTime, JsonNode change) {
        String field = text(change.path("field"));
        JsonNode value = change.path("value");
        Instant at = entryTime == null ? clock.instant() : entryTime;
        if ("comments".equals(field) || "live_comments".equals(field)) {
            String id = text(value.path("id"));
            String fromId = text(value.path("from").path("id"));
            if (id == null || (fromId != null && fromId.equals(igId))) {
                return Optional.empty();
            }
            String mediaId = text(value.path("media").path("id"));
            String parentId = text(value.path("parent_id"));
            String username = text(value.path("from").path("username"));
            Inbound item = new Inbound(Network.INSTAGRAM, Stream.COMMENTS, id, parentId == null ? "comment" : "reply", text(value.path("text")), at,
                    new Inbound.Author(fromId == null ? "unknown" : fromId, username, username, null,
                            username == null ? null : "https://www.instagram.com/" + username),
                    null, parentId == null ? mediaId : parentId, mediaId, null);
            return Optional.of(new Event(igId, "instagram:" + id + ":add", item, false));
        }
        if ("mentions".equals(field)) {
            String commentId = text(value.path("comment_id"));
            String mediaId = text(value.path("media_id"));
            String id = commentId != null ? commentId : mediaId;
            if (id == null) {
                return Optional.empty();
            }
            // The payload names the comment or caption only; the text and author are fetched before the ticket.
            Inbound item = new Inbound(Network.INSTAGRAM, Stream.MENTIONS, id, commentId != null ? "mention-comment" : "mention-caption", "",
                    at, new Inbound.Author("unknown", "an Instagram account", null, null, null), null, commentId != null ? mediaId : null,
                    mediaId, null);
            return Optional.of(new Event(igId, "instagram:mention:" + id + ":add", item, true));
        }
        return Optional.empty();
    }

    static Inbound.Author facebookAuthor(JsonNode from) {
        String id = text(from.path("id"));
        String name = text(from.path("name"));
        // Facebook leaves out who commented unless the app may read it; the comment still counts.
        return id == null ? new Inbound.Author("unknown", "a Facebook user", null, null, null)
                : new Inbound.Author(id, name == null ? id : name, name, null, null);
    }

    private static Instant time(JsonNode node) {
        if (node.isIntegralNumber() && node.asLong() > 100_000_000_000L) {
            return Instant.ofEpochMilli(node.asLong()); // some deliveries write milliseconds
        }
        return GraphTime.of(node);
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }
}
