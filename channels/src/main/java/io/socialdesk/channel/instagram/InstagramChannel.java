package io.socialdesk.channel.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.meta.ContainerFlow;
import io.socialdesk.channel.meta.FacebookLogin;
import io.socialdesk.channel.meta.Graph;
import io.socialdesk.channel.meta.GraphHealth;
import io.socialdesk.channel.meta.GraphOutcomes;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.Request;

/**
 * An Instagram professional account on the Instagram Graph API, connected either with Instagram Login
 * (host graph.instagram.com, a 60-day token that is refreshed) or with Facebook Login through the Page the
 * account is linked to (host graph.facebook.com, the Page's token, which does not expire). Publishing goes
 * through a media container (see {@link ContainerFlow}); images are fetched by Instagram from
 * {@link Attachment#publicUrl()}, so the server needs a public address. The API cannot delete media.
 */
public final class InstagramChannel implements Channel {
    /** Which login connected the account: it decides the host, the scopes and the token's life. */
    public enum Login { INSTAGRAM, FACEBOOK }

    /** Where the API lives for one login: the Graph host, the authorize page, the code exchange (Instagram Login only). */
    public record Hosts(Login login, URI graph, URI authorize, URI codeExchange) {
        public Hosts {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(authorize, "authorize");
        }

        public static Hosts instagramLogin() {
            return new Hosts(Login.INSTAGRAM, URI.create("https://graph.instagram.com"), URI.create("https://www.instagram.com/oauth/authorize"),
                    URI.create("https://api.instagram.com/oauth/access_token"));
        }

        public static Hosts facebookLogin() {
            return new Hosts(Login.FACEBOOK, URI.create("https://graph.facebook.com/v21.0"), URI.create("https://www.facebook.com/v21.0/dialog/oauth"),
                    null);
        }
    }

    public static final List<String> INSTAGRAM_LOGIN_SCOPES = List.of("instagram_business_basic", "instagram_business_content_publish",
            "instagram_business_manage_comments", "instagram_business_manage_messages");
    public static final List<String> FACEBOOK_LOGIN_SCOPES = List.of("instagram_basic", "instagram_content_publish", "instagram_manage_comments",
            "pages_show_list", "pages_read_engagement", "instagram_manage_messages");
    /** Instagram's own limits: caption characters, carousel items. */
    public static final int CAPTION_LIMIT = 2200;
    public static final int CAROUSEL_LIMIT = 10;
    /** Progress for comment replies, which have no container: when the create was about to be sent. */
    public static final String ATTEMPTED_AT = "instagram.attempted-at";
    public static final int RECENT_MEDIA = 10;
    public static final int COMMENTS_PER_MEDIA = 50;

    private static final String NETWORK = "Instagram";
    private static final ContainerFlow.Api API = new ContainerFlow.Api("status_code,status", "status_code", "status", "media_publish", "media", null,
            "caption");

    private final Graph graph;
    private final io.socialdesk.channel.meta.SendApi messages;
    private final Hosts hosts;
    private final RateLimits rateLimits;
    private final ContainerFlow flow;
    private final HttpCalls http;

    public InstagramChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, Hosts.instagramLogin(), Sleeper.REAL);
    }

    /** Instagram Login against {@code graphBase} and {@code authorizeBase}, the code exchanged at api.instagram.com. */
    public InstagramChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI graphBase, URI authorizeBase) {
        this(http, rateLimits, sink, clock, new Hosts(Login.INSTAGRAM, graphBase, authorizeBase, Hosts.instagramLogin().codeExchange()), Sleeper.REAL);
    }

    public InstagramChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, Hosts hosts, Sleeper sleeper) {
        this.http = http;
        this.graph = new Graph(http, rateLimits, clock, hosts.graph(), NETWORK);
        this.messages = new io.socialdesk.channel.meta.SendApi(graph, ATTEMPTED_AT, "instagram");
        this.hosts = hosts;
        this.rateLimits = rateLimits;
        this.flow = new ContainerFlow(graph, sleeper, API);
    }

    @Override
    public Network network() {
        return Network.INSTAGRAM;
    }

    @Override
    public Connection connection() {
        return new MetaConnection(NETWORK, "Instagram's") {
            @Override
            public URI authorizationUri(OAuthClient client, AuthorizationRequest request) {
                // Facebook Login takes a PKCE challenge; Instagram Login documents none, so none is sent.
                return hosts.login() == Login.FACEBOOK ? MetaOAuth.authorizationUri(hosts.authorize(), client, request, FACEBOOK_LOGIN_SCOPES, true)
                        : MetaOAuth.authorizationUri(hosts.authorize(), client, request, INSTAGRAM_LOGIN_SCOPES, false);
            }

            @Override
            protected Connected connect(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
                return hosts.login() == Login.FACEBOOK ? viaFacebook(client, code, codeVerifier, redirect) : viaInstagram(client, code, redirect);
            }

            @Override
            protected Credentials renew(OAuthClient client, Credentials current) throws ConnectFailure {
                if (hosts.login() == Login.FACEBOOK) {
                    throw new ConnectFailure("not-refreshable", "An Instagram account connected through its Facebook Page uses the Page's token, "
                            + "which does not expire; if it was revoked, connect the account again.");
                }
                return MetaOAuth.refreshLongLived(graph, current, "ig_refresh_token");
            }
        };
    }

    private Connected viaInstagram(OAuthClient client, String code, URI redirect) throws ConnectFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirect.toString());
        form.put("code", code);
        Answer codeAnswer = http.send(new Request.Builder().url(hosts.codeExchange().toString()).post(Graph.form(form)).build());
        MetaOAuth.Token shortLived = MetaOAuth.token(codeAnswer, NETWORK, "code exchange", client.clientSecret(), code);
        Set<String> scopes = permissions(codeAnswer.json());
        var exchange = graph.unversioned("access_token").addQueryParameter("grant_type", "ig_exchange_token")
                .addQueryParameter("client_secret", client.clientSecret()).addQueryParameter("access_token", shortLived.accessToken()).build();
        MetaOAuth.Token longLived = MetaOAuth.token(graph.anonymous(new Request.Builder().url(exchange).get().build()), NETWORK,
                "long-lived token exchange", client.clientSecret(), shortLived.accessToken());
        Answer me = graph.get(longLived.accessToken(), graph.url("me").addQueryParameter("fields", "user_id,username").build());
        if (!me.ok()) {
            throw MetaOAuth.failure(me, NETWORK, "account lookup", longLived.accessToken());
        }
        String id = Json.text(me.json().path("user_id"));
        if (id == null) {
            id = Json.text(me.json().path("id"));
        }
        String username = Json.text(me.json().path("username"));
        if (id == null) {
            throw new ConnectFailure("malformed-answer", "Instagram did not say which account was connected.");
        }
        Credentials credentials = MetaOAuth.longLived(longLived, graph.now(), scopes, Map.of("login", "instagram"));
        return new Connected(id, username == null ? id : username, username, credentials);
    }

    private Connected viaFacebook(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
        FacebookLogin login = new FacebookLogin(graph);
        MetaOAuth.Token user = login.userToken(client, code, codeVerifier, redirect);
        FacebookLogin.PageGrant page = login.pages(user.accessToken()).stream().filter(p -> p.instagramId() != null).findFirst()
                .orElseThrow(() -> new ConnectFailure("no-instagram-account", "None of the Facebook Pages granted has an Instagram professional "
                        + "account linked: link one in the Page's settings, then connect again."));
        Set<String> scopes = login.permissions(user.accessToken());
        String handle = page.instagramUsername() == null ? page.instagramId() : page.instagramUsername();
        // The Page token (from a long-lived user token) does not expire and acts for the linked account.
        Credentials credentials = new Credentials(page.accessToken(), null, null, scopes, Map.of("login", "facebook", "pageId", page.id()));
        return new Connected(page.instagramId(), handle, page.instagramUsername(), credentials);
    }

    private static Set<String> permissions(JsonNode answer) {
        JsonNode granted = answer.path("permissions");
        if (granted.isMissingNode()) {
            granted = answer.path("data").path(0).path("permissions");
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (granted.isTextual()) {
            for (String scope : granted.asText().split(",")) {
                if (!scope.isBlank()) {
                    scopes.add(scope.trim());
                }
            }
        } else if (granted.isArray()) {
            granted.forEach(scope -> {
                if (scope.isTextual()) {
                    scopes.add(scope.asText());
                }
            });
        }
        return scopes;
    }

    /** Direct messages through Meta's Send API, within the 24-hour window ({@link io.socialdesk.channel.meta.SendApi}). */
    @Override
    public boolean sendsDirectMessages() {
        return true;
    }

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        try {
            Optional<Outcome> held = graph.heldBack(account);
            if (held.isPresent()) {
                return held.get();
            }
            if (delivery.progress(Delivery.DIRECT_TO) != null) {
                return messages.send(account, "me", delivery, progress);
            }
            if (delivery.replyTo() != null) {
                return reply(account, delivery, progress);
            }
            Optional<Outcome> refused = refuseMedia(delivery.media());
            if (refused.isPresent()) {
                return refused.get();
            }
            return flow.publish(account, delivery, progress, () -> createContainer(account, delivery, progress));
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Instagram's answer could not be read; the recorded container will be checked before anything is sent again.");
        }
    }

    private static Optional<Outcome> refuseMedia(List<Attachment> media) {
        if (media.isEmpty()) {
            return Optional.of(new Outcome.Failed("media-required", "An Instagram post needs at least one image."));
        }
        if (media.size() > CAROUSEL_LIMIT) {
            return Optional.of(new Outcome.Failed("too-many-media", "Instagram takes at most " + CAROUSEL_LIMIT + " images in one post."));
        }
        for (Attachment attachment : media) {
            if (attachment.isVideo()) {
                return Optional.of(new Outcome.Failed("not-supported", "Social Desk does not publish videos (reels) to Instagram yet."));
            }
            if (!"image/jpeg".equalsIgnoreCase(attachment.mediaType())) {
                return Optional.of(new Outcome.Failed("unsupported-media", "Instagram accepts JPEG images only; this post has a "
                        + attachment.mediaType() + " image."));
            }
            if (attachment.publicUrl() == null) {
                return Optional.of(new Outcome.Failed("needs-public-url",
                        "Instagram fetches images from a public address; set the server's public URL."));
            }
        }
        return Optional.empty();
    }

    private ContainerFlow.Staged createContainer(ChannelAccount account, Delivery delivery, Progress progress) {
        List<Attachment> media = delivery.media();
        if (media.size() == 1) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("image_url", media.get(0).publicUrl().toString());
            form.put("caption", delivery.text());
            if (!media.get(0).altText().isBlank()) {
                form.put("alt_text", media.get(0).altText());
            }
            return container(account, form);
        }
        List<String> children = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            String child = delivery.progress(ContainerFlow.CHILD + i);
            if (child == null) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("image_url", media.get(i).publicUrl().toString());
                form.put("is_carousel_item", "true");
                if (!media.get(i).altText().isBlank()) {
                    form.put("alt_text", media.get(i).altText());
                }
                ContainerFlow.Staged staged = container(account, form);
                if (staged.stop() != null) {
                    return staged;
                }
                child = staged.containerId();
                progress.record(ContainerFlow.CHILD + i, child);
            }
            children.add(child);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", "CAROUSEL");
        form.put("children", String.join(",", children));
        form.put("caption", delivery.text());
        return container(account, form);
    }

    /** A container is not public: a lost answer here is simply tried again later. */
    private ContainerFlow.Staged container(ChannelAccount account, Map<String, String> form) {
        Answer answer = graph.post(account, graph.url(account.remoteId(), "media").build(), form);
        if (!answer.ok() || !answer.isJson()) {
            return ContainerFlow.Staged.stopped(graph.failure(account, answer, false));
        }
        String id = Json.text(answer.json().path("id"));
        if (id == null) {
            return ContainerFlow.Staged.stopped(new Outcome.RetryLater(graph.now().plus(ContainerFlow.PROCESSING_RETRY),
                    "Instagram answered without the id of the prepared post; it will be tried again."));
        }
        return ContainerFlow.Staged.created(id);
    }

    /**
     * A reply is a comment: on our media when it answers the thread's first post ({@code replyTo} is the
     * root), else a reply to the comment {@code replyTo} names. Instagram replies carry text only.
     */
    private Outcome reply(ChannelAccount account, Delivery delivery, Progress progress) {
        if (!delivery.media().isEmpty()) {
            return new Outcome.Failed("not-supported", "Instagram comments and replies carry text only; remove the images from this part.");
        }
        if (delivery.progress(ATTEMPTED_AT) == null) {
            progress.record(ATTEMPTED_AT, Long.toString(graph.now().getEpochSecond()));
        }
        Answer answer = graph.post(account, graph.url(delivery.replyTo().id(), replyEdge(delivery)).build(), Map.of("message", delivery.text()));
        if (!answer.ok() || !answer.isJson()) {
            return graph.failure(account, answer, true);
        }
        String id = Json.text(answer.json().path("id"));
        if (id == null) {
            return new Outcome.Unknown("Instagram answered without the id of the comment; it will be looked up before anything is sent again.");
        }
        return new Outcome.Sent(RemotePost.of(id, delivery.root() != null ? delivery.root().url() : null));
    }

    private static String replyEdge(Delivery delivery) {
        boolean onMedia = delivery.root() == null || delivery.root().id().equals(delivery.replyTo().id());
        return onMedia ? "comments" : "replies";
    }

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            if (delivery.progress(Delivery.DIRECT_TO) != null) {
                return messages.settle(account, "me", delivery);
            }
            if (delivery.replyTo() == null) {
                return flow.settle(account, delivery);
            }
            String attempted = delivery.progress(ATTEMPTED_AT);
            if (attempted == null) {
                return new Outcome.RetryLater(graph.now(), "No attempt to reply on Instagram was recorded, so nothing was sent; it can be sent now.");
            }
            long since = Long.parseLong(attempted) - 60;
            Answer answer = graph.get(account, graph.url(delivery.replyTo().id(), replyEdge(delivery))
                    .addQueryParameter("fields", "id,text,timestamp,username,from").addQueryParameter("limit", "50").build());
            if (!answer.ok() || !answer.json().path("data").isArray()) {
                String why = answer.ok() ? "its answer was not a list" : GraphOutcomes.reason(graph.failure(account, answer, false));
                return new Outcome.Unknown("Instagram could not be asked whether the reply was made: " + why);
            }
            String wanted = ContainerFlow.normalise(delivery.text());
            for (JsonNode comment : answer.json().path("data")) {
                String id = Json.text(comment.path("id"));
                Instant at = GraphTime.of(comment.path("timestamp"));
                boolean ours = account.remoteId().equals(Json.text(comment.path("from").path("id")))
                        || account.handle().equalsIgnoreCase(Objects.toString(Json.text(comment.path("username")), ""));
                if (id != null && ours && (at == null || at.getEpochSecond() >= since)
                        && wanted.equals(ContainerFlow.normalise(Json.string(comment.path("text"))))) {
                    return new Outcome.Sent(RemotePost.of(id, delivery.root() != null ? delivery.root().url() : null));
                }
            }
            return new Outcome.RetryLater(graph.now(), "The reply is not on Instagram, so the earlier attempt made nothing; it can be sent again.");
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Instagram's answer could not be read; check the account before sending again.");
        }
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        return new Outcome.Failed("not-supported",
                "Instagram's API cannot delete posts: delete it in the Instagram app (Social Desk has not removed it).");
    }

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.COMMENTS, Stream.MENTIONS, Stream.DIRECT_MESSAGES);
    }

    /**
     * COMMENTS: the comments on the account's {@value #RECENT_MEDIA} most recent media (at most
     * {@value #COMMENTS_PER_MEDIA} each). MENTIONS: the media the account is tagged in ({@code /tags}).
     * Mentions in captions and comments arrive only through the webhook ({@link io.socialdesk.channel.meta.MetaWebhook}),
     * completed with {@link #mentionDetails}.
     */
    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return Imports.fetch(graph, account, stream, cursor, streams(),
                (s, mark) -> s == Stream.COMMENTS ? comments(account, mark, cursor) : s == Stream.DIRECT_MESSAGES
                        ? messages.messages(account, "me", account.remoteId(), mark, cursor, Network.INSTAGRAM) : tags(account, mark, cursor));
    }

    private ImportBatch comments(ChannelAccount account, TimeMark mark, String cursor) {
        String fields = "id,timestamp,permalink,comments.limit(" + COMMENTS_PER_MEDIA + "){id,text,timestamp,username,from,parent_id}";
        Answer answer = graph.get(account, graph.url(account.remoteId(), "media").addQueryParameter("fields", fields)
                .addQueryParameter("limit", Integer.toString(RECENT_MEDIA)).build());
        if (!answer.ok() || !answer.json().path("data").isArray()) {
            return failedBatch(account, answer, cursor);
        }
        List<Inbound> collected = new ArrayList<>();
        for (JsonNode media : answer.json().path("data")) {
            String mediaId = Json.text(media.path("id"));
            String permalink = Json.text(media.path("permalink"));
            for (JsonNode comment : media.path("comments").path("data")) {
                String id = Json.text(comment.path("id"));
                Instant at = GraphTime.of(comment.path("timestamp"));
                String username = Json.text(comment.path("username"));
                if (username == null) {
                    username = Json.text(comment.path("from").path("username"));
                }
                String fromId = Json.text(comment.path("from").path("id"));
                if (id == null || at == null || account.remoteId().equals(fromId) || account.handle().equalsIgnoreCase(Objects.toString(username, ""))) {
                    continue;
                }
                String parent = Json.text(comment.path("parent_id"));
                collected.add(new Inbound(Network.INSTAGRAM, Stream.COMMENTS, id, parent == null ? "comment" : "reply", Json.string(comment.path("text")),
                        at, author(fromId, username), permalink, parent == null ? mediaId : parent, mediaId, null));
            }
        }
        return Imports.after(mark, collected, false);
    }

    private ImportBatch tags(ChannelAccount account, TimeMark mark, String cursor) {
        Answer answer = graph.get(account, graph.url(account.remoteId(), "tags").addQueryParameter("fields", "id,caption,timestamp,permalink,username")
                .addQueryParameter("limit", "25").build());
        if (!answer.ok() || !answer.json().path("data").isArray()) {
            return failedBatch(account, answer, cursor);
        }
        List<Inbound> collected = new ArrayList<>();
        for (JsonNode media : answer.json().path("data")) {
            String id = Json.text(media.path("id"));
            Instant at = GraphTime.of(media.path("timestamp"));
            String username = Json.text(media.path("username"));
            if (id == null || at == null || account.handle().equalsIgnoreCase(Objects.toString(username, ""))) {
                continue;
            }
            collected.add(new Inbound(Network.INSTAGRAM, Stream.MENTIONS, id, "tag", Json.string(media.path("caption")), at,
                    author(null, username), Json.text(media.path("permalink")), null, null, null));
        }
        return Imports.after(mark, collected, false);
    }

    /**
     * Completes a mention the webhook announced (it names only the comment or the media): reads the
     * comment or caption, its author and time. Empty when Instagram does not answer.
     */
    public Optional<Inbound> mentionDetails(ChannelAccount account, String mediaId, String commentId) {
        try {
            String fields = commentId != null
                    ? "mentioned_comment.comment_id(" + commentId + "){id,text,timestamp,username,media{id,permalink}}"
                    : "mentioned_media.media_id(" + mediaId + "){id,caption,timestamp,username,permalink}";
            Answer answer = graph.get(account, graph.url(account.remoteId()).addQueryParameter("fields", fields).build());
            if (!answer.ok()) {
                return Optional.empty();
            }
            JsonNode node = answer.json().path(commentId != null ? "mentioned_comment" : "mentioned_media");
            String id = Json.text(node.path("id"));
            if (id == null) {
                return Optional.empty();
            }
            String username = Json.text(node.path("username"));
            Instant at = GraphTime.of(node.path("timestamp"));
            String text = Json.string(node.path(commentId != null ? "text" : "caption"));
            String url = Json.text(commentId != null ? node.path("media").path("permalink") : node.path("permalink"));
            return Optional.of(new Inbound(Network.INSTAGRAM, Stream.MENTIONS, id, commentId != null ? "mention-comment" : "mention-caption", text,
                    at == null ? graph.now() : at, author(null, username), url, commentId != null ? mediaId : null, mediaId, null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Inbound.Author author(String id, String username) {
        if (id == null && username == null) {
            return new Inbound.Author("unknown", "an Instagram account", null, null, null);
        }
        return new Inbound.Author(id != null ? id : username, username, username, null, username == null ? null : "https://www.instagram.com/" + username);
    }

    private ImportBatch failedBatch(ChannelAccount account, Answer answer, String cursor) {
        return Imports.failed(graph, account, answer, cursor, "Instagram answered with something that is not a list.");
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        return GraphHealth.ofProfile(graph, account, graph.url(account.remoteId()).addQueryParameter("fields", "id,username").build(),
                "Instagram's access for this account expired: connect the account again.", "Instagram's");
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return rateLimits.nextAllowedAt(account.id());
    }

    /** The caption limit, the carousel size and the account's publishing quota (50 posts in a moving 24 hours, as Instagram reports it). */
    @Override
    public Optional<NetworkLimits> limits(ChannelAccount account) {
        return flow.publishingLimits(account, graph.url(account.remoteId(), "content_publishing_limit").addQueryParameter("fields", "quota_usage,config").build(), CAPTION_LIMIT, CAROUSEL_LIMIT);
    }
}
