package io.socialdesk.channel.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.rules.LinkedInText;
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
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * LinkedIn through its versioned REST API (Posts, Images, Social Actions). Every request carries
 * {@code LinkedIn-Version} and {@code X-Restli-Protocol-Version: 2.0.0}; URNs in paths and queries
 * are URL-encoded as Rest.li 2.0 requires. The account's {@code remoteId} is the author URN: an
 * organization ({@code urn:li:organization:N}) or the member ({@code urn:li:person:ID}).
 *
 * <p>LinkedIn has no idempotency mechanism: the attempt time is recorded before the create, and an
 * ambiguous outcome is settled by reading the author's recent posts (or the parent's comments).
 */
public final class LinkedInChannel implements Channel, Connection.OAuth {
    public static final URI API = URI.create("https://api.linkedin.com");
    public static final URI OAUTH = URI.create("https://www.linkedin.com/oauth/v2");
    /** LinkedIn sunsets a version about a year after its release: bump this with each release of Social Desk. */
    public static final String DEFAULT_VERSION = "202510";
    public static final String RESTLI_PROTOCOL = "2.0.0";

    /** Scopes for posting as a Page (and reading its comments); openid/profile read who connected it. */
    public static final List<String> ORGANIZATION_SCOPES =
            List.of("openid", "profile", "w_member_social", "w_organization_social", "r_organization_social", "rw_organization_admin");
    /** Scopes for posting as the member who connects (LinkedIn offers no comment reading for members). */
    public static final List<String> MEMBER_SCOPES = List.of("openid", "profile", "w_member_social");

    /** Progress names: the image URNs uploaded so far and when the create was last attempted. */
    public static final String PROGRESS_IMAGE = "linkedin.image.";
    public static final String PROGRESS_ATTEMPTED_AT = "linkedin.attempted-at";

    /** The import reads comments on the author's posts of this many days, at most {@link #RECENT_POSTS} of them. */
    static final Duration RECENT_WINDOW = Duration.ofDays(14);
    static final int RECENT_POSTS = 10;
    static final int COMMENTS_PAGE = 50;
    static final int COMMENT_PAGES_PER_POST = 4;
    static final int MAX_ITEMS_PER_BATCH = 100;
    /** How many of the author's latest posts the settle reads to find an ambiguous create. */
    static final int SETTLE_LOOKUP = 20;

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Pattern COMPANY_PAGE = Pattern.compile("^/company/(\\d+)/?.*$");
    private static final Pattern ORGANIZATION_URN = Pattern.compile("^urn:li:organization:\\d+$");
    private static final Pattern COMMENT_URN = Pattern.compile("^urn:li:comment:\\((.+),(\\d+)\\)$");

    private final HttpCalls http;
    private final RateLimits rateLimits;
    private final CredentialSink sink;
    private final Clock clock;
    private final HttpUrl api;
    private final URI oauth;
    private final String version;

    public LinkedInChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, API, OAUTH, DEFAULT_VERSION);
    }

    public LinkedInChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI api, URI oauth, String version) {
        this.http = http;
        this.rateLimits = rateLimits;
        this.sink = sink;
        this.clock = clock;
        this.api = HttpUrl.get(api);
        this.oauth = oauth;
        if (version == null || !version.matches("\\d{6}")) throw new IllegalArgumentException("LinkedIn-Version is YYYYMM, not " + version);
        this.version = version;
    }

    @Override
    public Network network() {
        return Network.LINKEDIN;
    }

    @Override
    public Connection connection() {
        return this;
    }

    // ------------------------------------------------------------------------------------------ connect

    /**
     * LinkedIn has one client per app (no registration per instance). {@code instance}, when given,
     * names the Page to post as: its admin URL {@code https://www.linkedin.com/company/12345/} or its
     * URN; without it the account posts as the member who connects.
     */
    @Override
    public OAuthClient client(URI instance, URI redirect, OAuthClient configured) throws ConnectFailure {
        if (configured == null || configured.clientSecret() == null || configured.clientSecret().isBlank()) {
            throw new ConnectFailure("not-configured", "An admin must enter the LinkedIn app's client id and secret before accounts can be connected.");
        }
        if (instance != null) organizationOf(instance);
        return new OAuthClient(instance, configured.clientId(), configured.clientSecret());
    }

    /**
     * The authorization URL. No PKCE: LinkedIn offers PKCE only to approved native (mobile/desktop)
     * clients; web apps such as ours authenticate the code exchange with the client secret.
     */
    @Override
    public URI authorizationUri(OAuthClient client, AuthorizationRequest request) {
        boolean organization = client.instance() != null;
        HttpUrl url = HttpUrl.get(oauth + "/authorization").newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", client.clientId())
                .addQueryParameter("redirect_uri", request.redirect().toString())
                .addQueryParameter("state", request.state())
                .addQueryParameter("scope", String.join(" ", organization ? ORGANIZATION_SCOPES : MEMBER_SCOPES))
                .build();
        return url.uri();
    }

    @Override
    public Connected exchange(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        Credentials token = tokenRequest(client, new FormBody.Builder()
                .add("grant_type", "authorization_code").add("code", code == null ? "" : code)
                .add("redirect_uri", redirect.toString()), null);
        Answer me = http.send(apiRequest(token.accessToken(), api.newBuilder().addPathSegments("v2/userinfo").build()).get().build());
        if (!me.ok()) throw connectFailure(me, "reading who connected");
        String sub = me.text("sub");
        if (sub == null || sub.isBlank() || !me.json().path("sub").isTextual()) {
            throw new ConnectFailure("malformed-answer", "LinkedIn did not say who connected (no member id in its answer).");
        }
        String person = "urn:li:person:" + sub;
        String name = Optional.ofNullable(me.text("name")).filter(s -> !s.isBlank()).orElse(person);
        Credentials credentials = new Credentials(token.accessToken(), token.refreshToken(), token.expiresAt(), token.scopes(),
                Map.of("member", person));
        if (client.instance() != null) {
            String organization = organizationOf(client.instance());
            return new Connected(organization, organization, "LinkedIn Page " + organization.substring(organization.lastIndexOf(':') + 1)
                    + " (connected by " + name + ")", credentials);
        }
        return new Connected(person, person, name, credentials);
    }

    /**
     * Only LinkedIn's approved partner apps get refresh tokens (about a year); they do not rotate: the
     * same refresh token comes back with a shorter life, so it is kept when the answer omits it.
     */
    @Override
    public Credentials refresh(OAuthClient client, Credentials current) throws ConnectFailure {
        if (current.refreshToken() == null) {
            throw new ConnectFailure("refresh-unavailable",
                    "LinkedIn gives refresh tokens only to approved partner apps: the account's owner must reconnect it every 60 days.");
        }
        Credentials fresh = tokenRequest(client, new FormBody.Builder()
                .add("grant_type", "refresh_token").add("refresh_token", current.refreshToken()), current);
        return new Credentials(fresh.accessToken(), fresh.refreshToken() == null ? current.refreshToken() : fresh.refreshToken(),
                fresh.expiresAt(), fresh.scopes().isEmpty() ? current.scopes() : fresh.scopes(), current.extra());
    }

    private Credentials tokenRequest(OAuthClient client, FormBody.Builder form, Credentials current) throws ConnectFailure {
        form.add("client_id", client.clientId()).add("client_secret", client.clientSecret() == null ? "" : client.clientSecret());
        Answer answer = http.send(versioned(new Request.Builder().url(oauth + "/accessToken")).post(form.build()).build());
        if (!answer.ok()) throw connectFailure(answer, "exchanging the authorization");
        JsonNode json = answer.json();
        if (!json.path("access_token").isTextual() || json.path("access_token").asText().isBlank()) {
            throw new ConnectFailure("malformed-answer", "LinkedIn's token answer held no access token.");
        }
        Instant now = clock.instant();
        Instant expiresAt = json.path("expires_in").canConvertToLong() ? now.plusSeconds(json.path("expires_in").asLong()) : null;
        String refresh = json.path("refresh_token").isTextual() ? json.path("refresh_token").asText() : null;
        Set<String> scopes = new LinkedHashSet<>();
        if (json.path("scope").isTextual()) {
            Arrays.stream(json.path("scope").asText().split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(scopes::add);
        }
        return new Credentials(json.path("access_token").asText(), refresh, expiresAt, scopes, current == null ? Map.of() : current.extra());
    }

    private ConnectFailure connectFailure(Answer answer, String doing) {
        if (!answer.completed()) return new ConnectFailure("network-unreachable", "LinkedIn could not be reached while " + doing + ": " + answer.problem());
        String message = errorMessage(answer);
        if (answer.status() == 400 || answer.status() == 401) {
            return new ConnectFailure("invalid-credentials", "LinkedIn refused the connection while " + doing + message);
        }
        if (answer.status() == 426) return new ConnectFailure("version-sunset", sunsetMessage());
        return new ConnectFailure("network-error", "LinkedIn answered " + answer.status() + " while " + doing + message);
    }

    /** The organization URN that {@code instance} names: a Page admin URL with its number, or the URN itself. */
    static String organizationOf(URI instance) throws ConnectFailure {
        String text = instance.toString();
        if (ORGANIZATION_URN.matcher(text).matches()) return text;
        if (instance.getHost() != null && instance.getHost().toLowerCase(Locale.ROOT).endsWith("linkedin.com") && instance.getPath() != null) {
            Matcher m = COMPANY_PAGE.matcher(instance.getPath());
            if (m.matches()) return "urn:li:organization:" + m.group(1);
        }
        throw new ConnectFailure("organization-url",
                "Give the Page as its admin address with its number, such as https://www.linkedin.com/company/12345/, or as urn:li:organization:12345.");
    }

    // ------------------------------------------------------------------------------------------ publish

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        try {
            return publishOnce(account, delivery, progress);
        } catch (RuntimeException e) {
            // Nothing above throws by design; this keeps a bug from reaching the engine as an exception.
            return new Outcome.Unknown("LinkedIn publishing stopped unexpectedly (" + e.getClass().getSimpleName() + "); check the post before sending again");
        }
    }

    private Outcome publishOnce(ChannelAccount account, Delivery delivery, Progress progress) {
        String author = author(account);
        if (author == null) return new Outcome.Failed("account-incomplete", "This LinkedIn account has no author URN: reconnect it.");
        Instant now = clock.instant();
        Instant hold = rateLimits.nextAllowedAt(account.id());
        // A fresh reading: with no hold the answer is the limits' own "now", a moment after ours.
        if (hold.isAfter(clock.instant())) return new Outcome.RetryLater(hold, "LinkedIn's quota for this account is spent until " + hold);
        if (delivery.replyTo() != null) return comment(account, author, delivery, progress);

        List<String> images = new ArrayList<>();
        List<Attachment> media = delivery.media();
        for (int i = 0; i < media.size(); i++) {
            Attachment attachment = media.get(i);
            if (attachment.isVideo()) {
                return new Outcome.Failed("media-unsupported", "Videos are not published to LinkedIn yet; remove the video or post it by hand.");
            }
            String uploaded = delivery.progress(PROGRESS_IMAGE + i);
            if (uploaded == null) {
                Result<String> upload = uploadImage(account, author, attachment);
                if (upload.outcome != null) return upload.outcome;
                uploaded = upload.value;
                progress.record(PROGRESS_IMAGE + i, uploaded);
            }
            images.add(uploaded);
        }

        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("author", author);
        body.put("commentary", LinkedInText.escape(delivery.text()));
        body.put("visibility", "PUBLIC");
        ObjectNode distribution = body.putObject("distribution");
        distribution.put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        if (images.size() == 1) {
            ObjectNode mediaNode = body.putObject("content").putObject("media");
            mediaNode.put("id", images.get(0));
            mediaNode.put("altText", media.get(0).altText());
        } else if (images.size() > 1) {
            ArrayNode list = body.putObject("content").putObject("multiImage").putArray("images");
            for (int i = 0; i < images.size(); i++) {
                list.addObject().put("id", images.get(i)).put("altText", media.get(i).altText());
            }
        }

        // No idempotency on LinkedIn: the attempt is on record before the request, for settle().
        progress.record(PROGRESS_ATTEMPTED_AT, now.toString());
        Answer answer = http.send(apiRequest(account.credentials().accessToken(), rest("posts").build())
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build());
        if (answer.ok()) {
            Optional<String> urn = answer.header("x-restli-id").map(String::strip).filter(s -> s.startsWith("urn:li:"));
            if (urn.isEmpty()) {
                return new Outcome.Unknown("LinkedIn accepted the post (" + answer.status() + ") without naming it; it will be looked up");
            }
            return new Outcome.Sent(RemotePost.of(urn.get(), postUrl(urn.get())));
        }
        return failure(account, answer, true, "the post");
    }

    /** A reply or first comment: a comment on the post it answers. LinkedIn comments carry text only here. */
    private Outcome comment(ChannelAccount account, String author, Delivery delivery, Progress progress) {
        if (!delivery.media().isEmpty()) {
            return new Outcome.Failed("media-unsupported", "Comments on LinkedIn are published without images; remove the media from this part.");
        }
        String target = delivery.replyTo().id();
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("actor", author);
        // A reply to a comment is a nested comment: the object stays the post, the comment is its parent.
        Matcher parent = COMMENT_URN.matcher(target);
        body.put("object", parent.matches() ? parent.group(1) : target);
        body.putObject("message").put("text", LinkedInText.escape(delivery.text()));
        if (parent.matches()) body.put("parentComment", target);
        progress.record(PROGRESS_ATTEMPTED_AT, clock.instant().toString());
        Answer answer = http.send(apiRequest(account.credentials().accessToken(), rest("socialActions", target, "comments").build())
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build());
        if (answer.ok()) {
            String urn = answer.header("x-restli-id").map(String::strip).filter(s -> s.startsWith("urn:li:"))
                    .orElseGet(() -> commentUrn(answer.json(), target));
            if (urn == null) return new Outcome.Unknown("LinkedIn accepted the comment without naming it; it will be looked up");
            return new Outcome.Sent(RemotePost.of(urn, postUrl(rootOf(delivery))));
        }
        return failure(account, answer, true, "the comment");
    }

    private Result<String> uploadImage(ChannelAccount account, String author, Attachment attachment) {
        ObjectNode init = HttpCalls.JSON.createObjectNode();
        init.putObject("initializeUploadRequest").put("owner", author);
        HttpUrl url = rest("images").addQueryParameter("action", "initializeUpload").build();
        Answer answer = http.send(apiRequest(account.credentials().accessToken(), url).post(RequestBody.create(init.toString(), JSON_TYPE)).build());
        if (!answer.ok()) return Result.of(failure(account, answer, false, "the image upload"));
        String uploadUrl = answer.text("value", "uploadUrl");
        String image = answer.text("value", "image");
        if (uploadUrl == null || image == null || !image.startsWith("urn:li:image:")) {
            return Result.of(new Outcome.RetryLater(clock.instant().plus(Outcomes.SERVER_ERROR_BACKOFF),
                    "LinkedIn's answer to the image upload lacked its address or image URN"));
        }
        HttpUrl target = HttpUrl.parse(uploadUrl);
        if (target == null || !trustedUploadHost(target)) {
            return Result.of(new Outcome.Failed("unexpected-upload-address", "LinkedIn named an upload address outside LinkedIn; the image was not sent there."));
        }
        Optional<AddressPolicy.Refusal> refused = http.policy().refusal(target.uri());
        if (refused.isPresent()) return Result.of(new Outcome.Failed("unexpected-upload-address", refused.get().message()));
        byte[] bytes;
        try {
            bytes = attachment.readAll();
        } catch (IOException e) {
            return Result.of(new Outcome.Failed("media-unreadable", "The image to publish could not be read from Social Desk's media store."));
        }
        Answer put = http.send(apiRequest(account.credentials().accessToken(), target)
                .put(RequestBody.create(bytes, MediaType.parse(attachment.mediaType()))).build());
        if (!put.completed() || put.status() < 200 || put.status() >= 300) {
            return Result.of(failure(account, put, false, "the image upload"));
        }
        return new Result<>(image, null);
    }

    /** The upload URL LinkedIn hands out is on its own hosts; the token is sent nowhere else. */
    private boolean trustedUploadHost(HttpUrl target) {
        String host = target.host().toLowerCase(Locale.ROOT);
        return host.equals(api.host()) || host.equals("linkedin.com") || host.endsWith(".linkedin.com");
    }

    // ------------------------------------------------------------------------------------------ settle, delete

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            String author = author(account);
            if (author == null) return new Outcome.Unknown("This LinkedIn account has no author URN to look the post up");
            String expected = LinkedInText.escape(delivery.text()).strip();
            String raw = delivery.text().strip();
            Answer answer;
            if (delivery.replyTo() != null) {
                answer = http.send(apiRequest(account.credentials().accessToken(), rest("socialActions", delivery.replyTo().id(), "comments")
                        .addQueryParameter("start", "0").addQueryParameter("count", Integer.toString(COMMENTS_PAGE)).build()).get().build());
            } else {
                answer = http.send(apiRequest(account.credentials().accessToken(), rest("posts")
                        .addQueryParameter("q", "author").addEncodedQueryParameter("author", encode(author))
                        .addQueryParameter("count", Integer.toString(SETTLE_LOOKUP)).build()).get().build());
            }
            if (!answer.ok() || !answer.json().path("elements").isArray()) {
                String why = answer.completed() ? "LinkedIn answered " + answer.status() : answer.problem();
                if (answer.status() == 429) rateLimits.holdUntil(account.id(), quotaHold(answer));
                return new Outcome.Unknown("Could not look the post up on LinkedIn (" + why + "); it may or may not be there");
            }
            for (JsonNode element : answer.json().path("elements")) {
                if (delivery.replyTo() != null) {
                    String text = element.path("message").path("text").asText("").strip();
                    if (author.equals(element.path("actor").asText()) && (text.equals(expected) || text.equals(raw))) {
                        String urn = commentUrn(element, delivery.replyTo().id());
                        if (urn != null) return new Outcome.Sent(RemotePost.of(urn, postUrl(rootOf(delivery))));
                    }
                } else {
                    String commentary = element.path("commentary").asText("").strip();
                    String id = element.path("id").asText("");
                    if (id.startsWith("urn:li:") && (commentary.equals(expected) || commentary.equals(raw))) {
                        return new Outcome.Sent(RemotePost.of(id, postUrl(id)));
                    }
                }
            }
            return new Outcome.RetryLater(clock.instant(), "The post is not on LinkedIn: it may be sent again");
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Looking the post up on LinkedIn failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        try {
            HttpUrl url;
            Matcher comment = COMMENT_URN.matcher(post.id());
            if (comment.matches()) {
                url = rest("socialActions", comment.group(1), "comments").addPathSegment(comment.group(2))
                        .addEncodedQueryParameter("actor", encode(Optional.ofNullable(author(account)).orElse(""))).build();
            } else {
                url = rest("posts", post.id()).build();
            }
            Answer answer = http.send(apiRequest(account.credentials().accessToken(), url).delete().build());
            if (answer.ok() || answer.status() == 404 || answer.status() == 410) return new Outcome.Sent(post);
            return failure(account, answer, false, "the deletion");
        } catch (RuntimeException e) {
            return new Outcome.RetryLater(clock.instant().plus(Outcomes.SERVER_ERROR_BACKOFF), "Deleting on LinkedIn failed unexpectedly");
        }
    }

    // ------------------------------------------------------------------------------------------ import

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.COMMENTS);
    }

    /**
     * Comments on the author's recent posts (the last {@value #RECENT_POSTS} of the last 14 days),
     * newer than the cursor (epoch milliseconds of the last comment stored), oldest first, the
     * author's own comments left out. A null cursor starts from now: history is not imported.
     * Organization Pages also get these by webhook ({@link LinkedInWebhook}); this poll catches what
     * a webhook missed.
     */
    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        try {
            return fetchComments(account, stream, cursor);
        } catch (RuntimeException e) {
            return ImportBatch.failed(cursor, "Reading LinkedIn comments failed unexpectedly (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private ImportBatch fetchComments(ChannelAccount account, Stream stream, String cursor) {
        Instant now = clock.instant();
        if (stream != Stream.COMMENTS) return ImportBatch.failed(cursor, "LinkedIn offers no " + stream + " stream through its API", null);
        String author = author(account);
        if (author == null) return ImportBatch.failed(cursor, "This LinkedIn account has no author URN: reconnect it", null);
        long since;
        if (cursor == null) {
            return ImportBatch.of(List.of(), Long.toString(now.toEpochMilli()), false);
        }
        try {
            since = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            return ImportBatch.failed(cursor, "The stored LinkedIn cursor is not a time; reset the account's import", null);
        }
        Instant hold = rateLimits.nextAllowedAt(account.id());
        // A fresh reading: with no hold the answer is the limits' own "now", a moment after ours.
        if (hold.isAfter(clock.instant())) return ImportBatch.failed(cursor, "LinkedIn's quota for this account is spent", hold);

        Answer posts = http.send(apiRequest(account.credentials().accessToken(), rest("posts")
                .addQueryParameter("q", "author").addEncodedQueryParameter("author", encode(author))
                .addQueryParameter("count", Integer.toString(RECENT_POSTS)).build()).get().build());
        Optional<ImportBatch> failed = importFailure(account, posts, cursor, "the account's posts");
        if (failed.isPresent()) return failed.get();

        List<Inbound> found = new ArrayList<>();
        long oldestPost = now.minus(RECENT_WINDOW).toEpochMilli();
        for (JsonNode post : posts.json().path("elements")) {
            String postUrn = post.path("id").asText("");
            long created = post.path("createdAt").asLong(post.path("publishedAt").asLong(0));
            if (!postUrn.startsWith("urn:li:") || (created > 0 && created < oldestPost)) continue;
            for (int page = 0; page < COMMENT_PAGES_PER_POST; page++) {
                Answer comments = http.send(apiRequest(account.credentials().accessToken(), rest("socialActions", postUrn, "comments")
                        .addQueryParameter("start", Integer.toString(page * COMMENTS_PAGE))
                        .addQueryParameter("count", Integer.toString(COMMENTS_PAGE)).build()).get().build());
                failed = importFailure(account, comments, cursor, "the comments of " + postUrn);
                if (failed.isPresent()) return failed.get();
                JsonNode elements = comments.json().path("elements");
                for (JsonNode c : elements) {
                    Inbound item = toInbound(c, postUrn, author, since);
                    if (item != null) found.add(item);
                }
                if (elements.size() < COMMENTS_PAGE) break;
            }
        }
        found.sort(Comparator.comparing(Inbound::createdAt).thenComparing(Inbound::externalId));
        List<Inbound> unique = new ArrayList<>(found.stream().collect(java.util.stream.Collectors.toMap(
                Inbound::externalId, i -> i, (a, b) -> a, java.util.LinkedHashMap::new)).values());
        boolean more = unique.size() > MAX_ITEMS_PER_BATCH;
        List<Inbound> batch = more ? unique.subList(0, MAX_ITEMS_PER_BATCH) : unique;
        String next = batch.isEmpty() ? cursor : Long.toString(batch.get(batch.size() - 1).createdAt().toEpochMilli());
        return ImportBatch.of(batch, next, more);
    }

    private Optional<ImportBatch> importFailure(ChannelAccount account, Answer answer, String cursor, String what) {
        if (answer.ok() && answer.json().path("elements").isArray()) return Optional.empty();
        Instant now = clock.instant();
        if (!answer.completed()) return Optional.of(ImportBatch.failed(cursor, "LinkedIn could not be read: " + answer.problem(), now.plus(Outcomes.SERVER_ERROR_BACKOFF)));
        if (answer.status() == 429) {
            Instant hold = quotaHold(answer);
            rateLimits.holdUntil(account.id(), hold);
            return Optional.of(ImportBatch.failed(cursor, "LinkedIn's quota for this account is spent", hold));
        }
        if (answer.status() == 401) return Optional.of(ImportBatch.failed(cursor, "LinkedIn no longer accepts this account's access: reconnect the account", null));
        if (answer.status() == 426) return Optional.of(ImportBatch.failed(cursor, sunsetMessage(), null));
        if (answer.ok()) return Optional.of(ImportBatch.failed(cursor, "LinkedIn's answer for " + what + " was not the expected list", now.plus(Outcomes.SERVER_ERROR_BACKOFF)));
        return Optional.of(ImportBatch.failed(cursor, "LinkedIn answered " + answer.status() + " for " + what + errorMessage(answer),
                answer.status() >= 500 ? now.plus(Outcomes.SERVER_ERROR_BACKOFF) : null));
    }

    private static Inbound toInbound(JsonNode c, String postUrn, String author, long since) {
        String actor = c.path("actor").isTextual() ? c.path("actor").asText() : null;
        long time = c.path("created").path("time").canConvertToLong() ? c.path("created").path("time").asLong() : -1;
        String urn = commentUrn(c, postUrn);
        if (actor == null || time <= since || urn == null || actor.equals(author)) return null;
        String parent = c.path("parentComment").isTextual() ? c.path("parentComment").asText() : postUrn;
        String text = c.path("message").path("text").isTextual() ? c.path("message").path("text").asText() : "";
        return new Inbound(Network.LINKEDIN, Stream.COMMENTS, urn, "comment", text, Instant.ofEpochMilli(time),
                new Inbound.Author(actor, actor, null, null, null), postUrl(postUrn) + "?commentUrn=" + encode(urn), parent, postUrn, null);
    }

    /** A comment's URN: from the answer ({@code $URN}, {@code commentUrn}) or built from its id and the commented object. */
    private static String commentUrn(JsonNode c, String object) {
        for (String field : List.of("$URN", "commentUrn")) {
            if (c.path(field).isTextual() && c.path(field).asText().startsWith("urn:li:comment:")) return c.path(field).asText();
        }
        JsonNode id = c.path("id");
        if ((id.isTextual() && id.asText().matches("\\d+")) || id.isIntegralNumber()) {
            String on = c.path("object").isTextual() ? c.path("object").asText() : object;
            return "urn:li:comment:(" + on + "," + id.asText() + ")";
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ health, limits

    @Override
    public AccountHealth check(ChannelAccount account) {
        Instant now = clock.instant();
        try {
            Answer me = http.send(apiRequest(account.credentials().accessToken(), api.newBuilder().addPathSegments("v2/userinfo").build()).get().build());
            if (me.status() == 401) return AccountHealth.problem(now, "revoked", "LinkedIn no longer accepts this account's access: reconnect it.");
            if (me.status() == 426) return AccountHealth.problem(now, "unreachable", sunsetMessage());
            if (me.status() == 429) {
                rateLimits.holdUntil(account.id(), quotaHold(me));
                return AccountHealth.problem(now, "rate-limited", "LinkedIn's daily quota for this account is spent.");
            }
            if (!me.ok() || !me.json().path("sub").isTextual()) {
                return AccountHealth.problem(now, "unreachable", me.completed()
                        ? "LinkedIn answered " + me.status() + " when asked who this account is." : "LinkedIn could not be reached: " + me.problem());
            }
            Credentials c = account.credentials();
            if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
                return AccountHealth.problem(now, "expired", "The LinkedIn access expired on " + c.expiresAt() + ": reconnect the account.");
            }
            String remote = account.remoteId() != null ? account.remoteId() : "urn:li:person:" + me.text("sub");
            String handle = Optional.ofNullable(me.text("name")).orElse(account.handle());
            return AccountHealth.ok(now, remote, handle, c.scopes(), c.expiresAt());
        } catch (RuntimeException e) {
            return AccountHealth.problem(now, "unreachable", "Checking the LinkedIn account failed unexpectedly.");
        }
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return rateLimits.nextAllowedAt(account.id());
    }

    // ------------------------------------------------------------------------------------------ errors

    private Outcome failure(ChannelAccount account, Answer answer, boolean creates, String what) {
        Instant now = clock.instant();
        if (answer.completed()) {
            int status = answer.status();
            if (status == 429) {
                Instant hold = quotaHold(answer);
                rateLimits.holdUntil(account.id(), hold);
                return new Outcome.RetryLater(hold, "LinkedIn's quota for this account is spent (429)");
            }
            if (status == 401) {
                return new Outcome.Failed("token-invalid", "LinkedIn no longer accepts this account's access: reconnect the account" + errorMessage(answer));
            }
            if (status == 426) return new Outcome.Failed("version-sunset", sunsetMessage());
            if (status == 400 || status == 422) return new Outcome.Failed("rejected", "LinkedIn refused " + what + errorMessage(answer));
            if (status == 403) {
                return new Outcome.Failed("forbidden", "LinkedIn did not allow " + what + " (the account may lack the permission to post as this author)"
                        + errorMessage(answer));
            }
            if (status == 404) return new Outcome.Failed("not-found", "LinkedIn does not know what " + what + " refers to" + errorMessage(answer));
        }
        return Outcomes.of(answer, creates, now, Optional.empty(), "LinkedIn");
    }

    /**
     * A 429 from LinkedIn: its {@code Retry-After} when it sends one, else the next midnight UTC.
     * LinkedIn documents daily quotas per app and member that reset at midnight UTC and no rate-limit
     * headers; a 429 without a time almost always means that quota is spent, and every call before
     * midnight would be refused and counted again.
     */
    Instant quotaHold(Answer answer) {
        return rateLimits.retryAfter(answer).orElseGet(() -> nextMidnightUtc(clock.instant()));
    }

    static Instant nextMidnightUtc(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** {@code : <LinkedIn's message>}, short and without markup, or nothing when it said nothing useful. */
    private static String errorMessage(Answer answer) {
        String message = answer.text("message");
        if (message == null || message.isBlank()) {
            String excerpt = answer.isJson() ? "" : answer.excerpt();
            return excerpt.isBlank() ? "" : ": " + excerpt;
        }
        String flat = message.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat);
    }

    private String sunsetMessage() {
        return "LinkedIn-Version sunset: update Social Desk (LinkedIn no longer serves API version " + version + ")";
    }

    // ------------------------------------------------------------------------------------------ requests

    private Request.Builder versioned(Request.Builder builder) {
        return builder.header("LinkedIn-Version", version).header("X-Restli-Protocol-Version", RESTLI_PROTOCOL);
    }

    private Request.Builder apiRequest(String token, HttpUrl url) {
        return versioned(new Request.Builder().url(url)).header("Authorization", "Bearer " + token);
    }

    /** {@code /rest/<segments>}, each URN segment URL-encoded ({@code urn%3Ali%3A...}). */
    private HttpUrl.Builder rest(String... segments) {
        HttpUrl.Builder b = api.newBuilder().addPathSegment("rest");
        for (String s : segments) b.addEncodedPathSegment(encode(s));
        return b;
    }

    /** Rest.li 2.0 encoding of a URN: colons, parentheses and commas percent-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String postUrl(String urn) {
        return "https://www.linkedin.com/feed/update/" + urn + "/";
    }

    private static String rootOf(Delivery delivery) {
        return delivery.root() != null ? delivery.root().id() : delivery.replyTo().id();
    }

    private static String author(ChannelAccount account) {
        if (account.remoteId() != null && account.remoteId().startsWith("urn:li:")) return account.remoteId();
        String member = account.credentials().extra("member");
        return member != null && member.startsWith("urn:li:") ? member : null;
    }

    private record Result<T>(T value, Outcome outcome) {
        static <T> Result<T> of(Outcome failure) {
            return new Result<>(null, failure);
        }
    }
}
