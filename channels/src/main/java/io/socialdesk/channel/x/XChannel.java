package io.socialdesk.channel.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * X (API v2) for Social Desk: connect with OAuth 2 and PKCE, publish one part (media first, then
 * {@code POST /2/tweets}), settle an ambiguous publish from the account's own timeline (X has no
 * idempotency key), delete, import mentions from a {@code since_id} cursor, check the account.
 * Rate limits come from {@code x-rate-limit-*} (reset in epoch seconds). Direct messages are sent
 * (API v2, scope {@code dm.write}) and imported ({@link XDirectMessages}, scope {@code dm.read}; X sells reading them on
 * higher API tiers only, and a refusal says so).
 */
public final class XChannel implements Channel {
    public static final URI API = URI.create("https://api.x.com");
    public static final URI AUTHORIZE = URI.create("https://x.com/i/oauth2/authorize");
    /** Scopes the account must have granted for everything here. */
    public static final Set<String> REQUIRED_SCOPES = Set.of("tweet.read", "tweet.write", "users.read", "media.write", "offline.access");
    /** Segments of a chunked video upload. */
    static final int CHUNK_BYTES = 4 * 1024 * 1024;
    /** A post X has made can take a moment to show on the author's timeline; before that, "not found" proves nothing. */
    static final Duration SETTLE_GRACE = Duration.ofMinutes(2);
    static final int SETTLE_PAGES = 5;
    /** X keeps the 800 latest mentions, 100 a page: eight pages at most, and two to spare. */
    static final int MENTION_PAGES = 10;
    static final String MENTION_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang";
    static final String ATTEMPTED_AT = "attempted-at";
    /** X's ids are snowflakes: milliseconds since this epoch, shifted 22 bits. */
    static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final XApi api;
    private final XMedia media;
    private final XOAuth oauth;
    private final XDirectMessages directMessages;

    /** X's own hosts. */
    public XChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, API, AUTHORIZE);
    }

    public XChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI apiBase, URI authorizeBase) {
        this(http, rateLimits, sink, clock, apiBase, authorizeBase, null);
    }

    /**
     * @param app the X app the host configured (client id, and secret for a confidential client): needed to
     *            renew a confidential client's tokens during a publish or an import; null renews as a public client
     */
    public XChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI apiBase, URI authorizeBase,
            OAuthClient app) {
        this(new XApi(http, rateLimits, sink, clock, apiBase, authorizeBase, app), XMedia.Sleeper.REAL, CHUNK_BYTES);
    }

    /** For hosts: {@code app} answers the X app configured now (null when none), asked at each renewal. */
    public XChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, java.util.function.Supplier<OAuthClient> app) {
        this(new XApi(http, rateLimits, sink, clock, API, AUTHORIZE, app), XMedia.Sleeper.REAL, CHUNK_BYTES);
    }

    XChannel(XApi api, XMedia.Sleeper sleeper, int chunkBytes) {
        this.api = api;
        this.media = new XMedia(api, sleeper, chunkBytes);
        this.oauth = new XOAuth(api);
        this.directMessages = new XDirectMessages(api);
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public Connection connection() {
        return oauth;
    }

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.MENTIONS, Stream.DIRECT_MESSAGES);
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return api.rateLimits.nextAllowedAt(account.id());
    }

    // ---------------------------------------------------------------- publish

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        boolean[] posted = {false};
        try {
            return publish(account, delivery, progress == null ? Progress.NONE : progress, posted);
        } catch (XApi.Stop stop) {
            return stop.outcome;
        } catch (RuntimeException e) {
            return posted[0] ? new Outcome.Unknown("Reading X's answer to the post failed inside Social Desk; it must be looked up")
                    : new Outcome.Failed("internal-error", "Publishing to X failed inside Social Desk (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Outcome publish(ChannelAccount account, Delivery delivery, Progress progress, boolean[] posted) {
        if (delivery.progress(Delivery.DIRECT_TO) != null) {
            return directMessage(account, delivery, progress, posted);
        }
        if (delivery.text().isBlank() && delivery.media().isEmpty()) {
            return new Outcome.Failed("empty", "X needs text or media to post");
        }
        String replyTo = null;
        if (delivery.replyTo() != null) {
            replyTo = delivery.replyTo().id();
            if (!XApi.ID.matcher(replyTo).matches()) {
                return new Outcome.Failed("invalid-reply-target", "The post to reply to is not an X post");
            }
        }
        XMedia.check(delivery.media());
        XApi.Session session = api.open(account);
        List<String> mediaIds = media.prepare(session, delivery, progress);

        // CreatePostsRequest has additionalProperties:false: only the fields that are set. The spec defaults
        // text to "" so that it is always sent (X's backend rejects an absent text).
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("text", delivery.text());
        if (!mediaIds.isEmpty()) {
            mediaIds.forEach(body.putObject("media").putArray("media_ids")::add);
        }
        if (replyTo != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", replyTo);
        }
        RequestBody request = RequestBody.create(body.toString(), JSON);
        HttpUrl url = api.url("2/tweets").build();
        java.util.function.Function<String, okhttp3.Request> build = token -> XApi.bearer(url, token).post(request).build();
        build.apply(session.token()); // a token OkHttp cannot put in a header fails here, before anything is recorded as sent
        // X has no idempotency key: the time of the attempt is what settle() looks from.
        progress.record(ATTEMPTED_AT, api.now().toString());
        posted[0] = true;
        Answer answer = api.send(session, build);
        return created(answer, session, replyTo != null);
    }

    @Override
    public boolean sendsDirectMessages() {
        return true;
    }

    /**
     * {@code POST /2/dm_conversations/with/{participant_id}/messages} ({@code CreateDirectMessagesByParticipantIdRequest}:
     * text only here). Needs the scope {@code dm.write}; X refuses a person who does not accept messages from the account.
     */
    private Outcome directMessage(ChannelAccount account, Delivery delivery, Progress progress, boolean[] posted) {
        String to = delivery.progress(Delivery.DIRECT_TO);
        if (!XApi.ID.matcher(to).matches()) {
            return new Outcome.Failed("invalid-recipient", "The person to write to is not an X user id");
        }
        if (delivery.text().isBlank() || !delivery.media().isEmpty()) {
            return new Outcome.Failed("not-supported", "Social Desk sends X direct messages as text only, and they need some text");
        }
        Set<String> granted = account.credentials() == null ? Set.of() : account.credentials().scopes();
        if (!granted.isEmpty() && !granted.contains("dm.write")) {
            return new Outcome.Failed("missing-scope", "The X account was connected without the permission to send direct messages"
                    + " (scope dm.write): connect it again to grant it");
        }
        XApi.Session session = api.open(account);
        ObjectNode body = HttpCalls.JSON.createObjectNode().put("text", delivery.text());
        RequestBody request = RequestBody.create(body.toString(), JSON);
        HttpUrl url = api.url("2/dm_conversations/with").addPathSegment(to).addPathSegment("messages").build();
        java.util.function.Function<String, okhttp3.Request> build = token -> XApi.bearer(url, token).post(request).build();
        build.apply(session.token());
        if (delivery.progress(ATTEMPTED_AT) == null) {
            progress.record(ATTEMPTED_AT, api.now().toString());
        }
        posted[0] = true;
        Answer answer = api.send(session, build);
        if (!answer.ok() || !answer.isJson()) {
            if (answer.status() == 403) {
                return new Outcome.Failed("direct-refused", "X refused the direct message: the person does not accept direct messages from"
                        + " this account (or blocked it)" + XProblems.of(answer.isJson() ? answer.json() : null)
                                .map(p -> " (" + p.sentence() + ")").orElse(""));
            }
            return XProblems.failure(answer, true, false, api.hold(answer), api.now());
        }
        String event = Json.id(answer.json(), "data", "dm_event_id");
        String conversation = Json.string(answer.json(), "data", "dm_conversation_id");
        if (event == null) {
            return new Outcome.Unknown("X answered " + answer.status() + " without the message's id; it must be looked up");
        }
        return new Outcome.Sent(RemotePost.of(event, conversation == null ? null : "https://x.com/messages/" + conversation));
    }

    /** Looks for our message to the person since the attempt ({@code GET /2/dm_conversations/with/{id}/dm_events}). */
    private Outcome settleDirect(ChannelAccount account, Delivery delivery, Instant attempted) {
        String to = delivery.progress(Delivery.DIRECT_TO);
        if (!XApi.ID.matcher(to).matches() || account.remoteId() == null) {
            return new Outcome.Unknown("The direct message's participants are unknown, so it cannot be looked up");
        }
        XApi.Session session = api.open(account);
        HttpUrl url = api.url("2/dm_conversations/with").addPathSegment(to).addPathSegment("dm_events")
                .addQueryParameter("event_types", "MessageCreate").addQueryParameter("max_results", "100")
                .addQueryParameter("dm_event.fields", "id,text,created_at,dm_conversation_id")
                .addQueryParameter("expansions", "sender_id").build(); // the spec gives sender_id through this expansion
        Answer answer = api.send(session, token -> XApi.bearer(url, token).get().build());
        if (!answer.ok() || !answer.isJson() || !(answer.json().path("data").isArray() || answer.json().path("meta").has("result_count"))) {
            return new Outcome.Unknown("X's direct messages could not be read to settle the message");
        }
        Instant from = attempted.minus(Duration.ofMinutes(1));
        for (JsonNode event : answer.json().path("data")) {
            String id = Json.id(event, "id");
            String created = Json.string(event, "created_at");
            boolean recent = created == null || !Instant.parse(created).isBefore(from);
            if (id != null && recent && account.remoteId().equals(Json.string(event, "sender_id"))
                    && XText.same(delivery.text(), Json.string(event, "text") == null ? "" : Json.string(event, "text"))) {
                String conversation = Json.string(event, "dm_conversation_id");
                return new Outcome.Sent(RemotePost.of(id, conversation == null ? null : "https://x.com/messages/" + conversation));
            }
        }
        if (api.now().isBefore(attempted.plus(SETTLE_GRACE))) {
            return new Outcome.Unknown("X does not show the direct message yet; look again after " + attempted.plus(SETTLE_GRACE));
        }
        return new Outcome.RetryLater(api.now(), "X shows no such direct message since the attempt: nothing was sent");
    }

    private Outcome created(Answer answer, XApi.Session session, boolean reply) {
        if (!answer.ok() || !answer.isJson()) {
            return XProblems.failure(answer, true, reply, api.hold(answer), api.now());
        }
        String id = Json.id(answer.json(), "data", "id");
        if (id != null) {
            // A 201 may carry errors[] beside data (partial success): the post exists, so it is sent.
            return new Outcome.Sent(RemotePost.of(id, postUrl(session.username(), id)));
        }
        Optional<XProblems.Problem> problem = XProblems.of(answer.json());
        if (problem.isPresent()) {
            return XProblems.notCreated(problem.get(), api.hold(answer), api.now());
        }
        return new Outcome.Unknown("X answered " + answer.status() + " without the new post's id; it must be looked up");
    }

    static String postUrl(String username, String id) {
        boolean named = username != null && username.matches("\\w{1,50}");
        return "https://x.com/" + (named ? username : "i/web") + "/status/" + id;
    }

    // ---------------------------------------------------------------- settle

    /**
     * Looks for the post on the account's own timeline from a minute before the recorded attempt.
     *
     * <p>Why "nothing found" is {@link Outcome.RetryLater} and not {@link Outcome.Unknown}: the lookup is the
     * account's complete timeline for that window, read successfully, and a post we made would be in it; an
     * answer of "unknown" there would leave the delivery stuck forever, since asking again gives the same answer.
     * Two guards keep a double post unlikely: within {@link #SETTLE_GRACE} of the attempt the answer stays
     * "unknown" (X's timeline can lag), and X itself refuses the same text posted again as duplicate content [U].
     * Only a lookup that failed (transport, error, unreadable answer, more posts than we page through) is "unknown".
     */
    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            return settleNow(account, delivery);
        } catch (XApi.Stop stop) {
            return stop.outcome instanceof Outcome.Unknown ? stop.outcome
                    : new Outcome.Unknown("The post could not be looked up on X: " + reason(stop.outcome));
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Looking the post up on X failed inside Social Desk (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Outcome settleNow(ChannelAccount account, Delivery delivery) {
        String recorded = delivery.progress(ATTEMPTED_AT);
        if (recorded == null) {
            // The attempt time is recorded before POST /2/tweets is sent: without it, the post was never sent.
            return new Outcome.RetryLater(api.now(), "No attempt to post this on X was recorded, so nothing was posted");
        }
        Instant attempted;
        try {
            attempted = Instant.parse(recorded);
        } catch (DateTimeParseException e) {
            return new Outcome.Unknown("The recorded time of the attempt cannot be read, so X's timeline cannot be searched");
        }
        if (account.remoteId() == null || !XApi.ID.matcher(account.remoteId()).matches()) {
            return new Outcome.Unknown("The account has no X user id to look its posts up; reconnect it");
        }
        if (delivery.progress(Delivery.DIRECT_TO) != null) {
            return settleDirect(account, delivery, attempted);
        }
        XApi.Session session = api.open(account);
        String start = attempted.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        String page = null;
        for (int pages = 0; pages < SETTLE_PAGES; pages++) {
            HttpUrl.Builder url = api.url("2/users").addPathSegment(account.remoteId()).addPathSegment("tweets")
                    .addQueryParameter("start_time", start)
                    .addQueryParameter("max_results", "100")
                    .addQueryParameter("tweet.fields", "created_at");
            Answer answer = api.page(session, url, page);
            if (!answer.ok() || !answer.isJson()) {
                return new Outcome.Unknown("X's timeline could not be read to settle the post: "
                        + reason(XProblems.failure(answer, false, false, api.hold(answer), api.now())));
            }
            JsonNode data = answer.json().path("data");
            if (data.isMissingNode() && answer.json().has("errors") && !answer.json().path("meta").has("result_count")) {
                return new Outcome.Unknown("X's timeline could not be read to settle the post: "
                        + XProblems.of(answer.json()).map(XProblems.Problem::sentence).orElse("X gave an error"));
            }
            if (!data.isMissingNode() && !data.isArray()) {
                return new Outcome.Unknown("X's timeline answer has a field of the wrong type (data)");
            }
            for (JsonNode post : data) {
                String id = Json.id(post, "id");
                String text = Json.string(post, "text");
                if (id != null && text != null && XText.same(delivery.text(), text)) {
                    return new Outcome.Sent(RemotePost.of(id, postUrl(session.username(), id)));
                }
            }
            page = Json.string(answer.json(), "meta", "next_token");
            if (page == null) {
                if (api.now().isBefore(attempted.plus(SETTLE_GRACE))) {
                    return new Outcome.Unknown("X's timeline does not show the post yet; it can take a moment, so look again after "
                            + attempted.plus(SETTLE_GRACE));
                }
                return new Outcome.RetryLater(api.now(), "X's timeline shows no such post since the attempt: nothing was posted");
            }
        }
        return new Outcome.Unknown("The account posted too much since the attempt to be sure the post is not among it");
    }

    // ---------------------------------------------------------------- delete

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        try {
            if (post == null || !XApi.ID.matcher(post.id()).matches()) {
                return new Outcome.Failed("invalid-id", "This is not an X post id");
            }
            XApi.Session session = api.open(account);
            HttpUrl url = api.url("2/tweets").addPathSegment(post.id()).build();
            Answer answer = api.send(session, token -> XApi.bearer(url, token).delete().build());
            if (answer.completed() && answer.status() == 404) {
                return new Outcome.Sent(post); // already gone
            }
            if (!answer.ok()) {
                return XProblems.failure(answer, false, false, api.hold(answer), api.now());
            }
            if (!answer.isJson()) {
                // Deleting again is harmless (a 404 then means gone), so this is retried.
                return new Outcome.RetryLater(api.now().plus(Outcomes.SERVER_ERROR_BACKOFF), "X answered the deletion with a body that is not JSON");
            }
            JsonNode deleted = answer.json().path("data").path("deleted");
            if (deleted.isBoolean() && deleted.booleanValue()) {
                return new Outcome.Sent(post);
            }
            Optional<XProblems.Problem> problem = XProblems.of(answer.json());
            if (problem.isPresent() && problem.get().is("resource-not-found")) {
                return new Outcome.Sent(post);
            }
            String said = problem.map(XProblems.Problem::sentence).orElse(null);
            return new Outcome.Failed("not-deleted", "X did not delete the post" + (said == null ? "" : ": " + said));
        } catch (XApi.Stop stop) {
            return stop.outcome;
        } catch (RuntimeException e) {
            return new Outcome.RetryLater(api.now().plus(Outcomes.SERVER_ERROR_BACKOFF),
                    "Deleting on X failed inside Social Desk (" + e.getClass().getSimpleName() + ")");
        }
    }

    // ---------------------------------------------------------------- import

    /**
     * Mentions after {@code cursor} (a {@code since_id}), all pages, oldest first. The cursor returned is the
     * first page's {@code meta.newest_id}, handed back only once the last page is read: a failure on any page
     * returns the old cursor and no items, so the next fetch asks for the same range again.
     *
     * <p>A first fetch (no cursor) imports no history: it takes the newest mention's id as the mark (or, with no
     * mention at all, a snowflake id for a minute ago) and returns no items. Direct messages: {@link XDirectMessages}.
     */
    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        if (stream != Stream.MENTIONS && stream != Stream.DIRECT_MESSAGES) {
            return ImportBatch.failed(cursor, "Social Desk imports mentions and direct messages from X, not " + stream.name().toLowerCase(java.util.Locale.ROOT), null);
        }
        try {
            if (account.remoteId() == null || !XApi.ID.matcher(account.remoteId()).matches()) {
                return ImportBatch.failed(cursor, "The account has no X user id; reconnect it", null);
            }
            if (stream == Stream.DIRECT_MESSAGES) {
                return directMessages.fetch(account, cursor);
            }
            XApi.Session session = api.open(account);
            if (cursor == null || !XApi.ID.matcher(cursor).matches()) {
                return mark(session, cursor);
            }
            return mentions(session, cursor);
        } catch (XApi.Stop stop) {
            return failed(cursor, stop.outcome);
        } catch (RuntimeException e) {
            return ImportBatch.failed(cursor, "Importing from X failed inside Social Desk (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private ImportBatch mark(XApi.Session session, String cursor) {
        HttpUrl url = mentionsUrl(session).addQueryParameter("max_results", "5").build();
        Answer answer = api.send(session, token -> XApi.bearer(url, token).get().build());
        Optional<ImportBatch> failure = pageFailure(answer, cursor);
        if (failure.isPresent()) {
            return failure.get();
        }
        String newest = Json.id(answer.json(), "meta", "newest_id");
        if (newest == null) {
            newest = Long.toString((api.now().minus(Duration.ofMinutes(1)).toEpochMilli() - SNOWFLAKE_EPOCH_MILLIS) << 22);
        }
        return ImportBatch.of(List.of(), newest, false);
    }

    private ImportBatch mentions(XApi.Session session, String cursor) {
        String newest = null;
        String next = null;
        Map<String, Inbound> items = new LinkedHashMap<>();
        int pages = 0;
        do {
            HttpUrl.Builder builder = mentionsUrl(session)
                    .addQueryParameter("since_id", cursor)
                    .addQueryParameter("max_results", "100")
                    .addQueryParameter("tweet.fields", MENTION_FIELDS);
            withUsers(builder, "author_id");
            Answer answer = api.page(session, builder, next);
            Optional<ImportBatch> failure = pageFailure(answer, cursor);
            if (failure.isPresent()) {
                return failure.get();
            }
            JsonNode json = answer.json();
            if (pages == 0) {
                newest = Json.id(json, "meta", "newest_id");
            }
            Map<String, JsonNode> users = usersById(json);
            for (JsonNode post : json.path("data")) {
                Inbound item = inbound(post, users, session.userId());
                if (item != null) {
                    items.putIfAbsent(item.externalId(), item);
                }
            }
            next = Json.string(json, "meta", "next_token");
            pages++;
        } while (next != null && pages < MENTION_PAGES);
        List<Inbound> oldestFirst = new ArrayList<>(items.values());
        oldestFirst.sort(Comparator.comparing((Inbound i) -> i.externalId().length()).thenComparing(Inbound::externalId));
        return ImportBatch.of(oldestFirst, newest != null ? newest : cursor, false);
    }

    private HttpUrl.Builder mentionsUrl(XApi.Session session) {
        return api.url("2/users").addPathSegment(session.userId()).addPathSegment("mentions");
    }

    /** Why a page of mentions cannot be used, as a failed batch keeping {@code cursor}; empty when it can. */
    private Optional<ImportBatch> pageFailure(Answer answer, String cursor) {
        return pageFailure(api, answer, cursor, "mentions");
    }

    /** Why a page of {@code what} (mentions, direct messages) cannot be used, as a failed batch keeping {@code cursor}; empty when it can. */
    static Optional<ImportBatch> pageFailure(XApi api, Answer answer, String cursor, String what) {
        if (!answer.ok()) {
            return Optional.of(failed(cursor, XProblems.failure(answer, false, false, api.hold(answer), api.now())));
        }
        if (!answer.isJson() || !answer.json().isObject()) {
            return Optional.of(ImportBatch.failed(cursor, "X answered the " + what + " with a body that is not JSON", null));
        }
        JsonNode json = answer.json();
        JsonNode data = json.path("data");
        if (!data.isMissingNode() && !data.isArray()
                || !json.path("meta").isMissingNode() && !json.path("meta").isObject()
                || !json.path("includes").path("users").isMissingNode() && !json.path("includes").path("users").isArray()) {
            return Optional.of(ImportBatch.failed(cursor, "X's " + what + " answer has a field of the wrong type", null));
        }
        if (data.isMissingNode() && json.has("errors") && !json.path("meta").has("result_count")) {
            String said = XProblems.of(json).map(XProblems.Problem::sentence).orElse("X gave an error");
            return Optional.of(ImportBatch.failed(cursor, "X did not list the " + what + ": " + said, null));
        }
        return Optional.empty();
    }

    static ImportBatch failed(String cursor, Outcome outcome) {
        Instant notBefore = outcome instanceof Outcome.RetryLater later ? later.notBefore() : null;
        return ImportBatch.failed(cursor, reason(outcome), notBefore);
    }

    /** One mention as an inbound item; null for an entry without a usable id and for the account's own posts. */
    private static Inbound inbound(JsonNode post, Map<String, JsonNode> users, String ownId) {
        String id = Json.id(post, "id");
        if (id == null) {
            return null;
        }
        String authorId = Json.id(post, "author_id");
        if (ownId.equals(authorId)) {
            return null;
        }
        Inbound.Author author = author(authorId == null ? "unknown" : authorId, users);
        JsonNode user = authorId == null ? null : users.get(authorId);
        String username = user == null ? null : Json.string(user, "username");
        boolean named = username != null && username.matches("\\w{1,50}");
        Instant created = createdAt(post);
        String parent = null;
        // The live API names it referenced_tweets; OpenAPI 2.167 calls it referenced_posts. Either is read.
        JsonNode references = post.has("referenced_tweets") ? post.path("referenced_tweets") : post.path("referenced_posts");
        for (JsonNode reference : references) {
            if ("replied_to".equals(Json.string(reference, "type"))) {
                parent = Json.id(reference, "id");
            }
        }
        String conversation = Json.id(post, "conversation_id");
        String root = conversation == null || conversation.equals(id) ? null : conversation;
        String kind = ownId.equals(Json.id(post, "in_reply_to_user_id")) ? "reply" : "mention";
        return new Inbound(Network.X, Stream.MENTIONS, id, kind, XText.unescape(Json.string(post, "text")), created, author,
                postUrl(named ? username : null, id), parent, root, Json.string(post, "lang"));
    }

    /** Asks a page to expand the users {@code field} names, with the fields {@link #usersById} and the authors read. */
    static HttpUrl.Builder withUsers(HttpUrl.Builder page, String field) {
        return page.addQueryParameter("expansions", field).addQueryParameter("user.fields", "username,name,public_metrics");
    }

    /** A page's expanded users ({@code includes.users}) by id. */
    static Map<String, JsonNode> usersById(JsonNode page) {
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode user : page.path("includes").path("users")) {
            String id = Json.id(user, "id");
            if (id != null) {
                users.put(id, user);
            }
        }
        return users;
    }

    /** The author as {@code includes.users} describes them: {@code @username}, name, followers, profile link. */
    static Inbound.Author author(String id, Map<String, JsonNode> users) {
        JsonNode user = users.get(id);
        String username = user == null ? null : Json.string(user, "username");
        boolean named = username != null && username.matches("\\w{1,50}");
        return new Inbound.Author(id, named ? "@" + username : null, user == null ? null : Json.string(user, "name"),
                user == null ? null : Json.number(user, "public_metrics", "followers_count"), named ? "https://x.com/" + username : null);
    }

    /** {@code created_at}, or null when absent or unreadable. */
    static Instant createdAt(JsonNode node) {
        String text = Json.string(node, "created_at");
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- check

    @Override
    public AccountHealth check(ChannelAccount account) {
        Instant now = api.now();
        try {
            XApi.Session session = api.open(account);
            HttpUrl url = api.url("2/users/me").build();
            Answer answer = api.send(session, token -> XApi.bearer(url, token).get().build());
            Credentials credentials = session.account.credentials();
            if (!answer.completed()) {
                return AccountHealth.problem(now, "unreachable", "X could not be reached: " + answer.problem());
            }
            if (answer.status() == 401) {
                boolean expired = credentials.expiresAt() != null && credentials.expiresAt().isBefore(now);
                return AccountHealth.problem(now, expired ? "expired" : "revoked", expired
                        ? "The account's X access expired and could not be renewed: reconnect the account"
                        : "X no longer accepts this account's access (revoked): reconnect the account");
            }
            if (answer.status() == 429) {
                return AccountHealth.problem(now, "rate-limited", "X asks us to slow down; the account is checked again later");
            }
            if (answer.status() >= 500 || answer.ok() && !answer.isJson()) {
                return AccountHealth.problem(now, "unreachable", "X is unavailable (" + answer.status() + ")");
            }
            String id = Json.id(answer.json(), "data", "id");
            String username = Json.string(answer.json(), "data", "username");
            if (!answer.ok() || id == null || username == null) {
                String said = XProblems.of(answer.json()).map(XProblems.Problem::sentence).orElse("no account in the answer");
                return AccountHealth.problem(now, answer.status() == 403 ? "revoked" : "unreachable",
                        "X did not confirm the account (" + answer.status() + "): " + said);
            }
            if (account.remoteId() != null && !account.remoteId().equals(id)) {
                return AccountHealth.problem(now, "revoked", "The stored access belongs to @" + username + ", not this account: reconnect it");
            }
            if (!credentials.scopes().isEmpty() && !credentials.scopes().containsAll(REQUIRED_SCOPES)) {
                Set<String> missing = new TreeSet<>(REQUIRED_SCOPES);
                missing.removeAll(credentials.scopes());
                return new AccountHealth(now, "missing-scopes", "X did not grant " + String.join(", ", missing)
                        + ": reconnect the account and allow them", id, "@" + username, credentials.scopes(), credentials.expiresAt());
            }
            return AccountHealth.ok(now, id, "@" + username, credentials.scopes(), credentials.expiresAt());
        } catch (XApi.Stop stop) {
            Outcome outcome = stop.outcome;
            return AccountHealth.problem(now, outcome instanceof Outcome.Failed ? "revoked" : "unreachable", reason(outcome));
        } catch (RuntimeException e) {
            return AccountHealth.problem(now, "unreachable", "Checking the account on X failed inside Social Desk (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String reason(Outcome outcome) {
        if (outcome instanceof Outcome.RetryLater later) {
            return later.reason();
        }
        if (outcome instanceof Outcome.Failed failed) {
            return failed.reason();
        }
        if (outcome instanceof Outcome.Unknown unknown) {
            return unknown.reason();
        }
        return "it went through";
    }
}
