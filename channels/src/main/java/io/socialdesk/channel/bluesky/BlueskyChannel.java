package io.socialdesk.channel.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.rules.BlueskyFacets;
import io.socialdesk.channel.rules.Unicode;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ConnectFailure;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Bluesky (the AT Protocol) for one PDS per account: an app password exchanged for a session,
 * posts as {@code app.bsky.feed.post} records with a record key chosen beforehand, mentions and
 * replies from {@code app.bsky.notification.listNotifications}. Contract: networks.md section 3.2.
 *
 * <p>Sessions are reused: {@code createSession} is limited to 30 per 5 minutes per account, so it runs
 * only when an owner connects. An expired access token (HTTP 400 {@code ExpiredToken}, or 401) is
 * refreshed with the refresh token, the new pair goes to the {@link CredentialSink} before it is used,
 * and is kept here per account so that a caller still holding the old pair does not refresh again.
 *
 * <p>Nothing here logs; no message carries a token or password.
 */
public final class BlueskyChannel implements Channel {
    public static final URI DEFAULT_INSTANCE = URI.create("https://bsky.social");
    public static final String APP = "https://bsky.app";
    static final String NAME = "Bluesky";
    static final String POST = PostRecordCheck.TYPE;
    /** Pages of notifications read per fetch at most (100 each): beyond that, older new items are not imported. */
    static final int MAX_PAGES = 50;
    static final int PAGE_SIZE = 100;
    /** The progress entries a delivery keeps: the record key, and each uploaded image's blob. */
    static final String RKEY = "rkey";
    static final String BLOB = "blob.";

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> SESSION_ERRORS = Set.of("ExpiredToken", "InvalidToken");
    private static final Set<String> ACCOUNT_ERRORS = Set.of("AccountTakedown", "AccountDeactivated");

    private final HttpCalls http;
    private final RateLimits rateLimits;
    private final CredentialSink sink;
    private final Clock clock;
    private final URI defaultInstance;
    private final Tid tids;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Object> refreshLocks = new ConcurrentHashMap<>();

    public BlueskyChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, DEFAULT_INSTANCE);
    }

    /** @param defaultInstance the entryway used when an owner gives no PDS (bsky.social; tests pass theirs) */
    public BlueskyChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI defaultInstance) {
        this.http = Objects.requireNonNull(http, "http");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        this.sink = sink == null ? CredentialSink.NONE : sink;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultInstance = defaultInstance == null ? DEFAULT_INSTANCE : defaultInstance;
        this.tids = new Tid(clock);
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    @Override
    public Connection connection() {
        return (Connection.AppPassword) this::login;
    }

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.MENTIONS, Stream.REPLIES, Stream.DIRECT_MESSAGES);
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return rateLimits.nextAllowedAt(account.id());
    }

    /** True for the {@code xxxx-xxxx-xxxx-xxxx} shape of an app password (an account password is accepted too). */
    public static boolean looksLikeAppPassword(String secret) {
        return secret != null && secret.strip().matches("[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}");
    }

    // ---------------------------------------------------------------- connect

    /**
     * {@code com.atproto.server.createSession} on {@code instance} (the entryway or PDS; bsky.social when
     * null). Later calls go to the PDS the account's DID document names ({@code #atproto_pds}).
     */
    public Connected login(URI instance, String identifier, String appPassword) throws ConnectFailure {
        URI base = instance == null ? defaultInstance : instance;
        Optional<AddressPolicy.Refusal> refusal = http.policy().refusal(base);
        if (refusal.isPresent()) {
            throw new ConnectFailure(refusal.get().rule(), refusal.get().message());
        }
        String id = identifier == null ? "" : identifier.strip();
        if (id.startsWith("@")) {
            id = id.substring(1);
        }
        if (id.isEmpty()) {
            throw new ConnectFailure("identifier-required", "Enter the account's handle (for example alice.bsky.social) or its e-mail address.");
        }
        if (appPassword == null || appPassword.isBlank()) {
            throw new ConnectFailure("app-password-required",
                    "Enter an app password (Bluesky: Settings, Privacy and security, App passwords); it looks like xxxx-xxxx-xxxx-xxxx.");
        }
        HttpUrl url = xrpc(base.toString(), "com.atproto.server.createSession");
        if (url == null) {
            throw new ConnectFailure("url-absolute", "The address must be a full URL such as https://bsky.social.");
        }
        ObjectNode body = NODES.objectNode().put("identifier", id).put("password", appPassword);
        Answer answer = http.send(new Request.Builder().url(url).post(json(body)).build());
        String host = url.host();
        if (!answer.completed()) {
            throw new ConnectFailure("network-unreachable", "Could not reach " + host + ": " + scrub(answer.problem(), appPassword));
        }
        String error = answer.text("error");
        if (answer.status() == 429) {
            Instant when = rateLimits.retryAfter(answer).or(() -> RateLimits.epochSeconds(answer, "RateLimit-Reset"))
                    .orElse(clock.instant().plus(RateLimits.DEFAULT_BACKOFF));
            throw new ConnectFailure("rate-limited", "Bluesky allows only a few sign-ins per account (30 in 5 minutes, 300 a day); try again after "
                    + when + ".");
        }
        if (!answer.ok()) {
            if ("AuthFactorTokenRequired".equals(error)) {
                throw new ConnectFailure("two-factor-required",
                        "This account asks for an e-mail code when signing in; connect it with an app password instead.");
            }
            if ("AccountTakedown".equals(error)) {
                throw new ConnectFailure("account-taken-down", "Bluesky has taken this account down; it cannot be connected.");
            }
            if (answer.status() == 401 || "AuthenticationRequired".equals(error) || "InvalidPassword".equals(error)) {
                throw new ConnectFailure("invalid-credentials", "Bluesky did not accept this handle and app password.");
            }
            if (answer.status() >= 500) {
                throw new ConnectFailure("network-unreachable", host + " is unavailable (" + answer.status() + "); try again later.");
            }
            throw new ConnectFailure("rejected", "Bluesky refused the sign-in (" + answer.status() + "): " + reason(answer, appPassword));
        }
        String did = answer.text("did");
        String handle = answer.text("handle");
        String access = answer.text("accessJwt");
        String refresh = answer.text("refreshJwt");
        if (!AtprotoSyntax.isDid(did) || handle == null || access == null || refresh == null) {
            throw new ConnectFailure("malformed-answer", host + " answered the sign-in with something that is not a Bluesky session.");
        }
        String status = answer.text("status");
        if (status != null && answer.json().path("active").isBoolean() && !answer.json().path("active").asBoolean()) {
            throw new ConnectFailure("account-" + status.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""),
                    "Bluesky reports this account as " + status + "; it cannot publish until it is active again.");
        }
        String pds = pdsOf(answer.json().path("didDoc"));
        if (pds != null) {
            Optional<AddressPolicy.Refusal> pdsRefusal = http.policy().refusal(URI.create(pds));
            if (pdsRefusal.isPresent()) {
                throw new ConnectFailure(pdsRefusal.get().rule(), "The account's own server (" + pds + ") cannot be used: " + pdsRefusal.get().message());
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("did", did);
        extra.put("pds", pds != null ? pds : stripSlash(base.toString()));
        return new Connected(did, handle, null, new Credentials(access, refresh, null, Set.of(), extra));
    }

    /** The {@code #atproto_pds} service endpoint of a DID document, or null. */
    static String pdsOf(JsonNode didDoc) {
        for (JsonNode service : didDoc.path("service")) {
            String id = service.path("id").asText("");
            String endpoint = service.path("serviceEndpoint").isTextual() ? service.path("serviceEndpoint").asText() : null;
            if (id.endsWith("#atproto_pds") && endpoint != null && HttpUrl.parse(endpoint) != null) {
                return stripSlash(endpoint);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- publish

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        boolean[] createSent = {false};
        try {
            return publishOnce(account, delivery, progress == null ? Progress.NONE : progress, createSent);
        } catch (Stop stop) {
            return stop.outcome;
        } catch (RuntimeException e) {
            return createSent[0]
                    ? new Outcome.Unknown("Bluesky's answer to the post could not be read (" + e.getClass().getSimpleName() + ")")
                    : new Outcome.Failed("internal-error", "The Bluesky connector failed before sending the post (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Outcome publishOnce(ChannelAccount account, Delivery delivery, Progress progress, boolean[] createSent) throws Stop {
        if (delivery.progress(Delivery.DIRECT_TO) != null) {
            return directMessage(account, delivery, progress, createSent);
        }
        Credentials credentials = credentials(account);
        String did = didOf(account, credentials);
        checkBeforeSending(delivery);

        ObjectNode record = NODES.objectNode();
        record.put("$type", POST);
        record.put("text", delivery.text());
        record.put("createdAt", CREATED_AT.format(clock.instant()));
        String language = language(delivery.language());
        if (language != null) {
            record.putArray("langs").add(language);
        }
        ArrayNode facets = facets(account, delivery.text());
        if (!facets.isEmpty()) {
            record.set("facets", facets);
        }
        if (delivery.replyTo() != null) {
            ObjectNode parent = strongRef(account, delivery.replyTo());
            ObjectNode root = delivery.root() == null || delivery.root().id().equals(delivery.replyTo().id()) ? parent
                    : strongRef(account, delivery.root());
            ObjectNode reply = record.putObject("reply");
            reply.set("root", root);
            reply.set("parent", parent);
        }
        if (!delivery.media().isEmpty()) {
            record.set("embed", images(account, delivery, progress));
        }
        List<String> problems = PostRecordCheck.problems(record);
        if (!problems.isEmpty()) {
            return new Outcome.Failed("invalid-record", "The post does not fit Bluesky's post format: " + String.join("; ", problems));
        }

        String rkey = delivery.progress(RKEY);
        if (rkey == null) {
            rkey = tids.next();
            // Recorded before the request: if the answer is lost, settle() looks the post up under this key,
            // and a second attempt reuses it, which the PDS refuses when the post already exists.
            record(progress, RKEY, rkey);
        } else if (!AtprotoSyntax.isRecordKey(rkey)) {
            return new Outcome.Failed("bad-progress", "The record key an earlier attempt recorded is not valid; the post cannot be sent safely.");
        }
        ObjectNode body = NODES.objectNode().put("repo", did).put("collection", POST).put("rkey", rkey);
        body.set("record", record);
        createSent[0] = true;
        Exchange exchange = call(account, c -> post(account, c, "com.atproto.repo.createRecord", json(body)));
        if (exchange.refused != null) {
            return exchange.refused; // the session was refused at both attempts, so nothing was created
        }
        Answer answer = exchange.answer;
        if (answer.ok()) {
            String uri = answer.text("uri");
            AtprotoSyntax.RecordUri parts = AtprotoSyntax.recordUri(uri);
            if (parts == null) {
                return new Outcome.Unknown("Bluesky accepted the post but did not say where it is");
            }
            return new Outcome.Sent(new RemotePost(uri, postUrl(account, parts.rkey()), answer.text("cid")));
        }
        if ("BlobNotFound".equals(answer.text("error"))) {
            // The PDS no longer has an image uploaded by an earlier attempt; the post was refused, so forget
            // the blobs and upload again next time.
            for (int i = 0; i < delivery.media().size(); i++) {
                record(progress, BLOB + i, "");
            }
            return new Outcome.RetryLater(clock.instant(), "an image uploaded earlier had expired at Bluesky; it will be uploaded again");
        }
        return outcome(account, answer, true, exchange.credentials);
    }

    // ---------------------------------------------------------------- direct messages (chat.bsky.convo)

    /** Bluesky's chat service, which the PDS forwards {@code chat.bsky.*} calls to when asked by this header. */
    static final String CHAT_PROXY = "did:web:api.bsky.chat#bsky_chat";
    static final String CONVO = "chat.convo";
    static final String CHAT_SENT_AT = "chat.sent-at";
    /** Bluesky's limit on a chat message's text. */
    static final int MAX_CHAT_GRAPHEMES = 1000;

    @Override
    public boolean sendsDirectMessages() {
        return true;
    }

    /**
     * {@code chat.bsky.convo.getConvoForMembers} (the conversation with the person, made if there is none), recorded, then
     * {@code chat.bsky.convo.sendMessage}, both through the account's PDS with the {@code atproto-proxy} header. The
     * chat service has no idempotency key: the time of the attempt is recorded first, and {@link #settle} reads the
     * conversation's messages.
     */
    private Outcome directMessage(ChannelAccount account, Delivery delivery, Progress progress, boolean[] sent) throws Stop {
        String to = delivery.progress(Delivery.DIRECT_TO);
        if (!AtprotoSyntax.isDid(to)) {
            return new Outcome.Failed("invalid-recipient", "The person to write to has no Bluesky DID (" + to + ").");
        }
        if (delivery.text().isBlank() || !delivery.media().isEmpty()) {
            return new Outcome.Failed("not-supported", "Social Desk sends Bluesky direct messages as text only, and they need some text.");
        }
        if (Unicode.graphemes(delivery.text()) > MAX_CHAT_GRAPHEMES) {
            return new Outcome.Failed("text-too-long", "A Bluesky direct message has at most " + MAX_CHAT_GRAPHEMES + " characters.");
        }
        String convo = delivery.progress(CONVO);
        if (convo == null) {
            Exchange found = call(account, c -> {
                HttpUrl url = xrpc(base(account, c), "chat.bsky.convo.getConvoForMembers");
                return url == null ? null : chat(c, new Request.Builder().url(url.newBuilder().addQueryParameter("members", to).build()).get());
            });
            if (found.refused != null) {
                return found.refused;
            }
            if (!found.answer.ok()) {
                return chatFailure(account, found, false);
            }
            convo = found.answer.text("convo", "id");
            if (convo == null) {
                return new Outcome.RetryLater(clock.instant().plus(RateLimits.DEFAULT_BACKOFF), "Bluesky's chat answered without the conversation's id");
            }
            record(progress, CONVO, convo);
        }
        if (delivery.progress(CHAT_SENT_AT) == null) {
            record(progress, CHAT_SENT_AT, clock.instant().toString());
        }
        ObjectNode body = NODES.objectNode().put("convoId", convo);
        body.putObject("message").put("text", delivery.text());
        sent[0] = true;
        Exchange exchange = call(account, c -> {
            HttpUrl url = xrpc(base(account, c), "chat.bsky.convo.sendMessage");
            return url == null ? null : chat(c, new Request.Builder().url(url).post(json(body)));
        });
        if (exchange.refused != null) {
            return exchange.refused;
        }
        if (!exchange.answer.ok()) {
            return chatFailure(account, exchange, true);
        }
        String id = exchange.answer.text("id");
        return id == null ? new Outcome.Unknown("Bluesky's chat accepted the message without saying its id")
                : new Outcome.Sent(RemotePost.of(id, null));
    }

    /** Looks for our message in the conversation since the recorded attempt. */
    private Outcome settleDirect(ChannelAccount account, Delivery delivery) throws Stop {
        String convo = delivery.progress(CONVO);
        String at = delivery.progress(CHAT_SENT_AT);
        if (convo == null || at == null) {
            return new Outcome.RetryLater(clock.instant(), "nothing was sent to Bluesky's chat for this message yet");
        }
        Instant since = Instant.parse(at).minusSeconds(60);
        Credentials credentials = credentials(account);
        String did = didOf(account, credentials);
        Exchange exchange = call(account, c -> {
            HttpUrl url = xrpc(base(account, c), "chat.bsky.convo.getMessages");
            return url == null ? null : chat(c, new Request.Builder().url(url.newBuilder().addQueryParameter("convoId", convo)
                    .addQueryParameter("limit", "50").build()).get());
        });
        if (exchange.refused != null || !exchange.answer.ok() || !exchange.answer.json().path("messages").isArray()) {
            return new Outcome.Unknown("could not read the Bluesky conversation to see whether the message was sent");
        }
        for (JsonNode message : exchange.answer.json().path("messages")) {
            String sentAt = message.path("sentAt").asText("");
            boolean recent = sentAt.isEmpty() || !Instant.parse(sentAt).isBefore(since);
            if (did.equals(message.path("sender").path("did").asText(null)) && recent && delivery.text().equals(message.path("text").asText(null))) {
                return new Outcome.Sent(RemotePost.of(message.path("id").asText(), null));
            }
        }
        return new Outcome.RetryLater(clock.instant(), "the conversation on Bluesky does not hold the message, so it can be sent again");
    }

    /** How long a refused chat log waits before it is asked again. */
    static final Duration CHAT_RETRY = Duration.ofMinutes(10);
    /** Pages of the chat log read per fetch at most. */
    static final int CHAT_LOG_PAGES = 20;
    static final String LOG_CREATE_MESSAGE = "chat.bsky.convo.defs#logCreateMessage";
    static final String MESSAGE_VIEW = "chat.bsky.convo.defs#messageView";

    /**
     * The direct-messages stream: the account's chat log, {@code chat.bsky.convo.getLog} through the PDS with the
     * {@code atproto-proxy} header, read forward from the stored cursor (the log's {@code rev}, which orders events as
     * strings, as the Bluesky app reads it). A first fetch (no cursor) only learns the log's current cursor: no history.
     * Each {@code logCreateMessage} whose message a person sent (not the account) is an item whose root is its
     * conversation, so one person's messages meet on one ticket; their handle and name come from
     * {@code chat.bsky.convo.getConvo} (the DID stands in when that fails). Any failed page keeps the old cursor.
     */
    private ImportBatch directMessages(ChannelAccount account, String cursor) throws Stop {
        String did = didOf(account, credentials(account));
        boolean first = cursor == null || cursor.isBlank();
        String newest = first ? null : cursor;
        String page = newest;
        List<JsonNode> created = new ArrayList<>();
        for (int pages = 0; pages < CHAT_LOG_PAGES; pages++) {
            String from = page;
            Exchange exchange = call(account, c -> {
                HttpUrl url = xrpc(base(account, c), "chat.bsky.convo.getLog");
                if (url == null) {
                    return null;
                }
                return chat(c, new Request.Builder().url(from == null ? url : url.newBuilder().addQueryParameter("cursor", from).build()).get());
            });
            if (exchange.refused != null) {
                return failed(cursor, exchange.refused);
            }
            if (!exchange.answer.ok()) {
                return failed(cursor, chatFailure(account, exchange, false));
            }
            JsonNode logs = exchange.answer.json().path("logs");
            if (!logs.isArray()) {
                return ImportBatch.failed(cursor, "Bluesky's chat answered without a log", null);
            }
            if (first) {
                String at = exchange.answer.text("cursor");
                return at == null ? ImportBatch.failed(cursor, "Bluesky's chat gave no cursor to start from", null) : ImportBatch.of(List.of(), at, false);
            }
            boolean moved = false;
            for (JsonNode log : logs) {
                String rev = log.path("rev").asText(null);
                if (rev == null || rev.compareTo(newest) <= 0) {
                    continue; // seen before: the log is read from its cursor, and an event can come twice
                }
                newest = rev;
                moved = true;
                if (LOG_CREATE_MESSAGE.equals(log.path("$type").asText()) && MESSAGE_VIEW.equals(log.path("message").path("$type").asText(MESSAGE_VIEW))
                        && !did.equals(log.path("message").path("sender").path("did").asText(null))) {
                    created.add(log);
                }
            }
            String next = exchange.answer.text("cursor");
            page = next != null && next.compareTo(newest) > 0 ? next : newest;
            if (!moved) {
                break;
            }
        }
        Map<String, Map<String, JsonNode>> members = new HashMap<>();
        List<Inbound> items = new ArrayList<>();
        for (JsonNode log : created) {
            String convo = log.path("convoId").asText(null);
            JsonNode message = log.path("message");
            String id = message.path("id").asText(null);
            String sender = message.path("sender").path("did").asText(null);
            Instant sentAt = instant(message.path("sentAt").asText(null));
            if (convo == null || id == null || !AtprotoSyntax.isDid(sender) || sentAt == null) {
                continue;
            }
            JsonNode profile = members.computeIfAbsent(convo, k -> convoMembers(account, k)).get(sender);
            String handle = profile != null && AtprotoSyntax.isHandle(profile.path("handle").asText(null)) ? profile.path("handle").asText() : null;
            String name = profile != null && profile.path("displayName").isTextual() && !profile.path("displayName").asText().isBlank()
                    ? profile.path("displayName").asText() : null;
            items.add(new Inbound(Network.BLUESKY, Stream.DIRECT_MESSAGES, id, "message", message.path("text").asText(""), sentAt,
                    new Inbound.Author(sender, handle, name, null, APP + "/profile/" + (handle != null ? handle : sender)),
                    APP + "/messages/" + convo, null, "chat:" + convo, null));
        }
        return ImportBatch.of(items, newest, false);
    }

    /** The members of a conversation by DID ({@code chat.bsky.convo.getConvo}); none when it cannot be read. */
    private Map<String, JsonNode> convoMembers(ChannelAccount account, String convo) {
        Map<String, JsonNode> byDid = new HashMap<>();
        try {
            Exchange exchange = call(account, c -> {
                HttpUrl url = xrpc(base(account, c), "chat.bsky.convo.getConvo");
                return url == null ? null : chat(c, new Request.Builder().url(url.newBuilder().addQueryParameter("convoId", convo).build()).get());
            });
            if (exchange.refused == null && exchange.answer.ok()) {
                for (JsonNode member : exchange.answer.json().path("convo").path("members")) {
                    byDid.put(member.path("did").asText(""), member);
                }
            }
        } catch (Stop e) {
            // the DID stands in for the handle
        }
        return byDid;
    }

    private static Request chat(Credentials c, Request.Builder builder) {
        return authorized(c, builder.header("atproto-proxy", CHAT_PROXY));
    }

    /** What the chat service's refusals mean for a person: closed messages, an app password without chat access. */
    private Outcome chatFailure(ChannelAccount account, Exchange exchange, boolean creates) {
        Answer answer = exchange.answer;
        String message = answer.completed() ? String.valueOf(answer.text("message")) : "";
        if (message.contains("Bad token scope")) {
            return new Outcome.Failed("direct-not-allowed", "The app password of @" + handle(account) + " has no access to direct messages:"
                    + " create one with \"Allow access to your direct messages\" on Bluesky and connect the account again with it.");
        }
        if (answer.completed() && answer.status() == 400 && "InvalidRequest".equals(answer.text("error"))) {
            return new Outcome.Failed("direct-refused", "Bluesky refused the direct message: " + reason(answer, secrets(exchange.credentials))
                    + " (the person may accept messages only from people they follow).");
        }
        return outcome(account, answer, creates, exchange.credentials);
    }

    private void checkBeforeSending(Delivery delivery) throws Stop {
        String text = delivery.text();
        int graphemes = Unicode.graphemes(text);
        int bytes = Unicode.utf8Length(text);
        if (graphemes > PostRecordCheck.MAX_GRAPHEMES || bytes > PostRecordCheck.MAX_BYTES) {
            throw new Stop(new Outcome.Failed("text-too-long", "Bluesky takes " + PostRecordCheck.MAX_GRAPHEMES + " characters and "
                    + PostRecordCheck.MAX_BYTES + " bytes per post; this part has " + graphemes + " characters and " + bytes + " bytes."));
        }
        List<Attachment> media = delivery.media();
        if (media.size() > PostRecordCheck.MAX_IMAGES) {
            throw new Stop(new Outcome.Failed("too-many-images", "Bluesky takes at most " + PostRecordCheck.MAX_IMAGES
                    + " images per post; this part has " + media.size() + "."));
        }
        for (int i = 0; i < media.size(); i++) {
            Attachment a = media.get(i);
            if (!a.mediaType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                throw new Stop(new Outcome.Failed("media-not-supported", "Media " + (i + 1) + " is " + a.mediaType()
                        + "; this connector publishes images to Bluesky, not video or other files."));
            }
            if (a.size() > PostRecordCheck.MAX_IMAGE_BYTES) {
                throw new Stop(tooLarge(i, a.size()));
            }
        }
        if (text.isBlank() && media.isEmpty()) {
            throw new Stop(new Outcome.Failed("empty-post", "The post has neither text nor images."));
        }
    }

    private static Outcome.Failed tooLarge(int index, long size) {
        return new Outcome.Failed("image-too-large", String.format(Locale.ROOT,
                "Image %d is %,d bytes; Bluesky takes images of at most %,d bytes.", index + 1, size, PostRecordCheck.MAX_IMAGE_BYTES));
    }

    /** The facets of the text: links and tags as detected, mentions once their handle resolves to a DID (otherwise plain text). */
    private ArrayNode facets(ChannelAccount account, String text) throws Stop {
        ArrayNode facets = NODES.arrayNode();
        Map<String, Optional<String>> dids = new HashMap<>();
        int lastEnd = -1;
        for (BlueskyFacets.Facet f : BlueskyFacets.detect(text)) {
            if (f.byteStart() < lastEnd || f.byteStart() >= f.byteEnd()) {
                continue; // facets must not overlap: the first one detected wins
            }
            ObjectNode feature = NODES.objectNode();
            switch (f.kind()) {
                case MENTION -> {
                    Optional<String> did = dids.get(f.value());
                    if (did == null) {
                        did = resolveHandle(account, f.value());
                        dids.put(f.value(), did);
                    }
                    if (did.isEmpty()) {
                        continue;
                    }
                    feature.put("$type", PostRecordCheck.FACET + "#mention").put("did", did.get());
                }
                case LINK -> {
                    if (!AtprotoSyntax.isUri(f.value())) {
                        continue;
                    }
                    feature.put("$type", PostRecordCheck.FACET + "#link").put("uri", f.value());
                }
                case TAG -> feature.put("$type", PostRecordCheck.FACET + "#tag").put("tag", f.value());
                default -> {
                    continue;
                }
            }
            ObjectNode facet = facets.addObject();
            facet.putObject("index").put("byteStart", f.byteStart()).put("byteEnd", f.byteEnd());
            facet.putArray("features").add(feature);
            lastEnd = f.byteEnd();
        }
        return facets;
    }

    /**
     * The DID of a mentioned handle ({@code com.atproto.identity.resolveHandle}); empty when Bluesky knows
     * no such handle, so the mention stays plain text. A failure to ask (unreachable, rate limit) stops the
     * publication instead: a retry will resolve it, rather than send a post with a dead mention.
     */
    private Optional<String> resolveHandle(ChannelAccount account, String handle) throws Stop {
        if (!AtprotoSyntax.isHandle(handle)) {
            return Optional.empty();
        }
        Credentials credentials = credentials(account);
        HttpUrl url = xrpc(base(account, credentials), "com.atproto.identity.resolveHandle");
        if (url == null) {
            throw new Stop(badAddress());
        }
        Answer answer = send(account, new Request.Builder().url(url.newBuilder().addQueryParameter("handle", handle).build()).get().build());
        if (answer.ok()) {
            String did = answer.text("did");
            return AtprotoSyntax.isDid(did) ? Optional.of(did) : Optional.empty();
        }
        if (answer.completed() && (answer.status() == 400 || answer.status() == 404)) {
            return Optional.empty();
        }
        throw new Stop(outcome(account, answer, false, credentials));
    }

    /**
     * A strongRef ({@code uri}, {@code cid}) to a post; its cid is looked up ({@code app.bsky.feed.getPosts}) when the
     * caller does not have it: a reply from the inbox knows the post it answers by its URI only.
     */
    private ObjectNode strongRef(ChannelAccount account, RemotePost post) throws Stop {
        AtprotoSyntax.RecordUri parts = AtprotoSyntax.recordUri(post.id());
        if (parts == null) {
            throw new Stop(new Outcome.Failed("bad-reply-target", "The post to reply to is not a Bluesky post (" + post.id() + ")."));
        }
        String cid = AtprotoSyntax.isCid(post.cid()) ? post.cid() : cidOf(account, post.id());
        if (!AtprotoSyntax.isCid(cid)) {
            throw new Stop(new Outcome.Failed("bad-reply-target",
                    "Bluesky does not show the post to reply to (" + post.id() + "); it may have been deleted."));
        }
        return NODES.objectNode().put("uri", post.id()).put("cid", cid);
    }

    /** The post's content id as the AppView shows it, or null when it shows no such post. */
    private String cidOf(ChannelAccount account, String uri) throws Stop {
        Exchange exchange = call(account, c -> {
            HttpUrl url = xrpc(base(account, c), "app.bsky.feed.getPosts");
            return url == null ? null : authorized(c, new Request.Builder().url(url.newBuilder().addQueryParameter("uris", uri).build()).get());
        });
        if (exchange.refused != null) {
            throw new Stop(exchange.refused);
        }
        Answer answer = exchange.answer;
        if (!answer.ok()) {
            throw new Stop(outcome(account, answer, false, exchange.credentials));
        }
        for (JsonNode post : answer.json().path("posts")) {
            if (uri.equals(post.path("uri").asText(null))) {
                return post.path("cid").asText(null);
            }
        }
        return null;
    }

    /** {@code app.bsky.embed.images}: each image uploaded once (its blob recorded through {@code progress}), with its alt text. */
    private ObjectNode images(ChannelAccount account, Delivery delivery, Progress progress) throws Stop {
        ObjectNode embed = NODES.objectNode().put("$type", PostRecordCheck.IMAGES);
        ArrayNode images = embed.putArray("images");
        List<Attachment> media = delivery.media();
        for (int i = 0; i < media.size(); i++) {
            Attachment attachment = media.get(i);
            JsonNode blob = blobOf(delivery.progress(BLOB + i));
            if (blob == null) {
                blob = upload(account, attachment, i);
                record(progress, BLOB + i, blob.toString());
            }
            ObjectNode image = images.addObject();
            image.put("alt", attachment.altText());
            image.set("image", blob);
            if (attachment.width() != null && attachment.height() != null && attachment.width() > 0 && attachment.height() > 0) {
                image.putObject("aspectRatio").put("width", attachment.width()).put("height", attachment.height());
            }
        }
        return embed;
    }

    private static JsonNode blobOf(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return null;
        }
        JsonNode blob = HttpCalls.parse(recorded);
        return validBlob(blob) ? blob : null;
    }

    private static boolean validBlob(JsonNode blob) {
        return blob != null && "blob".equals(blob.path("$type").asText(null)) && AtprotoSyntax.isCid(blob.path("ref").path("$link").asText(null))
                && blob.path("mimeType").isTextual() && blob.path("size").isIntegralNumber();
    }

    /** {@code com.atproto.repo.uploadBlob} with the raw bytes. It creates no post, so a lost answer just means uploading again. */
    private JsonNode upload(ChannelAccount account, Attachment attachment, int index) throws Stop {
        byte[] bytes;
        try {
            bytes = attachment.readAll();
        } catch (IOException | RuntimeException e) {
            throw new Stop(new Outcome.Failed("media-unreadable", "Image " + (index + 1) + " could not be read from the media store."));
        }
        if (bytes.length > PostRecordCheck.MAX_IMAGE_BYTES) {
            throw new Stop(tooLarge(index, bytes.length));
        }
        MediaType type = MediaType.parse(attachment.mediaType());
        if (type == null) {
            throw new Stop(new Outcome.Failed("media-not-supported", "Image " + (index + 1) + " has no valid media type."));
        }
        Exchange exchange = call(account, c -> post(account, c, "com.atproto.repo.uploadBlob", RequestBody.create(bytes, type)));
        if (exchange.refused != null) {
            throw new Stop(exchange.refused);
        }
        Answer answer = exchange.answer;
        if (!answer.ok()) {
            throw new Stop(outcome(account, answer, false, exchange.credentials));
        }
        JsonNode blob = answer.json().path("blob");
        if (!validBlob(blob)) {
            throw new Stop(new Outcome.Failed("malformed-answer", "Bluesky's answer to the upload of image " + (index + 1) + " is not a blob reference."));
        }
        return blob;
    }

    // ---------------------------------------------------------------- settle, delete

    /**
     * Looks the record key up ({@code com.atproto.repo.getRecord}, which needs no session). Found: sent.
     * {@code RecordNotFound}: retry now. That is safe even if the first request were still on its way:
     * the retry uses the same record key, and the PDS refuses a second record under one key.
     */
    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            if (delivery.progress(Delivery.DIRECT_TO) != null) {
                return settleDirect(account, delivery);
            }
            String rkey = delivery.progress(RKEY);
            if (rkey == null) {
                return new Outcome.RetryLater(clock.instant(), "no record key was chosen, so nothing was sent to Bluesky");
            }
            Credentials credentials = credentials(account);
            String did = didOf(account, credentials);
            HttpUrl url = xrpc(base(account, credentials), "com.atproto.repo.getRecord");
            if (url == null) {
                return new Outcome.Unknown(badAddress().reason());
            }
            Answer answer = send(account, new Request.Builder().url(url.newBuilder().addQueryParameter("repo", did)
                    .addQueryParameter("collection", POST).addQueryParameter("rkey", rkey).build()).get().build());
            if (answer.ok()) {
                String uri = answer.text("uri");
                AtprotoSyntax.RecordUri parts = AtprotoSyntax.recordUri(uri);
                if (parts == null || !rkey.equals(parts.rkey())) {
                    return new Outcome.Unknown("Bluesky's answer about record " + rkey + " could not be read");
                }
                String text = answer.text("value", "text");
                if (text != null && !text.equals(delivery.text())) {
                    return new Outcome.Failed("record-key-taken", "Bluesky holds another post under record key " + rkey + "; this part was not sent.");
                }
                return new Outcome.Sent(new RemotePost(uri, postUrl(account, rkey), answer.text("cid")));
            }
            if (answer.completed() && "RecordNotFound".equals(answer.text("error"))) {
                return new Outcome.RetryLater(clock.instant(), "Bluesky has no post under record key " + rkey + ", so it can be sent again");
            }
            String why = !answer.completed() ? answer.problem() : "Bluesky answered " + answer.status();
            return new Outcome.Unknown("could not ask Bluesky whether the post exists (" + why + ")");
        } catch (Stop stop) {
            return new Outcome.Unknown(stop.outcome instanceof Outcome.Failed f ? f.reason() : "could not ask Bluesky whether the post exists");
        } catch (RuntimeException e) {
            return new Outcome.Unknown("could not ask Bluesky whether the post exists (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code com.atproto.repo.deleteRecord}, which also succeeds when the record is already gone. */
    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        try {
            AtprotoSyntax.RecordUri parts = AtprotoSyntax.recordUri(post.id());
            if (parts == null) {
                return new Outcome.Failed("bad-id", "This is not the address of a Bluesky post: " + post.id());
            }
            ObjectNode body = NODES.objectNode().put("repo", parts.repo()).put("collection", parts.collection()).put("rkey", parts.rkey());
            Exchange exchange = call(account, c -> post(account, c, "com.atproto.repo.deleteRecord", json(body)));
            if (exchange.refused != null) {
                return exchange.refused;
            }
            return exchange.answer.ok() ? new Outcome.Sent(post) : outcome(account, exchange.answer, false, exchange.credentials);
        } catch (Stop stop) {
            return stop.outcome;
        } catch (RuntimeException e) {
            return new Outcome.Failed("internal-error", "The Bluesky connector failed to delete the post (" + e.getClass().getSimpleName() + ")");
        }
    }

    // ---------------------------------------------------------------- import

    /**
     * Mentions (and quotes) or replies from {@code listNotifications}, which pages only backwards: from
     * the newest page down to the stored mark (an older item, or one already imported at the mark's
     * instant), at most {@link #MAX_PAGES} pages, then oldest first. Direct messages live in Bluesky's
     * separate chat service: {@link #directMessages}.
     */
    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        ImportBatch batch;
        try {
            batch = fetchOnce(account, stream, cursor);
        } catch (Stop stop) {
            batch = failed(cursor, stop.outcome);
        } catch (RuntimeException e) {
            batch = ImportBatch.failed(cursor, "Bluesky's notifications could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
        // A chat service that refuses (an app password without chat access, a PDS that cannot reach it) is asked again
        // in a while, not at every poll.
        return stream == Stream.DIRECT_MESSAGES && batch.failed() && batch.notBefore() == null
                ? ImportBatch.failed(batch.cursor(), batch.problem(), clock.instant().plus(CHAT_RETRY)) : batch;
    }

    private ImportBatch fetchOnce(ChannelAccount account, Stream stream, String cursor) throws Stop {
        if (stream == Stream.DIRECT_MESSAGES) {
            return directMessages(account, cursor);
        }
        List<String> reasons = switch (stream) {
            case MENTIONS -> List.of("mention", "quote");
            case REPLIES -> List.of("reply");
            default -> null;
        };
        if (reasons == null) {
            return ImportBatch.failed(cursor, "Bluesky offers no " + stream.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " here (direct messages are in Bluesky's separate chat service)", null);
        }
        ImportMark mark = ImportMark.parse(cursor);
        ImportMark newest = mark;
        String did = didOf(account, credentials(account));
        List<JsonNode> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String page = null;
        boolean reached = false;
        for (int pages = 0; pages < MAX_PAGES && !reached; pages++) {
            String pageCursor = page;
            Exchange exchange = call(account, c -> {
                HttpUrl url = xrpc(base(account, c), "app.bsky.notification.listNotifications");
                if (url == null) {
                    return null;
                }
                HttpUrl.Builder b = url.newBuilder().addQueryParameter("limit", String.valueOf(PAGE_SIZE));
                reasons.forEach(r -> b.addQueryParameter("reasons", r));
                if (pageCursor != null) {
                    b.addQueryParameter("cursor", pageCursor);
                }
                return authorized(c, new Request.Builder().url(b.build()).get());
            });
            if (exchange.refused != null) {
                return failed(cursor, exchange.refused);
            }
            Answer answer = exchange.answer;
            if (!answer.ok()) {
                return failed(cursor, outcome(account, answer, false, exchange.credentials));
            }
            JsonNode list = answer.json().path("notifications");
            if (!list.isArray()) {
                return ImportBatch.failed(cursor, "Bluesky's answer holds no list of notifications", null);
            }
            for (JsonNode n : list) {
                String uri = n.path("uri").asText(null);
                Instant at = instant(n.path("indexedAt").asText(null));
                if (!AtprotoSyntax.isAtUri(uri) || at == null) {
                    continue; // an item we cannot place is skipped rather than failing the whole import
                }
                if (mark != null && mark.covers(at, uri)) {
                    reached = true; // the rest of this page may still hold unseen items at the mark's instant
                    continue;
                }
                newest = newest == null ? ImportMark.at(at).include(at, uri) : newest.include(at, uri);
                String reason = n.path("reason").asText("");
                if (reasons.contains(reason) && seen.add(uri + " " + reason)) {
                    fresh.add(n);
                }
            }
            page = answer.text("cursor");
            if (mark == null || page == null || list.isEmpty()) {
                break; // a first import only learns where "now" is; or there is nothing older
            }
        }
        if (mark == null) {
            // Start from now: nothing before this moment is imported. When the account has no notification at
            // all, the mark is the epoch, so that the first one ever is imported whatever the clocks say.
            return ImportBatch.of(List.of(), (newest == null ? ImportMark.at(Instant.EPOCH) : newest).encode(), false);
        }
        List<Inbound> items = new ArrayList<>();
        for (JsonNode n : fresh) {
            if (!did.equals(n.path("author").path("did").asText(null))) {
                Inbound item = inbound(stream, n);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        Collections.reverse(items); // the list is newest first
        return ImportBatch.of(items, newest.encode(), false);
    }

    /**
     * Up to {@code max} ancestors of a reply, nearest first, from {@code app.bsky.feed.getPostThread} with {@code depth=0}
     * and {@code parentHeight=max}: the thread's {@code parent} chain of {@code threadViewPost}s. The chain stops at a
     * post Bluesky cannot show ({@code notFoundPost}, {@code blockedPost}); our own posts are left out. A failed call gives
     * none: the reply then opens a ticket naming its parent.
     */
    @Override
    public List<Inbound> ancestors(ChannelAccount account, Inbound item, int max) {
        if (max <= 0 || item.parentId() == null || !AtprotoSyntax.isAtUri(item.externalId())) {
            return List.of();
        }
        try {
            String did = didOf(account, credentials(account));
            Exchange exchange = call(account, c -> {
                HttpUrl url = xrpc(base(account, c), "app.bsky.feed.getPostThread");
                return url == null ? null : authorized(c, new Request.Builder().url(url.newBuilder().addQueryParameter("uri", item.externalId())
                        .addQueryParameter("depth", "0").addQueryParameter("parentHeight", String.valueOf(Math.min(max, 1000))).build()).get());
            });
            if (exchange.refused != null || !exchange.answer.ok()) {
                return List.of();
            }
            List<Inbound> nearestFirst = new ArrayList<>();
            JsonNode node = exchange.answer.json().path("thread").path("parent");
            for (int height = 0; node.isObject() && node.path("post").isObject() && nearestFirst.size() < max && height < 1000; height++) {
                JsonNode post = node.path("post");
                if (!did.equals(post.path("author").path("did").asText(null))) {
                    // A post view has the notification's fields (uri, author, record, indexedAt) but no reason.
                    ObjectNode asNotification = post.deepCopy();
                    asNotification.put("reason", post.path("record").path("reply").isObject() ? "reply" : "post");
                    Inbound ancestor = inbound(item.stream(), asNotification);
                    if (ancestor != null) {
                        nearestFirst.add(ancestor);
                    }
                }
                node = node.path("parent");
            }
            return nearestFirst;
        } catch (Stop | RuntimeException e) {
            return List.of();
        }
    }

    private Inbound inbound(Stream stream, JsonNode n) {
        JsonNode author = n.path("author");
        String authorDid = author.path("did").asText(null);
        if (!AtprotoSyntax.isDid(authorDid)) {
            return null;
        }
        String handle = author.path("handle").isTextual() ? author.path("handle").asText() : null;
        String displayName = author.path("displayName").isTextual() && !author.path("displayName").asText().isBlank()
                ? author.path("displayName").asText() : null;
        String profile = APP + "/profile/" + (AtprotoSyntax.isHandle(handle) ? handle : authorDid);
        JsonNode record = n.path("record");
        String uri = n.path("uri").asText();
        AtprotoSyntax.RecordUri parts = AtprotoSyntax.recordUri(uri);
        Instant created = instant(record.path("createdAt").asText(null));
        String language = record.path("langs").path(0).isTextual() ? record.path("langs").path(0).asText() : null;
        return new Inbound(Network.BLUESKY, stream, uri, n.path("reason").asText(null),
                record.path("text").isTextual() ? record.path("text").asText() : "",
                created != null ? created : instant(n.path("indexedAt").asText(null)),
                new Inbound.Author(authorDid, handle, displayName, null, profile),
                parts == null ? null : profile + "/post/" + parts.rkey(),
                textOrNull(record.path("reply").path("parent").path("uri")),
                textOrNull(record.path("reply").path("root").path("uri")),
                language);
    }

    private static ImportBatch failed(String cursor, Outcome outcome) {
        if (outcome instanceof Outcome.RetryLater r) {
            return ImportBatch.failed(cursor, r.reason(), r.notBefore());
        }
        if (outcome instanceof Outcome.Failed f) {
            return ImportBatch.failed(cursor, f.reason(), null);
        }
        return ImportBatch.failed(cursor, outcome instanceof Outcome.Unknown u ? u.reason() : "Bluesky's notifications could not be read", null);
    }

    // ---------------------------------------------------------------- health

    @Override
    public AccountHealth check(ChannelAccount account) {
        Instant now = clock.instant();
        try {
            Exchange exchange = call(account, c -> get(account, c, "com.atproto.server.getSession"));
            if (exchange.refused != null) {
                return health(now, exchange.refused);
            }
            Answer answer = exchange.answer;
            if (answer.ok()) {
                String did = answer.text("did");
                String handle = answer.text("handle");
                if (!AtprotoSyntax.isDid(did)) {
                    return AccountHealth.problem(now, "unreachable", "Bluesky's answer about the session could not be read");
                }
                if (answer.json().path("active").isBoolean() && !answer.json().path("active").asBoolean()) {
                    String status = answer.text("status");
                    return AccountHealth.problem(now, "revoked", "Bluesky reports the account as " + (status == null ? "inactive" : status)
                            + "; it cannot publish until it is active again.");
                }
                return AccountHealth.ok(now, did, handle, Set.of(), null);
            }
            return health(now, outcome(account, answer, false, exchange.credentials));
        } catch (Stop stop) {
            return health(now, stop.outcome);
        } catch (RuntimeException e) {
            return AccountHealth.problem(now, "unreachable", "The Bluesky session could not be checked (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static AccountHealth health(Instant now, Outcome outcome) {
        if (outcome instanceof Outcome.Failed f) {
            String problem = switch (f.code()) {
                case "session-expired" -> "expired";
                case "session-revoked", "account-taken-down", "account-deactivated", "token-invalid", "not-connected" -> "revoked";
                default -> "unreachable";
            };
            return AccountHealth.problem(now, problem, f.reason());
        }
        if (outcome instanceof Outcome.RetryLater r) {
            return AccountHealth.problem(now, r.reason().contains("rate limit") ? "rate-limited" : "unreachable", r.reason());
        }
        return AccountHealth.problem(now, "unreachable", outcome instanceof Outcome.Unknown u ? u.reason() : "unknown");
    }

    // ---------------------------------------------------------------- sessions

    /** An in-memory session of an account after a refresh: the fresh pair and the refresh tokens it replaced (hashed). */
    private record Session(Credentials fresh, Set<String> replaced, Instant refreshedAt) {
    }

    /** The answer of a call, with the credentials it was made with; or, when the session could not be renewed, the outcome. */
    private record Exchange(Answer answer, Credentials credentials, Outcome refused) {
    }

    /** A step could not go on; its outcome is the call's answer. Never leaves this class. */
    private static final class Stop extends Exception {
        final Outcome outcome;

        Stop(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * The credentials to use: the ones refreshed here when the caller's are those they replaced (the
     * host may not have reloaded them yet), else the caller's (a reconnected account brings new ones).
     */
    Credentials credentials(ChannelAccount account) {
        Credentials given = account.credentials();
        Session session = sessions.get(account.id());
        if (session == null) {
            return given;
        }
        String refresh = given.refreshToken();
        if (Objects.equals(refresh, session.fresh.refreshToken()) || (refresh != null && session.replaced.contains(hash(refresh)))) {
            return session.fresh;
        }
        sessions.remove(account.id(), session);
        return given;
    }

    /**
     * Sends a request built from the current credentials; when the PDS refuses the session (400
     * {@code ExpiredToken} or {@code InvalidToken}, or 401), renews it and sends the request once more.
     * Sending again is safe: the PDS checks the token before it runs the method, so a refused request
     * created nothing. A second refusal is final.
     */
    private Exchange call(ChannelAccount account, Function<Credentials, Request> build) throws Stop {
        Credentials credentials = credentials(account);
        Request request = build.apply(credentials);
        if (request == null) {
            throw new Stop(badAddress());
        }
        Answer answer = send(account, request);
        if (!sessionRefused(answer)) {
            return new Exchange(answer, credentials, null);
        }
        Credentials fresh;
        try {
            fresh = refresh(account, credentials);
        } catch (Stop stop) {
            return new Exchange(answer, credentials, stop.outcome);
        }
        Request again = build.apply(fresh);
        if (again == null) {
            throw new Stop(badAddress());
        }
        Answer second = send(account, again);
        if (sessionRefused(second)) {
            return new Exchange(second, fresh, revoked(account));
        }
        return new Exchange(second, fresh, null);
    }

    private static boolean sessionRefused(Answer answer) {
        String error = answer.text("error");
        if (ACCOUNT_ERRORS.contains(String.valueOf(error))) {
            return false; // the account, not the session, is refused: a new token would not help
        }
        if (String.valueOf(answer.text("message")).contains("Bad token scope")) {
            return false; // an app password without chat access: a new token of the same password would not help
        }
        return answer.completed() && (answer.status() == 401 || (answer.status() == 400 && isSessionError(error)));
    }

    private static boolean isSessionError(String error) {
        return error != null && SESSION_ERRORS.contains(error); // Set.of refuses to look up null
    }

    /**
     * {@code com.atproto.server.refreshSession} with the refresh token. The PDS rotates the refresh token,
     * so the new pair goes to the sink before anything uses it. One refresh per account at a time: a call
     * that waited finds the pair another call just made.
     */
    private Credentials refresh(ChannelAccount account, Credentials stale) throws Stop {
        Object lock = refreshLocks.computeIfAbsent(account.id(), id -> new Object());
        synchronized (lock) {
            Session session = sessions.get(account.id());
            if (session != null && !session.fresh.accessToken().equals(stale.accessToken())
                    && (Objects.equals(stale.refreshToken(), session.fresh.refreshToken())
                    || (stale.refreshToken() != null && session.replaced.contains(hash(stale.refreshToken()))))) {
                return session.fresh;
            }
            if (stale.refreshToken() == null) {
                throw new Stop(revoked(account));
            }
            HttpUrl url = xrpc(base(account, stale), "com.atproto.server.refreshSession");
            if (url == null) {
                throw new Stop(badAddress());
            }
            Answer answer = send(account, new Request.Builder().url(url).header("Authorization", "Bearer " + stale.refreshToken())
                    .post(RequestBody.create(new byte[0], null)).build());
            if (!answer.ok()) {
                throw new Stop(refreshRefused(account, answer, stale));
            }
            String access = answer.text("accessJwt");
            String refresh = answer.text("refreshJwt");
            if (access == null || refresh == null) {
                // The PDS may have rotated the pair while we could not read it; the reference PDS keeps the old
                // refresh token usable for two hours, so a later attempt can still renew the session.
                throw new Stop(new Outcome.RetryLater(clock.instant().plus(Outcomes.SERVER_ERROR_BACKOFF),
                        "Bluesky's answer when renewing the session could not be read"));
            }
            Map<String, String> extra = new LinkedHashMap<>(stale.extra());
            String did = answer.text("did");
            if (AtprotoSyntax.isDid(did)) {
                extra.put("did", did);
            }
            Credentials fresh = new Credentials(access, refresh, null, stale.scopes(), extra);
            try {
                sink.rotated(account.id(), fresh);
            } catch (RuntimeException e) {
                // Not stored means not used: the old refresh token stays valid a while (two hours on the
                // reference PDS), so a later attempt renews again and stores that pair.
                throw new Stop(new Outcome.RetryLater(clock.instant().plus(RateLimits.DEFAULT_BACKOFF),
                        "the renewed Bluesky session could not be stored"));
            }
            Set<String> replaced = new HashSet<>(session == null ? Set.of() : session.replaced);
            replaced.add(hash(stale.refreshToken()));
            sessions.put(account.id(), new Session(fresh, Set.copyOf(replaced), clock.instant()));
            return fresh;
        }
    }

    private Outcome refreshRefused(ChannelAccount account, Answer answer, Credentials stale) {
        if (!answer.completed() || answer.status() == 429 || answer.status() >= 500) {
            return outcome(account, answer, false, stale);
        }
        String error = answer.text("error");
        if ("AccountTakedown".equals(error)) {
            return takedown(account);
        }
        if ("ExpiredToken".equals(error)) {
            return new Outcome.Failed("session-expired", "The Bluesky session of @" + handle(account)
                    + " has expired or was revoked: reconnect the account with an app password.");
        }
        return revoked(account);
    }

    private static Outcome.Failed revoked(ChannelAccount account) {
        return new Outcome.Failed("session-revoked", "Bluesky no longer accepts the session of @" + handle(account)
                + " (its app password may have been revoked): reconnect the account with an app password.");
    }

    private static Outcome.Failed takedown(ChannelAccount account) {
        return new Outcome.Failed("account-taken-down", "Bluesky has taken down @" + handle(account)
                + "; reconnect the account once Bluesky restores it.");
    }

    // ---------------------------------------------------------------- answers

    /** The outcome of an answer that is not a success: Bluesky's {@code {"error","message"}} first, then the shared mapping. */
    private Outcome outcome(ChannelAccount account, Answer answer, boolean creates, Credentials credentials) {
        Instant now = clock.instant();
        Optional<Instant> hold = rateLimits.observe(account.id(), answer, RateLimits.integer(answer, "RateLimit-Remaining"),
                RateLimits.epochSeconds(answer, "RateLimit-Reset"));
        if (answer.completed()) {
            String error = answer.text("error");
            if ("RateLimitExceeded".equals(error) || answer.status() == 429) {
                return new Outcome.RetryLater(hold.orElse(now.plus(RateLimits.DEFAULT_BACKOFF)), NAME + " asks us to slow down (rate limit)");
            }
            if ("AccountTakedown".equals(error)) {
                return takedown(account);
            }
            if ("AccountDeactivated".equals(error)) {
                return new Outcome.Failed("account-deactivated", "Bluesky reports @" + handle(account)
                        + " as deactivated: reactivate it on Bluesky, then reconnect it if publishing still fails.");
            }
            if (isSessionError(error)) {
                return revoked(account);
            }
            if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 401 && answer.status() != 403 && error != null) {
                return new Outcome.Failed("rejected", NAME + " refused the request (" + error + "): " + reason(answer, secrets(credentials)));
            }
        }
        Outcome shared = Outcomes.of(answer, creates, now, hold, NAME);
        if (shared instanceof Outcome.Failed f && f.code().equals("token-invalid")) {
            return revoked(account);
        }
        if (shared instanceof Outcome.Failed f) {
            return new Outcome.Failed(f.code(), scrub(f.reason(), secrets(credentials)));
        }
        return shared;
    }

    /** The server's {@code message} (or an excerpt of its body), short, with any of our secrets it echoes removed. */
    private static String reason(Answer answer, String... secrets) {
        String message = answer.text("message");
        String text = message != null ? message : answer.excerpt();
        if (text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
        return scrub(text, secrets);
    }

    private static String[] secrets(Credentials credentials) {
        return credentials == null ? new String[0] : new String[] {credentials.accessToken(), credentials.refreshToken()};
    }

    static String scrub(String text, String... secrets) {
        String s = text == null ? "" : text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                s = s.replace(secret, "***");
            }
        }
        return s;
    }

    private static Outcome.Failed badAddress() {
        return new Outcome.Failed("bad-address", "The account's Bluesky server address is not valid: reconnect the account.");
    }

    // ---------------------------------------------------------------- HTTP

    private Answer send(ChannelAccount account, Request request) {
        Answer answer = http.send(request);
        rateLimits.observe(account.id(), answer, RateLimits.integer(answer, "RateLimit-Remaining"), RateLimits.epochSeconds(answer, "RateLimit-Reset"));
        return answer;
    }

    private Request post(ChannelAccount account, Credentials c, String nsid, RequestBody body) {
        HttpUrl url = xrpc(base(account, c), nsid);
        return url == null ? null : authorized(c, new Request.Builder().url(url).post(body));
    }

    private Request get(ChannelAccount account, Credentials c, String nsid) {
        HttpUrl url = xrpc(base(account, c), nsid);
        return url == null ? null : authorized(c, new Request.Builder().url(url).get());
    }

    private static Request authorized(Credentials c, Request.Builder builder) {
        return builder.header("Authorization", "Bearer " + c.accessToken()).build();
    }

    private static RequestBody json(JsonNode body) {
        return RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON_TYPE);
    }

    /** The PDS to call: the one recorded at login, else the account's instance, else the default entryway. */
    private String base(ChannelAccount account, Credentials c) {
        if (c.extra("pds") != null) {
            return c.extra("pds");
        }
        return account.instance() != null ? account.instance().toString() : defaultInstance.toString();
    }

    static HttpUrl xrpc(String base, String nsid) {
        HttpUrl root = base == null ? null : HttpUrl.parse(base);
        return root == null ? null : root.newBuilder().addPathSegment("xrpc").addPathSegment(nsid).build();
    }

    private String didOf(ChannelAccount account, Credentials c) throws Stop {
        String did = c.extra("did") != null ? c.extra("did") : account.remoteId();
        if (!AtprotoSyntax.isDid(did)) {
            throw new Stop(new Outcome.Failed("not-connected", "The Bluesky account @" + handle(account) + " has no DID on record: reconnect it."));
        }
        return did;
    }

    private static String handle(ChannelAccount account) {
        String h = account.handle();
        return h.startsWith("@") ? h.substring(1) : h;
    }

    private static String postUrl(ChannelAccount account, String rkey) {
        return APP + "/profile/" + handle(account) + "/post/" + rkey;
    }

    private void record(Progress progress, String name, String value) throws Stop {
        try {
            progress.record(name, value);
        } catch (RuntimeException e) {
            throw new Stop(new Outcome.RetryLater(clock.instant().plus(RateLimits.DEFAULT_BACKOFF),
                    "the progress of the delivery could not be stored, so nothing was sent"));
        }
    }

    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String tag = language.strip().replace('_', '-');
        return AtprotoSyntax.isLanguage(tag) ? tag : null;
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
