package io.socialdesk.channel.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Stream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Mentions and direct messages from {@code GET /api/v1/notifications?types[]=mention}. Paging is forward with
 * {@code min_id} (never {@code since_id}, which returns the newest page above the id and so skips items when
 * more than a page arrived between two polls): each page is newest first, so it is sorted by id, oldest first,
 * and the next page starts after its highest id, until a page comes back empty. Replies to us arrive as
 * mentions too; a mention whose status is {@code direct} is a direct message.
 */
final class MastodonImport {
    /** Mastodon's largest page of notifications (its default is 40; {@code GET /api/v1/notifications} allows up to 80): half the requests. */
    static final int PAGE = 80;
    /** Pages read in one fetch; more are left for the next fetch ({@link ImportBatch#more()}). */
    static final int MAX_PAGES = 10;
    /** A cursor below every Mastodon id: "everything", used once an empty account has been marked. */
    static final String BEGINNING = "0";

    private final MastodonApi api;

    MastodonImport(MastodonApi api) {
        this.api = api;
    }

    ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return fetch(account, stream, cursor, null);
    }

    /**
     * The notifications after {@code cursor}; {@code stored} (may be null) is asked once, for the whole fetch, which of its
     * statuses the inbox has stored: those are counted ({@link ImportBatch#leftOut()}), not converted (their HTML to text
     * was most of a fetch's work when the same notifications were read again).
     */
    ImportBatch fetch(ChannelAccount account, Stream stream, String cursor, Function<Collection<String>, Set<String>> stored) {
        if (stream != Stream.MENTIONS && stream != Stream.DIRECT_MESSAGES) {
            return ImportBatch.failed(cursor, "Mastodon offers mentions and direct messages, not " + stream, null);
        }
        Optional<AddressPolicy.Refusal> refused = api.refusal(account.instance());
        if (refused.isPresent()) {
            return ImportBatch.failed(cursor, refused.get().message(), null);
        }
        Optional<Instant> held = api.held(account);
        if (held.isPresent()) {
            return ImportBatch.failed(cursor, "Mastodon asked us to wait before reading more (rate limit)", held.get());
        }
        HttpUrl root = MastodonApi.root(account.instance());
        if (cursor == null) {
            return mark(account, root);
        }
        List<JsonNode> accepted = new ArrayList<>();
        String highest = cursor;
        for (int page = 0; page < MAX_PAGES; page++) {
            Answer answer = api.http.send(MastodonApi.authorized(notifications(root).addQueryParameter("min_id", highest)
                    .addQueryParameter("limit", String.valueOf(PAGE)).build(), account).get().build());
            Optional<Instant> hold = api.observe(account, answer);
            if (!answer.ok() || !answer.json().isArray()) {
                if (page > 0) {
                    // What the earlier pages brought is good: keep it, and let the next fetch continue from there.
                    return converted(account, stream, cursor, accepted, highest, true, stored);
                }
                return failed(cursor, answer, hold);
            }
            if (answer.json().isEmpty()) {
                return converted(account, stream, cursor, accepted, highest, false, stored);
            }
            List<JsonNode> notifications = new ArrayList<>();
            answer.json().forEach(notifications::add);
            for (JsonNode notification : notifications) {
                if (!notification.path("id").isTextual() || notification.path("id").asText().isEmpty()) {
                    return ImportBatch.failed(cursor, "Mastodon sent a notification without a readable id; nothing was imported", null);
                }
            }
            notifications.sort((a, b) -> MastodonApi.ID_ORDER.compare(a.path("id").asText(), b.path("id").asText()));
            String before = highest;
            for (JsonNode notification : notifications) {
                String id = notification.path("id").asText();
                if (MastodonApi.ID_ORDER.compare(id, highest) <= 0) {
                    continue; // not after the cursor: a server that ignored min_id must not make us import twice
                }
                accepted.add(notification);
                highest = id;
            }
            if (highest.equals(before)) {
                return converted(account, stream, cursor, accepted, highest, false, stored); // nothing newer than the cursor: the server ignored min_id
            }
        }
        return converted(account, stream, cursor, accepted, highest, true, stored);
    }

    /**
     * The fetch's notifications as items, in order; those whose status the inbox has stored are only counted. A notification
     * in a shape we cannot read fails the whole fetch (nothing imported, the cursor stays).
     */
    private static ImportBatch converted(ChannelAccount account, Stream stream, String cursor, List<JsonNode> notifications, String highest,
            boolean more, Function<Collection<String>, Set<String>> stored) {
        Set<String> known = Set.of();
        if (stored != null && !notifications.isEmpty()) {
            Set<String> ids = new HashSet<>();
            for (JsonNode notification : notifications) {
                JsonNode id = notification.path("status").path("id");
                if (id.isTextual()) ids.add(id.asText());
            }
            known = stored.apply(ids);
        }
        List<Inbound> items = new ArrayList<>();
        int leftOut = 0;
        for (JsonNode notification : notifications) {
            Parsed parsed = parse(account, stream, notification, known);
            if (parsed.problem() != null) {
                return ImportBatch.failed(cursor, "Mastodon sent notification " + notification.path("id").asText() + " in a shape we cannot read ("
                        + parsed.problem() + "); nothing was imported, so nothing is lost", null);
            }
            if (parsed == Parsed.STORED) {
                leftOut++;
            } else if (parsed.item() != null) {
                items.add(parsed.item());
            }
        }
        return ImportBatch.of(items, highest, more, leftOut);
    }

    /** The first fetch: the newest notification's id becomes the mark, history is not imported. */
    private ImportBatch mark(ChannelAccount account, HttpUrl root) {
        Answer answer = api.http.send(MastodonApi.authorized(notifications(root).addQueryParameter("limit", "1").build(), account).get().build());
        Optional<Instant> hold = api.observe(account, answer);
        if (!answer.ok() || !answer.json().isArray()) {
            return failed(null, answer, hold);
        }
        String newest = BEGINNING; // no mention yet: every later one is new
        for (JsonNode notification : answer.json()) {
            JsonNode id = notification.path("id");
            if (!id.isTextual() || id.asText().isEmpty()) {
                return ImportBatch.failed(null, "Mastodon sent a notification without a readable id", null);
            }
            if (MastodonApi.ID_ORDER.compare(id.asText(), newest) > 0) {
                newest = id.asText();
            }
        }
        return ImportBatch.of(List.of(), newest, false);
    }

    private static HttpUrl.Builder notifications(HttpUrl root) {
        return MastodonApi.url(root, "api", "v1", "notifications").addQueryParameter("types[]", "mention");
    }

    private ImportBatch failed(String cursor, Answer answer, Optional<Instant> hold) {
        if (answer.ok()) {
            return ImportBatch.failed(cursor, "Mastodon answered the notifications with something that is not a list", null);
        }
        Outcome outcome = api.failure(answer, false, hold, false, "the notifications request");
        if (outcome instanceof Outcome.RetryLater later) {
            return ImportBatch.failed(cursor, later.reason(), later.notBefore());
        }
        if (outcome instanceof Outcome.Failed failed) {
            return ImportBatch.failed(cursor, failed.reason(), null);
        }
        return ImportBatch.failed(cursor, "Mastodon did not answer the notifications request", api.now().plus(Outcomes.SERVER_ERROR_BACKOFF));
    }

    /** An item, nothing (not for this stream, or our own status), or the field that could not be read. */
    private record Parsed(Inbound item, String problem) {
        static final Parsed NOTHING = new Parsed(null, null);
        /** A status the inbox has stored: not converted. */
        static final Parsed STORED = new Parsed(null, null);

        static Parsed problem(String problem) {
            return new Parsed(null, problem);
        }
    }

    private static Parsed parse(ChannelAccount account, Stream stream, JsonNode notification, Set<String> stored) {
        if (!"mention".equals(notification.path("type").asText(""))) {
            return Parsed.NOTHING;
        }
        JsonNode status = notification.path("status");
        if (status.isMissingNode() || status.isNull()) {
            return Parsed.NOTHING; // a mention whose status was deleted meanwhile
        }
        if (!status.isObject()) {
            return Parsed.problem("its status is not an object");
        }
        boolean direct = "direct".equals(status.path("visibility").asText(""));
        if (direct != (stream == Stream.DIRECT_MESSAGES)) {
            return Parsed.NOTHING;
        }
        JsonNode id = status.path("id");
        if (id.isTextual() && stored.contains(id.asText())) {
            String authorId = MastodonApi.text(status.path("account"), "id");
            return authorId != null && authorId.equals(account.remoteId()) ? Parsed.NOTHING : Parsed.STORED;
        }
        return status(account, stream, status, MastodonApi.text(notification, "created_at"));
    }

    /**
     * A status as an item. Keyed by its id on the account's instance, as {@code in_reply_to_id} names its parent and as our
     * own statuses are recorded when we publish them: a reply then finds its parent's conversation. (The status's
     * {@code uri} is global, but no field gives a parent's uri, so keying by uri left every reply alone in a ticket.)
     */
    static Parsed status(ChannelAccount account, Stream stream, JsonNode status, String fallbackTime) {
        JsonNode author = status.path("account");
        if (!author.isObject()) {
            return Parsed.problem("its status has no account object");
        }
        String authorId = MastodonApi.text(author, "id");
        if (authorId == null) {
            return Parsed.problem("the account id is not text");
        }
        if (authorId.equals(account.remoteId())) {
            return Parsed.NOTHING; // our own status
        }
        String id = MastodonApi.text(status, "id");
        if (id == null) {
            return Parsed.problem("the status id is not text");
        }
        String uri = MastodonApi.text(status, "uri");
        if (uri == null) {
            return Parsed.problem("the status uri is not text");
        }
        JsonNode content = status.path("content");
        if (!content.isTextual() && !content.isMissingNode() && !content.isNull()) {
            return Parsed.problem("the status content is not text");
        }
        JsonNode followers = author.path("followers_count");
        String url = MastodonApi.text(status, "url");
        String parent = MastodonApi.text(status, "in_reply_to_id");
        Inbound item = new Inbound(Network.MASTODON, stream, id,
                stream == Stream.MENTIONS ? (parent == null ? "mention" : "reply") : null,
                MastodonHtml.plainText(content.asText("")),
                instant(MastodonApi.text(status, "created_at")).or(() -> instant(fallbackTime)).orElse(null),
                new Inbound.Author(authorId, MastodonApi.text(author, "acct"), MastodonApi.text(author, "display_name"),
                        followers.isIntegralNumber() ? followers.asLong() : null, MastodonApi.text(author, "url")),
                url == null ? uri : url, parent, null, MastodonApi.text(status, "language"));
        return new Parsed(item, null);
    }

    /**
     * Up to {@code max} ancestors of a status, nearest first, from {@code GET /api/v1/statuses/:id/context} (whose
     * {@code ancestors} go from the thread's first status down to the parent). Our own statuses are left out; a failed
     * call or an unreadable answer gives none (the reply then opens a ticket naming its parent).
     */
    List<Inbound> ancestors(ChannelAccount account, Inbound item, int max) {
        if (max <= 0 || item.parentId() == null || api.refusal(account.instance()).isPresent() || api.held(account).isPresent()) {
            return List.of();
        }
        HttpUrl url = MastodonApi.url(MastodonApi.root(account.instance()), "api", "v1", "statuses", item.externalId(), "context").build();
        Answer answer = api.http.send(MastodonApi.authorized(url, account).get().build());
        api.observe(account, answer);
        if (!answer.ok() || !answer.json().path("ancestors").isArray()) {
            return List.of();
        }
        List<Inbound> nearestFirst = new ArrayList<>();
        JsonNode ancestors = answer.json().path("ancestors");
        for (int i = ancestors.size() - 1; i >= 0 && nearestFirst.size() < max; i--) {
            JsonNode status = ancestors.get(i);
            if (!status.isObject()) continue;
            Parsed parsed = status(account, item.stream(), status, null);
            if (parsed.item() != null) {
                nearestFirst.add(parsed.item());
            }
        }
        return nearestFirst;
    }

    static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
