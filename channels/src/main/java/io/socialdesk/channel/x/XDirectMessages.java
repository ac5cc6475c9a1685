package io.socialdesk.channel.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The direct-messages stream of an X account: {@code GET /2/dm_events} (scope {@code dm.read}), which lists the
 * account's message events of the last 30 days, newest first, 100 a page, older pages through
 * {@code pagination_token}. It has no {@code since_id}, so the cursor is the newest event id imported (X's ids are
 * snowflakes: a larger id is a later event): pages are read until an event at or below the cursor, at most
 * {@value #PAGES} pages, and the cursor moves to the newest event seen only once every page is read. A failure on any
 * page keeps the old cursor and returns nothing. A first fetch imports no history: it marks the newest event.
 *
 * <p>Each message a person sent is an item whose root is its conversation ({@code dm_conversation_id}), so one
 * person's messages meet on one ticket; the account's own messages are never items.
 */
final class XDirectMessages {
    /** 10 pages of 100: more than 1,000 messages between two polls (a minute apart) is not expected. */
    static final int PAGES = 10;
    static final String EVENT_FIELDS = "id,text,created_at,dm_conversation_id,event_type";

    private final XApi api;

    XDirectMessages(XApi api) {
        this.api = api;
    }

    ImportBatch fetch(ChannelAccount account, String cursor) {
        Set<String> granted = account.credentials() == null ? Set.of() : account.credentials().scopes();
        if (!granted.isEmpty() && !granted.contains("dm.read")) {
            return ImportBatch.failed(cursor, "The X account was connected without the permission to read direct messages"
                    + " (scope dm.read): connect it again to grant it", api.now().plus(Duration.ofHours(1)));
        }
        XApi.Session session = api.open(account);
        boolean first = cursor == null || !XApi.ID.matcher(cursor).matches();
        BigInteger since = first ? null : new BigInteger(cursor);
        BigInteger newest = since;
        Map<String, Inbound> items = new LinkedHashMap<>();
        String next = null;
        boolean reached = false;
        for (int pages = 0; pages < PAGES && !reached; pages++) {
            HttpUrl.Builder builder = api.url("2/dm_events")
                    .addQueryParameter("event_types", "MessageCreate")
                    .addQueryParameter("max_results", first ? "1" : "100")
                    .addQueryParameter("dm_event.fields", EVENT_FIELDS);
            XChannel.withUsers(builder, "sender_id");
            Answer answer = api.page(session, builder, next);
            Optional<ImportBatch> failure = pageFailure(answer, cursor);
            if (failure.isPresent()) {
                return failure.get();
            }
            JsonNode json = answer.json();
            Map<String, JsonNode> users = XChannel.usersById(json);
            for (JsonNode event : json.path("data")) {
                String id = Json.id(event, "id");
                if (id == null) {
                    continue;
                }
                BigInteger number = new BigInteger(id);
                if (since != null && number.compareTo(since) <= 0) {
                    reached = true; // newest first: everything after this was imported before
                    continue;
                }
                newest = newest == null || number.compareTo(newest) > 0 ? number : newest;
                Inbound item = first ? null : inbound(event, users, session.userId());
                if (item != null) {
                    items.putIfAbsent(id, item);
                }
            }
            next = Json.string(json, "meta", "next_token");
            if (first || next == null) {
                break;
            }
        }
        if (first) {
            String mark = newest != null ? newest.toString()
                    : Long.toString((api.now().minus(Duration.ofMinutes(1)).toEpochMilli() - XChannel.SNOWFLAKE_EPOCH_MILLIS) << 22);
            return ImportBatch.of(List.of(), mark, false);
        }
        List<Inbound> oldestFirst = new ArrayList<>(items.values());
        oldestFirst.sort(Comparator.comparing((Inbound i) -> new BigInteger(i.externalId())));
        return ImportBatch.of(oldestFirst, newest.toString(), false);
    }

    private Optional<ImportBatch> pageFailure(Answer answer, String cursor) {
        if (!answer.ok()) {
            if (answer.status() == 403) {
                String said = XProblems.of(answer.isJson() ? answer.json() : null).map(p -> " (" + p.sentence() + ")").orElse("");
                return Optional.of(ImportBatch.failed(cursor, "X refused to list the direct messages: reading them needs an X API tier"
                        + " that includes direct messages and the scope dm.read" + said, api.now().plus(Duration.ofHours(1))));
            }
        }
        return XChannel.pageFailure(api, answer, cursor, "direct messages");
    }

    /** A message a person sent as an item; null for the account's own, other events, and entries it cannot place. */
    private static Inbound inbound(JsonNode event, Map<String, JsonNode> users, String ownId) {
        String id = Json.id(event, "id");
        String sender = Json.id(event, "sender_id");
        String conversation = Json.string(event, "dm_conversation_id");
        String type = Json.string(event, "event_type");
        if (id == null || sender == null || sender.equals(ownId) || conversation == null || conversation.isBlank()
                || type != null && !"MessageCreate".equals(type)) {
            return null;
        }
        return new Inbound(Network.X, Stream.DIRECT_MESSAGES, id, "message", Json.string(event, "text"), XChannel.createdAt(event),
                XChannel.author(sender, users),
                "https://x.com/messages/" + conversation, null, "dm:" + conversation, null);
    }
}
