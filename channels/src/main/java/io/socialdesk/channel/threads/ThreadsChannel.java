package io.socialdesk.channel.threads;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.meta.ContainerFlow;
import io.socialdesk.channel.meta.Graph;
import io.socialdesk.channel.meta.GraphError;
import io.socialdesk.channel.meta.GraphHealth;
import io.socialdesk.channel.meta.GraphTime;
import io.socialdesk.channel.meta.Imports;
import io.socialdesk.channel.meta.Json;
import io.socialdesk.channel.meta.MetaConnection;
import io.socialdesk.channel.meta.MetaOAuth;
import io.socialdesk.channel.meta.Sleeper;
import io.socialdesk.channel.meta.TimeMark;
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
import io.socialdesk.core.channel.NetworkLimits;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A Threads profile on the Threads API (graph.threads.net). Connects with Threads' own OAuth (a 60-day
 * token, refreshed with {@code th_refresh_token} once a day old), publishes through a container (text,
 * one image or a carousel; {@code reply_to_id} for thread parts and replies), settles from the container
 * status, imports mentions (cursor paging) and replies to the account's recent posts, deletes posts.
 */
public final class ThreadsChannel implements Channel {
    public static final URI GRAPH = URI.create("https://graph.threads.net/v1.0");
    public static final URI AUTHORIZE = URI.create("https://threads.net/oauth/authorize");
    public static final List<String> SCOPES = List.of("threads_basic", "threads_content_publish", "threads_read_replies", "threads_manage_replies",
            "threads_manage_mentions", "threads_delete");
    public static final int TEXT_LIMIT = 500;
    public static final int CAROUSEL_LIMIT = 20;
    /** Mentions: items per page and pages per poll (pages are followed back to the stored mark). */
    public static final int PAGE_SIZE = 25;
    public static final int MAX_PAGES = 5;
    /** Replies: how many recent posts are looked at, and replies per post. */
    public static final int RECENT_POSTS = 5;
    public static final int REPLIES_PER_POST = 50;

    private static final String NETWORK = "Threads";
    private static final String MENTION_FIELDS = "id,text,username,timestamp,permalink,is_reply,root_post,replied_to";
    private static final ContainerFlow.Api API = new ContainerFlow.Api("id,status,error_message", "status", "error_message", "threads_publish",
            "threads", "replies", "text");

    private final Graph graph;
    private final URI authorizeBase;
    private final RateLimits rateLimits;
    private final ContainerFlow flow;

    public ThreadsChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, GRAPH, AUTHORIZE, Sleeper.REAL);
    }

    public ThreadsChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI graphBase, URI authorizeBase) {
        this(http, rateLimits, sink, clock, graphBase, authorizeBase, Sleeper.REAL);
    }

    public ThreadsChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI graphBase, URI authorizeBase, Sleeper sleeper) {
        this.graph = new Graph(http, rateLimits, clock, graphBase, NETWORK);
        this.authorizeBase = authorizeBase;
        this.rateLimits = rateLimits;
        this.flow = new ContainerFlow(graph, sleeper, API);
    }

    @Override
    public Network network() {
        return Network.THREADS;
    }

    @Override
    public Connection connection() {
        return new MetaConnection(NETWORK, "Threads'") {
            @Override
            public URI authorizationUri(OAuthClient client, AuthorizationRequest request) {
                // Threads documents no PKCE for its authorize window, so no challenge is sent.
                return MetaOAuth.authorizationUri(authorizeBase, client, request, SCOPES, false);
            }

            @Override
            protected Connected connect(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
                return ThreadsChannel.this.connect(client, code, redirect);
            }

            @Override
            protected Credentials renew(OAuthClient client, Credentials current) throws ConnectFailure {
                return MetaOAuth.refreshLongLived(graph, current, "th_refresh_token");
            }
        };
    }

    private Connected connect(OAuthClient client, String code, URI redirect) throws ConnectFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirect.toString());
        MetaOAuth.Token shortLived = MetaOAuth.token(graph.anonymous(new Request.Builder().url(graph.unversioned("oauth", "access_token").build())
                .post(Graph.form(form)).build()), NETWORK, "code exchange", client.clientSecret(), code);
        HttpUrl exchange = graph.unversioned("access_token").addQueryParameter("grant_type", "th_exchange_token")
                .addQueryParameter("client_secret", client.clientSecret()).addQueryParameter("access_token", shortLived.accessToken()).build();
        MetaOAuth.Token longLived = MetaOAuth.token(graph.anonymous(new Request.Builder().url(exchange).get().build()), NETWORK,
                "long-lived token exchange", client.clientSecret(), shortLived.accessToken());
        Answer me = graph.get(longLived.accessToken(), graph.url("me").addQueryParameter("fields", "id,username").build());
        if (!me.ok()) {
            throw MetaOAuth.failure(me, NETWORK, "profile lookup", longLived.accessToken());
        }
        String id = Json.text(me.json().path("id"));
        String username = Json.text(me.json().path("username"));
        if (id == null) {
            throw new ConnectFailure("malformed-answer", "Threads did not say which profile was connected.");
        }
        Credentials credentials = MetaOAuth.longLived(longLived, graph.now(), Set.copyOf(SCOPES), Map.of());
        return new Connected(id, username == null ? id : username, username, credentials);
    }

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        try {
            Optional<Outcome> held = graph.heldBack(account);
            if (held.isPresent()) {
                return held.get();
            }
            Optional<Outcome> refused = refuseMedia(delivery.media());
            if (refused.isPresent()) {
                return refused.get();
            }
            return flow.publish(account, delivery, progress, () -> createContainer(account, delivery, progress));
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Threads' answer could not be read; the recorded container will be checked before anything is sent again.");
        }
    }

    private static Optional<Outcome> refuseMedia(List<Attachment> media) {
        if (media.size() > CAROUSEL_LIMIT) {
            return Optional.of(new Outcome.Failed("too-many-media", "Threads takes at most " + CAROUSEL_LIMIT + " images in one post."));
        }
        for (Attachment attachment : media) {
            if (attachment.isVideo()) {
                return Optional.of(new Outcome.Failed("not-supported", "Social Desk does not publish videos to Threads yet."));
            }
            String type = attachment.mediaType().toLowerCase(java.util.Locale.ROOT);
            if (!type.equals("image/jpeg") && !type.equals("image/png")) {
                return Optional.of(new Outcome.Failed("unsupported-media", "Threads accepts JPEG and PNG images; this post has a " + type + " image."));
            }
            if (attachment.publicUrl() == null) {
                return Optional.of(new Outcome.Failed("needs-public-url", "Threads fetches images from a public address; set the server's public URL."));
            }
        }
        return Optional.empty();
    }

    private ContainerFlow.Staged createContainer(ChannelAccount account, Delivery delivery, Progress progress) {
        List<Attachment> media = delivery.media();
        Map<String, String> form = new LinkedHashMap<>();
        if (media.isEmpty()) {
            form.put("media_type", "TEXT");
        } else if (media.size() == 1) {
            form.put("media_type", "IMAGE");
            form.put("image_url", media.get(0).publicUrl().toString());
            if (!media.get(0).altText().isBlank()) {
                form.put("alt_text", media.get(0).altText());
            }
        } else {
            List<String> children = new ArrayList<>();
            for (int i = 0; i < media.size(); i++) {
                String child = delivery.progress(ContainerFlow.CHILD + i);
                if (child == null) {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("media_type", "IMAGE");
                    item.put("image_url", media.get(i).publicUrl().toString());
                    item.put("is_carousel_item", "true");
                    if (!media.get(i).altText().isBlank()) {
                        item.put("alt_text", media.get(i).altText());
                    }
                    ContainerFlow.Staged staged = container(account, item);
                    if (staged.stop() != null) {
                        return staged;
                    }
                    child = staged.containerId();
                    progress.record(ContainerFlow.CHILD + i, child);
                }
                children.add(child);
            }
            form.put("media_type", "CAROUSEL");
            form.put("children", String.join(",", children));
        }
        form.put("text", delivery.text());
        if (delivery.replyTo() != null) {
            form.put("reply_to_id", delivery.replyTo().id());
        }
        return container(account, form);
    }

    /** A container is not public: a lost answer here is simply tried again later. */
    private ContainerFlow.Staged container(ChannelAccount account, Map<String, String> form) {
        Answer answer = graph.post(account, graph.url(account.remoteId(), "threads").build(), form);
        if (!answer.ok() || !answer.isJson()) {
            return ContainerFlow.Staged.stopped(graph.failure(account, answer, false));
        }
        String id = Json.text(answer.json().path("id"));
        if (id == null) {
            return ContainerFlow.Staged.stopped(new Outcome.RetryLater(graph.now().plus(ContainerFlow.PROCESSING_RETRY),
                    "Threads answered without the id of the prepared post; it will be tried again."));
        }
        return ContainerFlow.Staged.created(id);
    }

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            return flow.settle(account, delivery);
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Threads' answer could not be read; check the profile before sending again.");
        }
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        try {
            Answer answer = graph.delete(account, graph.url(post.id()).build());
            if (answer.ok() && answer.json().path("success").asBoolean(false)) {
                return new Outcome.Sent(post);
            }
            if (answer.ok()) {
                return new Outcome.Failed("not-deleted", "Threads did not confirm that the post was deleted.");
            }
            Optional<GraphError> error = GraphError.of(answer);
            if (error.isPresent() && error.get().invalidParameter() && error.get().subcode() != null && error.get().subcode() == 33) {
                return new Outcome.Sent(post); // the post does not exist (any more)
            }
            return graph.failure(account, answer, false);
        } catch (RuntimeException e) {
            return new Outcome.RetryLater(graph.now().plus(Duration.ofMinutes(2)), "Threads' answer could not be read.");
        }
    }

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.MENTIONS, Stream.REPLIES);
    }

    /**
     * MENTIONS: {@code /{user-id}/mentions}, newest first, followed page by page through the {@code after}
     * cursor (Threads gives cursors but no next URL) back to the stored mark, at most {@value #MAX_PAGES}
     * pages; REPLIES: the top-level replies to the profile's {@value #RECENT_POSTS} most recent posts.
     */
    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return Imports.fetch(graph, account, stream, cursor, streams(),
                (s, mark) -> s == Stream.MENTIONS ? mentions(account, mark, cursor) : replies(account, mark, cursor));
    }

    private ImportBatch mentions(ChannelAccount account, TimeMark mark, String cursor) {
        List<Inbound> collected = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = graph.url(account.remoteId(), "mentions").addQueryParameter("fields", MENTION_FIELDS)
                    .addQueryParameter("limit", Integer.toString(PAGE_SIZE));
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            Answer answer = graph.get(account, url.build());
            if (!answer.ok() || !answer.json().path("data").isArray()) {
                return failedBatch(account, answer, cursor);
            }
            JsonNode data = answer.json().path("data");
            boolean reachedMark = false;
            for (JsonNode post : data) {
                Inbound item = threadsItem(account, post, Stream.MENTIONS, "mention");
                Instant at = GraphTime.of(post.path("timestamp"));
                if (at != null && !mark.isBefore(at, Objects.toString(Json.text(post.path("id")), ""))) {
                    reachedMark = true;
                }
                if (item != null) {
                    collected.add(item);
                }
            }
            after = Json.text(answer.json().path("paging").path("cursors").path("after"));
            if (reachedMark || data.isEmpty() || data.size() < PAGE_SIZE || after == null) {
                break;
            }
        }
        return Imports.after(mark, collected, false);
    }

    private ImportBatch replies(ChannelAccount account, TimeMark mark, String cursor) {
        Answer posts = graph.get(account, graph.url(account.remoteId(), "threads").addQueryParameter("fields", "id,timestamp")
                .addQueryParameter("limit", Integer.toString(RECENT_POSTS)).build());
        if (!posts.ok() || !posts.json().path("data").isArray()) {
            return failedBatch(account, posts, cursor);
        }
        List<Inbound> collected = new ArrayList<>();
        for (JsonNode post : posts.json().path("data")) {
            String postId = Json.text(post.path("id"));
            if (postId == null) {
                continue;
            }
            Answer answer = graph.get(account, graph.url(postId, "replies").addQueryParameter("fields", MENTION_FIELDS)
                    .addQueryParameter("reverse", "false").addQueryParameter("limit", Integer.toString(REPLIES_PER_POST)).build());
            if (!answer.ok() || !answer.json().path("data").isArray()) {
                return failedBatch(account, answer, cursor); // all or nothing: the mark must not pass a post we could not read
            }
            for (JsonNode reply : answer.json().path("data")) {
                Inbound item = threadsItem(account, reply, Stream.REPLIES, "reply");
                if (item != null) {
                    collected.add(item);
                }
            }
        }
        return Imports.after(mark, collected, false);
    }

    private static Inbound threadsItem(ChannelAccount account, JsonNode post, Stream stream, String kind) {
        String id = Json.text(post.path("id"));
        Instant at = GraphTime.of(post.path("timestamp"));
        String username = Json.text(post.path("username"));
        if (id == null || at == null || account.handle().equalsIgnoreCase(Objects.toString(username, ""))) {
            return null;
        }
        Inbound.Author author = username == null ? new Inbound.Author("unknown", "a Threads profile", null, null, null)
                : new Inbound.Author(username, username, username, null, "https://www.threads.net/@" + username);
        return new Inbound(Network.THREADS, stream, id, kind, Json.string(post.path("text")), at, author, Json.text(post.path("permalink")),
                Json.text(post.path("replied_to").path("id")), Json.text(post.path("root_post").path("id")), null);
    }

    private ImportBatch failedBatch(ChannelAccount account, Answer answer, String cursor) {
        return Imports.failed(graph, account, answer, cursor, "Threads answered with something that is not a list.");
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        return GraphHealth.ofProfile(graph, account, graph.url("me").addQueryParameter("fields", "id,username").build(),
                "Threads' access for this profile expired: connect the profile again.", "Threads'");
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return rateLimits.nextAllowedAt(account.id());
    }

    /** 500 characters, 20 carousel items, and the profile's publishing quota (250 posts in a moving 24 hours, as Threads reports it). */
    @Override
    public Optional<NetworkLimits> limits(ChannelAccount account) {
        return flow.publishingLimits(account, graph.url("me", "threads_publishing_limit").addQueryParameter("fields", "quota_usage,config").build(), TEXT_LIMIT, CAROUSEL_LIMIT);
    }
}
