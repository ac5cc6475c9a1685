package io.socialdesk.channel.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.problem.FieldProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mentions from any automation (Zapier, n8n, a script watching a forum): a POST of a documented JSON
 * object ({@link Mention}) or an array of up to {@value #MAX_BATCH} of them, signed like our outbound webhooks ({@link WebhookSignature}, five-minute
 * window) under the account's secret. A request is refused when it is over {@value #MAX_BYTES} bytes,
 * unsigned, stale, wrongly signed or a replay of one already accepted within the window; otherwise
 * its fields are checked and it becomes an {@link Inbound} mention, or a list of field problems.
 */
public final class InboundWebhook {
    public static final int MAX_BYTES = 256 * 1024;
    static final int MAX_ID = 500;
    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_SHORT = 500;
    /** The most mentions one request may carry as a JSON array (within {@link #MAX_BYTES}). */
    public static final int MAX_BATCH = 500;

    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Clock clock;
    /** Signatures accepted within the window, so that the same request cannot be played twice. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private volatile Instant sweptAt;

    public InboundWebhook(Clock clock) {
        this.clock = clock;
    }

    /** The documented JSON of one mention; {@code createdAt} is ISO 8601 with an offset. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Mention(String id, String text, MentionAuthor author, String url, String createdAt, String inReplyTo, String network) {
    }

    /** Who wrote it; only {@code id} is required. */
    public record MentionAuthor(String id, String handle, String name, Long followers, String url) {
    }

    /** What came of a request. */
    public sealed interface Result permits Accepted, Unauthorized, Invalid, TooLarge {
    }

    /** The mentions of an accepted request, in the order sent; {@code batch} when the body was an array (even of one). */
    public record Accepted(List<Inbound> items, boolean batch) implements Result {
        public Accepted {
            items = List.copyOf(items);
        }

        public Accepted(Inbound item) {
            this(List.of(item), false);
        }

        /** The first (for a single mention, the only) mention. */
        public Inbound item() {
            return items.get(0);
        }
    }

    /** The signature did not hold; {@code reason} names the header at fault, never the expected value. */
    public record Unauthorized(String reason) implements Result {
    }

    public record Invalid(List<FieldProblem> problems) implements Result {
    }

    public record TooLarge(int limit) implements Result {
    }

    /**
     * Checks and reads one request for the account {@code accountId} whose inbound secret is
     * {@code secret}: size, signature, replay, then the fields.
     */
    public Result receive(long accountId, String secret, String timestamp, String signature, byte[] body) {
        if (body.length > MAX_BYTES) return new TooLarge(MAX_BYTES);
        Instant now = clock.instant();
        WebhookSignature.Check check = WebhookSignature.verify(secret, timestamp, signature, body, now);
        if (check != WebhookSignature.Check.VALID) return new Unauthorized(check.explanation());
        Result parsed = parse(body, now);
        if (parsed instanceof Accepted && !firstTime(accountId, signature, now)) {
            return new Unauthorized("This signed request was already received: sign each request anew");
        }
        return parsed;
    }

    private boolean firstTime(long accountId, String signature, Instant now) {
        Instant cutoff = now.minus(WebhookSignature.TOLERANCE.multipliedBy(2));
        // Forgetting the old ones walks every signature kept: at most once a second, not on every request.
        Instant last = sweptAt;
        if (last == null || !now.isBefore(last.plusSeconds(1))) {
            sweptAt = now;
            seen.values().removeIf(at -> at.isBefore(cutoff));
        }
        Instant before = seen.putIfAbsent(accountId + " " + signature.strip(), now);
        // One kept from before the window (not swept yet) is no longer a replay: its timestamp has expired anyway.
        return before == null || (before.isBefore(cutoff) && seen.replace(accountId + " " + signature.strip(), before, now));
    }

    /**
     * The fields of {@code body}, checked: one mention (a JSON object), or a batch (a JSON array of 1 to {@value #MAX_BATCH}
     * objects, each checked as one mention, its problems named {@code [i].field}); or every problem found (field and rule).
     * A batch with any problem is refused whole, so that an automation never has to tell which of its mentions went in.
     */
    public Result parse(byte[] body, Instant now) {
        if (body.length > MAX_BYTES) return new TooLarge(MAX_BYTES);
        JsonNode json;
        try {
            json = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            return invalid("body", "json", "The body must be one JSON object, or an array of them (it did not parse as JSON)");
        } catch (java.io.IOException e) {
            return invalid("body", "json", "The body could not be read");
        }
        if (json != null && json.isArray()) {
            if (json.isEmpty() || json.size() > MAX_BATCH) {
                return invalid("body", "batch-size", "A batch must hold 1 to " + MAX_BATCH + " mentions; it held " + json.size());
            }
            List<Inbound> items = new ArrayList<>(json.size());
            List<FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                List<FieldProblem> own = new ArrayList<>();
                Inbound item = mention(json.get(i), now, own);
                String at = "[" + i + "]";
                for (FieldProblem p : own) problems.add(new FieldProblem(p.field().equals("body") ? at : at + "." + p.field(), p.rule(), at + " " + p.message()));
                if (item != null) items.add(item);
            }
            if (!problems.isEmpty()) return new Invalid(problems);
            return new Accepted(items, true);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Inbound item = mention(json, now, problems);
        return item == null ? new Invalid(problems) : new Accepted(item);
    }

    /** One mention's fields, checked: the mention, or null with its problems added to {@code problems}. */
    private static Inbound mention(JsonNode json, Instant now, List<FieldProblem> problems) {
        if (json == null || !json.isObject()) {
            problems.add(new FieldProblem("body", "object", "The body must be a JSON object such as {\"id\":\"...\",\"text\":\"...\",\"author\":{\"id\":\"...\"}}"));
            return null;
        }
        String id = text(json, "id", "id", true, MAX_ID, problems);
        String text = text(json, "text", "text", true, MAX_TEXT, problems);
        JsonNode authorNode = json.get("author");
        String authorId = null, handle = null, name = null, authorUrl = null;
        Long followers = null;
        if (authorNode == null || authorNode.isNull()) {
            problems.add(new FieldProblem("author.id", "required", "author.id is required: the author's stable id where the mention was written"));
        } else if (!authorNode.isObject()) {
            problems.add(new FieldProblem("author", "object", "author must be an object such as {\"id\":\"...\",\"handle\":\"...\"}"));
        } else {
            authorId = text(authorNode, "id", "author.id", true, MAX_ID, problems);
            handle = text(authorNode, "handle", "author.handle", false, MAX_SHORT, problems);
            name = text(authorNode, "name", "author.name", false, MAX_SHORT, problems);
            authorUrl = link(authorNode, "url", "author.url", problems);
            JsonNode f = authorNode.get("followers");
            if (f != null && !f.isNull()) {
                if (!f.isIntegralNumber() || !f.canConvertToLong() || f.asLong() < 0) {
                    problems.add(new FieldProblem("author.followers", "non-negative-integer", "author.followers must be a whole number of 0 or more"));
                } else {
                    followers = f.asLong();
                }
            }
        }
        String url = link(json, "url", "url", problems);
        String createdAtText = text(json, "createdAt", "createdAt", false, MAX_SHORT, problems);
        String inReplyTo = text(json, "inReplyTo", "inReplyTo", false, MAX_ID, problems);
        String network = text(json, "network", "network", false, 100, problems);
        Instant createdAt = now;
        if (createdAtText != null) {
            try {
                createdAt = OffsetDateTime.parse(createdAtText).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("createdAt", "iso-date-time", "createdAt must be an ISO 8601 date-time with its offset, such as 2026-11-22T10:00:00Z"));
            }
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!List.of("id", "text", "author", "url", "createdAt", "inReplyTo", "network").contains(field)) {
                problems.add(new FieldProblem(field, "unknown", "The field " + field + " is not part of the inbound mention; see docs/channels/webhook.md"));
            }
        }
        if (!problems.isEmpty()) return null;
        String kind = network == null || network.isBlank() ? "mention" : "mention on " + network.strip();
        return new Inbound(Network.WEBHOOK, Stream.MENTIONS, id, kind, text, createdAt,
                new Inbound.Author(authorId, handle, name, followers, authorUrl), url, inReplyTo, null, null);
    }

    private static Invalid invalid(String field, String rule, String message) {
        return new Invalid(List.of(new FieldProblem(field, rule, message)));
    }

    private static String text(JsonNode parent, String name, String field, boolean required, int max, List<FieldProblem> problems) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(field, "required", field + " is required"));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(field, "string", field + " must be a string"));
            return null;
        }
        String value = node.asText();
        if (required && value.isBlank()) {
            problems.add(new FieldProblem(field, "required", field + " must not be empty"));
            return null;
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "max-length", field + " must have at most " + max + " characters"));
            return null;
        }
        return value;
    }

    /** An http(s) URL without credentials; the link is shown to agents, so nothing else is let through. */
    private static String link(JsonNode parent, String name, String field, List<FieldProblem> problems) {
        String value = text(parent, name, field, false, 2000, problems);
        if (value == null) return null;
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null) return uri.toString();
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "http-url", field + " must be an http or https URL without a user name or password"));
        return null;
    }
}
