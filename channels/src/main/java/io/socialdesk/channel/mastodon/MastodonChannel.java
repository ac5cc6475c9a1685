package io.socialdesk.channel.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.NetworkLimits;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Mastodon, on the instance each account lives on ({@link ChannelAccount#instance()}).
 *
 * <p>Publishing uploads the media first ({@code POST /api/v2/media}, waiting a bounded time for asynchronous
 * processing), records each media id through {@link Progress} so a retry reuses it, then creates the status with
 * an {@code Idempotency-Key} equal to {@link Delivery#key()}. Mastodon enforces that key on the server for one
 * hour per account and answers a repeated request with the ORIGINAL status, so within that hour settling an
 * ambiguous outcome is simply sending the very same request again: it cannot make a second post. Beyond the hour
 * (known from the {@code sent-at} time recorded before the first send) settling looks for the text among the
 * account's recent statuses instead.
 *
 * <p>Each call sends at most one request that creates a status and never retries on its own; nothing is thrown
 * to the caller; tokens appear only in the Authorization header, never in a message.
 */
public final class MastodonChannel implements Channel {
    /** How long Mastodon keeps an Idempotency-Key ({@code PostStatusService}: Redis {@code setex 3600}). */
    public static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(1);
    /** Within this time of the first send, replaying the request is safe; the margin covers the request's own latency. */
    static final Duration REPLAY_WINDOW = IDEMPOTENCY_KEY_LIFETIME.minusMinutes(5);
    /** A status found when settling must be no older than the first attempt, give or take clock differences. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);
    /** The longest one publish waits for Mastodon to process media before answering "retry later". */
    static final Duration MEDIA_WAIT = Duration.ofSeconds(30);
    private static final Duration[] POLL_STEPS = {
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5)};
    /** When the next attempt should come back for media still processing. */
    static final Duration MEDIA_RETRY = Duration.ofMinutes(1);
    /** Statuses looked at when settling beyond the key's lifetime (Mastodon's maximum page). */
    static final int RECENT_STATUSES = 40;

    /** Progress names: when the status was first sent, and each media id (with {@code .ready} once processed). */
    static final String SENT_AT = "sent-at";
    static final String MEDIA = "media.";
    static final String READY = ".ready";

    /** The scopes Social Desk asks for; a granted {@code write} or {@code read} covers its sub-scopes. */
    static final Set<String> NEEDED_SCOPES = new LinkedHashSet<>(List.of(MastodonOAuth.SCOPES.split(" ")));

    /** Waits between media polls; tests pass one that only records the waits. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final MastodonApi api;
    private final MastodonOAuth oauth;
    private final MastodonImport importer;
    private final Sleeper sleeper;

    public MastodonChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, Sleeper.REAL);
    }

    /** {@code sink} is unused: Mastodon tokens are never refreshed or rotated. */
    public MastodonChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, Sleeper sleeper) {
        this.api = new MastodonApi(Objects.requireNonNull(http, "http"), Objects.requireNonNull(rateLimits, "rateLimits"),
                Objects.requireNonNull(clock, "clock"));
        this.oauth = new MastodonOAuth(api);
        this.importer = new MastodonImport(api);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Connection connection() {
        return oauth;
    }

    @Override
    public Set<Stream> streams() {
        return EnumSet.of(Stream.MENTIONS, Stream.DIRECT_MESSAGES);
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return api.rateLimits.nextAllowedAt(account.id());
    }

    // ---------------------------------------------------------------- publish

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        try {
            return publishing(account, delivery, progress);
        } catch (RuntimeException e) {
            // Unknown is the safe answer whatever step failed: settling tells whether a status exists.
            return new Outcome.Unknown("An unexpected problem interrupted publishing to Mastodon; the post is checked before it is sent again");
        }
    }

    private Outcome publishing(ChannelAccount account, Delivery delivery, Progress progress) {
        Optional<AddressPolicy.Refusal> refused = api.refusal(account.instance());
        if (refused.isPresent()) {
            return new Outcome.Failed(refused.get().rule(), refused.get().message());
        }
        Optional<Instant> held = api.held(account);
        if (held.isPresent()) {
            return new Outcome.RetryLater(held.get(), "Mastodon asked us to wait before posting again (rate limit)");
        }
        HttpUrl root = MastodonApi.root(account.instance());
        List<String> mediaIds = new ArrayList<>();
        for (int index = 0; index < delivery.media().size(); index++) {
            Step step = media(account, root, delivery, index, progress);
            if (step.outcome() != null) {
                return step.outcome();
            }
            mediaIds.add(step.id());
        }
        if (delivery.progress(SENT_AT) == null) {
            // Recorded before the request: settle() needs the first send's time to know whether the key still holds.
            progress.record(SENT_AT, api.now().toString());
        }
        return createStatus(account, root, delivery, mediaIds);
    }

    /** {@code POST /api/v1/statuses} with the delivery's Idempotency-Key: the one request that creates something. */
    private Outcome createStatus(ChannelAccount account, HttpUrl root, Delivery delivery, List<String> mediaIds) {
        Request request = MastodonApi.authorized(MastodonApi.url(root, "api", "v1", "statuses").build(), account)
                .header("Idempotency-Key", idempotencyKey(delivery.key()))
                .post(RequestBody.create(statusBody(delivery, mediaIds).toString(), MastodonApi.JSON))
                .build();
        Answer answer = api.http.send(request);
        Optional<Instant> hold = api.observe(account, answer);
        if (answer.ok() && answer.isJson()) {
            return sent(answer.json());
        }
        return api.failure(answer, true, hold, delivery.replyTo() != null, "the post");
    }

    /** The request body, in the JSON form of Mastodon's {@code TextStatus} / {@code MediaStatus}. */
    static ObjectNode statusBody(Delivery delivery, List<String> mediaIds) {
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        String handle = delivery.progress(Delivery.DIRECT_TO) == null ? null : delivery.progress(Delivery.DIRECT_HANDLE);
        if (!delivery.text().isEmpty() || mediaIds.isEmpty()) {
            body.put("status", handle == null ? delivery.text() : addressed(delivery.text(), handle));
        }
        if (!mediaIds.isEmpty()) {
            ArrayNode ids = body.putArray("media_ids");
            mediaIds.forEach(ids::add);
        }
        if (delivery.replyTo() != null) {
            body.put("in_reply_to_id", delivery.replyTo().id());
        }
        if (delivery.language() != null && !delivery.language().isBlank()) {
            body.put("language", delivery.language().strip());
        }
        // A direct message is a status only the people it mentions see (visibility "direct"): it must name its recipient.
        body.put("visibility", delivery.progress(Delivery.DIRECT_TO) != null ? "direct" : "public");
        return body;
    }

    /** The text of a direct message, starting with {@code @acct} unless it already mentions the recipient. */
    static String addressed(String text, String acct) {
        String mention = "@" + (acct.startsWith("@") ? acct.substring(1) : acct);
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int i = lower.indexOf(mention.toLowerCase(java.util.Locale.ROOT));
        while (i >= 0) {
            int end = i + mention.length();
            boolean whole = (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                    && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || "_@.-".indexOf(text.charAt(end)) >= 0));
            if (whole) {
                return text;
            }
            i = lower.indexOf(mention.toLowerCase(java.util.Locale.ROOT), i + 1);
        }
        return mention + " " + text;
    }

    @Override
    public boolean sendsDirectMessages() {
        return true;
    }

    /**
     * The delivery's key as the header value. Keys are printable ASCII in practice and go as they are; anything
     * a header cannot carry is replaced by its SHA-256, just as deterministic.
     */
    static String idempotencyKey(String key) {
        if (!key.isEmpty() && key.length() <= 200 && key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return key;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Outcome sent(JsonNode status) {
        String id = MastodonApi.text(status, "id");
        if (id == null) {
            return new Outcome.Unknown("Mastodon answered the post in a shape we cannot read (its id is not text); "
                    + "it may have been published, so it is checked before being sent again");
        }
        String url = MastodonApi.text(status, "url");
        return new Outcome.Sent(RemotePost.of(id, url == null ? MastodonApi.text(status, "uri") : url));
    }

    // ---------------------------------------------------------------- media

    /** A media id ready to attach, or the outcome that ends this attempt. */
    private record Step(String id, Outcome outcome) {
        static Step ready(String id) {
            return new Step(id, null);
        }

        static Step stop(Outcome outcome) {
            return new Step(null, outcome);
        }
    }

    private Step media(ChannelAccount account, HttpUrl root, Delivery delivery, int index, Progress progress) {
        Attachment attachment = delivery.media().get(index);
        String name = MEDIA + index;
        String id = delivery.progress(name);
        if (id != null && "true".equals(delivery.progress(name + READY))) {
            return Step.ready(id);
        }
        if (id != null) {
            // Uploaded by an earlier attempt, perhaps still processing: look at it first, upload again only if it is gone.
            return awaitProcessing(account, root, name, id, progress, attachment, true);
        }
        return upload(account, root, name, attachment, progress);
    }

    private Step upload(ChannelAccount account, HttpUrl root, String name, Attachment attachment, Progress progress) {
        byte[] bytes;
        try {
            bytes = attachment.readAll();
        } catch (IOException e) {
            return Step.stop(new Outcome.Failed("media-unreadable", "A media file of this post could not be read, so nothing was sent"));
        }
        MediaType type = Optional.ofNullable(MediaType.parse(attachment.mediaType())).orElse(MediaType.get("application/octet-stream"));
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", fileName(name, type), RequestBody.create(bytes, type));
        if (!attachment.altText().isBlank()) {
            form.addFormDataPart("description", attachment.altText());
        }
        Answer answer = api.http.send(MastodonApi.authorized(MastodonApi.url(root, "api", "v2", "media").build(), account)
                .post(form.build()).build());
        Optional<Instant> hold = api.observe(account, answer);
        if ((answer.status() == 200 || answer.status() == 202) && answer.completed() && answer.json().isObject()) {
            String id = MastodonApi.text(answer.json(), "id");
            if (id == null) {
                return Step.stop(new Outcome.Failed("malformed-answer", "Mastodon took the media but answered without a readable id"));
            }
            progress.record(name, id);
            if (answer.status() == 200 && MastodonApi.text(answer.json(), "url") != null) {
                progress.record(name + READY, "true");
                return Step.ready(id);
            }
            return awaitProcessing(account, root, name, id, progress, null, false);
        }
        // An upload that may have arrived only leaves an unattached file, which Mastodon deletes: it is not a post.
        return Step.stop(api.failure(answer, false, hold, false, "the media"));
    }

    /**
     * Polls {@code GET /api/v1/media/:id} (206 while processing, 200 with a url when done) for at most
     * {@link #MEDIA_WAIT} in all; after that the attempt ends with "retry later" and the next one reuses the id.
     */
    private Step awaitProcessing(ChannelAccount account, HttpUrl root, String name, String id, Progress progress, Attachment reupload,
            boolean lookFirst) {
        Duration waited = Duration.ZERO;
        for (int round = 0; ; round++) {
            if (!(lookFirst && round == 0)) {
                Duration step = POLL_STEPS[Math.min(lookFirst ? round - 1 : round, POLL_STEPS.length - 1)];
                if (waited.plus(step).compareTo(MEDIA_WAIT) > 0) {
                    return Step.stop(new Outcome.RetryLater(api.now().plus(MEDIA_RETRY),
                            "Mastodon is still processing the media; the next attempt continues with the same upload"));
                }
                try {
                    sleeper.sleep(step);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Step.stop(new Outcome.RetryLater(api.now().plus(MEDIA_RETRY), "Publishing stopped while Mastodon processed the media"));
                }
                waited = waited.plus(step);
            }
            Answer answer = api.http.send(MastodonApi.authorized(MastodonApi.url(root, "api", "v1", "media", id).build(), account).get().build());
            Optional<Instant> hold = api.observe(account, answer);
            if (answer.completed() && answer.status() == 206) {
                continue;
            }
            if (answer.ok() && answer.json().isObject()) {
                if (MastodonApi.text(answer.json(), "url") != null) {
                    progress.record(name + READY, "true");
                    return Step.ready(id);
                }
                continue; // some servers answer 200 with url null while processing
            }
            if (answer.completed() && answer.status() == 404 && reupload != null) {
                return upload(account, root, name, reupload, progress); // unattached uploads are cleaned up after a day
            }
            return Step.stop(api.failure(answer, false, hold, false, "the media"));
        }
    }

    private static String fileName(String name, MediaType type) {
        String subtype = type.subtype().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String extension = switch (subtype) {
            case "jpeg" -> "jpg";
            case "quicktime" -> "mov";
            case "" -> "bin";
            default -> subtype;
        };
        return name.replace('.', '-') + "." + extension;
    }

    // ---------------------------------------------------------------- settle

    /**
     * Within {@link #REPLAY_WINDOW} of the first send, sends the same request with the same Idempotency-Key:
     * Mastodon answers a repeat with the original status and creates nothing, and if the first request never
     * arrived this one publishes the post once. Later, looks for a status with the same text (and reply target
     * and media count) among the account's recent statuses created after the first attempt.
     */
    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            return settling(account, delivery);
        } catch (RuntimeException e) {
            return new Outcome.Unknown("An unexpected problem interrupted checking the post on Mastodon");
        }
    }

    private Outcome settling(ChannelAccount account, Delivery delivery) {
        Instant now = api.now();
        String first = delivery.progress(SENT_AT);
        if (first == null) {
            return new Outcome.RetryLater(now, "Nothing was sent to Mastodon for this post yet; it can be sent");
        }
        Optional<AddressPolicy.Refusal> refused = api.refusal(account.instance());
        if (refused.isPresent()) {
            return new Outcome.Unknown(refused.get().message());
        }
        Optional<Instant> held = api.held(account);
        if (held.isPresent()) {
            return new Outcome.Unknown("Mastodon asked us to wait until " + held.get() + " before checking (rate limit)");
        }
        HttpUrl root = MastodonApi.root(account.instance());
        Instant sentAt = parseInstant(first);
        if (sentAt != null && now.isBefore(sentAt.plus(REPLAY_WINDOW))) {
            List<String> mediaIds = new ArrayList<>();
            for (int index = 0; index < delivery.media().size(); index++) {
                String id = delivery.progress(MEDIA + index);
                if (id == null) {
                    return new Outcome.RetryLater(now, "The media of this post never finished uploading, so the post was not sent; it can be sent");
                }
                mediaIds.add(id);
            }
            Outcome replay = createStatus(account, root, delivery, mediaIds);
            if (replay instanceof Outcome.Sent) {
                return replay;
            }
            if (replay instanceof Outcome.Failed failed && failed.code().equals("validation-failed")) {
                return replay; // Mastodon looks the key up before validating: a refusal means no status exists
            }
            return new Outcome.Unknown("Mastodon could not confirm the post yet: " + reason(replay));
        }
        return lookUp(account, root, delivery, sentAt == null ? Instant.EPOCH : sentAt);
    }

    private Outcome lookUp(ChannelAccount account, HttpUrl root, Delivery delivery, Instant sentAt) {
        if (account.remoteId() == null) {
            return new Outcome.Unknown("The account's Mastodon id is unknown, so its recent posts cannot be checked");
        }
        Answer answer = api.http.send(MastodonApi.authorized(MastodonApi.url(root, "api", "v1", "accounts", account.remoteId(), "statuses")
                .addQueryParameter("limit", String.valueOf(RECENT_STATUSES)).addQueryParameter("exclude_reblogs", "true").build(), account)
                .get().build());
        Optional<Instant> hold = api.observe(account, answer);
        if (!answer.ok() || !answer.json().isArray()) {
            String why = answer.ok() ? "Mastodon answered with something that is not a list" : reason(api.failure(answer, false, hold, false, "the account"));
            return new Outcome.Unknown("Could not look at the account's recent posts on Mastodon: " + why);
        }
        String expected = MastodonHtml.comparable(delivery.text());
        String parent = delivery.replyTo() == null ? null : delivery.replyTo().id();
        RemotePost found = null;
        for (JsonNode status : answer.json()) { // newest first: the last match is the earliest after the first attempt
            String id = MastodonApi.text(status, "id");
            Instant created = MastodonImport.instant(MastodonApi.text(status, "created_at")).orElse(null);
            if (id == null || created == null || created.isBefore(sentAt.minus(CLOCK_MARGIN)) || !status.path("content").isTextual()) {
                continue;
            }
            if (Objects.equals(parent, MastodonApi.text(status, "in_reply_to_id"))
                    && status.path("media_attachments").size() == delivery.media().size()
                    && MastodonHtml.comparable(MastodonHtml.plainText(status.path("content").asText())).equals(expected)) {
                String url = MastodonApi.text(status, "url");
                found = RemotePost.of(id, url == null ? MastodonApi.text(status, "uri") : url);
            }
        }
        return found != null ? new Outcome.Sent(found)
                : new Outcome.Unknown("The post is not among the account's " + RECENT_STATUSES
                        + " latest posts on Mastodon since the first attempt; check the account before sending it again");
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String reason(Outcome outcome) {
        if (outcome instanceof Outcome.Failed failed) {
            return failed.reason();
        }
        if (outcome instanceof Outcome.RetryLater later) {
            return later.reason();
        }
        if (outcome instanceof Outcome.Unknown unknown) {
            return unknown.reason();
        }
        return "it was sent";
    }

    // ---------------------------------------------------------------- delete

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        try {
            Optional<AddressPolicy.Refusal> refused = api.refusal(account.instance());
            if (refused.isPresent()) {
                return new Outcome.Failed(refused.get().rule(), refused.get().message());
            }
            Optional<Instant> held = api.held(account);
            if (held.isPresent()) {
                return new Outcome.RetryLater(held.get(), "Mastodon asked us to wait before deleting (rate limit)");
            }
            Answer answer = api.http.send(MastodonApi.authorized(MastodonApi.url(MastodonApi.root(account.instance()), "api", "v1", "statuses",
                    post.id()).build(), account).delete().build());
            Optional<Instant> hold = api.observe(account, answer);
            if (answer.ok() || (answer.completed() && answer.status() == 404)) {
                return new Outcome.Sent(post); // 404: already gone
            }
            return api.failure(answer, false, hold, false, "the post to delete");
        } catch (RuntimeException e) {
            return new Outcome.RetryLater(api.now().plus(MEDIA_RETRY), "An unexpected problem interrupted deleting the post on Mastodon");
        }
    }

    // ---------------------------------------------------------------- import, health, limits

    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return fetch(account, stream, cursor, null);
    }

    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor, Function<Collection<String>, Set<String>> stored) {
        try {
            return importer.fetch(account, stream, cursor, stored);
        } catch (RuntimeException e) {
            return ImportBatch.failed(cursor, "An unexpected problem interrupted reading Mastodon's notifications", null);
        }
    }

    @Override
    public List<Inbound> ancestors(ChannelAccount account, Inbound item, int max) {
        try {
            return importer.ancestors(account, item, max);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        Instant now = api.now();
        try {
            Optional<AddressPolicy.Refusal> refused = api.refusal(account.instance());
            if (refused.isPresent()) {
                return AccountHealth.problem(now, "unreachable", refused.get().message());
            }
            HttpUrl root = MastodonApi.root(account.instance());
            Answer answer = api.http.send(MastodonApi.authorized(MastodonApi.url(root, "api", "v1", "accounts", "verify_credentials").build(),
                    account).get().build());
            api.observe(account, answer);
            if (!answer.completed()) {
                return AccountHealth.problem(now, "unreachable", "Mastodon could not be reached: " + answer.problem());
            }
            int status = answer.status();
            if (status == 401 || status == 403) {
                return AccountHealth.problem(now, "revoked", "Mastodon no longer accepts this account's access (" + MastodonApi.said(answer)
                        + "); reconnect the account");
            }
            if (status == 429) {
                return AccountHealth.problem(now, "rate-limited", "Mastodon asks to slow down; the account is checked again later");
            }
            if (!answer.ok()) {
                return AccountHealth.problem(now, "unreachable", "Mastodon answered " + status + ": " + MastodonApi.said(answer));
            }
            String id = MastodonApi.text(answer.json(), "id");
            String acct = MastodonApi.text(answer.json(), "acct");
            if (id == null || acct == null) {
                return AccountHealth.problem(now, "unreachable", "Mastodon answered with something that is not an account");
            }
            String handle = MastodonOAuth.handle(acct, root);
            Set<String> scopes = account.credentials().scopes();
            Set<String> missing = missingScopes(scopes);
            if (!scopes.isEmpty() && !missing.isEmpty()) {
                return new AccountHealth(now, "missing-scopes", "The account's access lacks " + String.join(", ", missing)
                        + "; reconnect it to grant them", id, handle, scopes, null);
            }
            return AccountHealth.ok(now, id, handle, scopes, null);
        } catch (RuntimeException e) {
            return AccountHealth.problem(now, "unreachable", "An unexpected problem interrupted checking the account on Mastodon");
        }
    }

    /** The scopes Social Desk needs that {@code granted} does not cover ({@code write} covers {@code write:statuses}). */
    static Set<String> missingScopes(Set<String> granted) {
        Set<String> missing = new LinkedHashSet<>();
        for (String needed : NEEDED_SCOPES) {
            String parent = needed.substring(0, needed.indexOf(':'));
            if (!granted.contains(needed) && !granted.contains(parent)) {
                missing.add(needed);
            }
        }
        return missing;
    }

    /** The instance's own limits from {@code GET /api/v2/instance} (public, sent without the token). */
    @Override
    public Optional<NetworkLimits> limits(ChannelAccount account) {
        try {
            if (api.refusal(account.instance()).isPresent()) {
                return Optional.empty();
            }
            Answer answer = api.http.send(new Request.Builder().url(MastodonApi.url(MastodonApi.root(account.instance()), "api", "v2", "instance")
                    .build()).header("Accept", "application/json").get().build());
            api.observe(account, answer);
            if (!answer.ok() || !answer.json().isObject()) {
                return Optional.empty();
            }
            JsonNode configuration = answer.json().path("configuration");
            JsonNode statuses = configuration.path("statuses");
            Integer maxCharacters = positiveInt(statuses.path("max_characters"));
            Integer perUrl = positiveInt(statuses.path("characters_reserved_per_url"));
            Integer maxMedia = positiveInt(statuses.path("max_media_attachments"));
            JsonNode imageSize = configuration.path("media_attachments").path("image_size_limit");
            Long maxImageBytes = imageSize.isIntegralNumber() && imageSize.canConvertToLong() && imageSize.asLong() > 0 ? imageSize.asLong() : null;
            if (maxCharacters == null && perUrl == null && maxMedia == null && maxImageBytes == null) {
                return Optional.empty();
            }
            return Optional.of(new NetworkLimits(maxCharacters, perUrl, maxMedia, maxImageBytes, null, null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Integer positiveInt(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 0 ? node.asInt() : null;
    }
}
