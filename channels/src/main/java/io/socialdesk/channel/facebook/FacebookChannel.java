package io.socialdesk.channel.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.meta.ContainerFlow;
import io.socialdesk.channel.meta.FacebookLogin;
import io.socialdesk.channel.meta.Json;
import io.socialdesk.channel.meta.Graph;
import io.socialdesk.channel.meta.GraphHealth;
import io.socialdesk.channel.meta.GraphOutcomes;
import io.socialdesk.channel.meta.GraphTime;
import io.socialdesk.channel.meta.Imports;
import io.socialdesk.channel.meta.MetaConnection;
import io.socialdesk.channel.meta.MetaOAuth;
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
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Facebook Page on the Graph API. Connects through Facebook Login (a long-lived user token, then the
 * Page's token, which does not expire), publishes to {@code /{page-id}/feed} (photos uploaded first),
 * settles a lost answer by looking for the post in the Page's feed since the recorded attempt, imports
 * the comments on the Page's recent posts, deletes posts.
 */
public final class FacebookChannel implements Channel {
    public static final URI GRAPH = URI.create("https://graph.facebook.com/v21.0");
    public static final URI AUTHORIZE = URI.create("https://www.facebook.com/v21.0/dialog/oauth");
    /** What a Page connection asks for: list Pages, publish, read engagement and comments, reply, webhooks. */
    public static final List<String> SCOPES = List.of("pages_show_list", "pages_manage_posts", "pages_read_engagement", "pages_manage_engagement",
            "pages_read_user_content", "pages_manage_metadata", "pages_messaging");
    /** Progress: when the first creating request was about to be sent (epoch seconds); uploaded unpublished photos. */
    public static final String ATTEMPTED_AT = "facebook.attempted-at";
    public static final String PHOTO = "facebook.photo.";
    /** How many recent posts the comment poll looks at, and how many comments per post. */
    public static final int RECENT_POSTS = 10;
    public static final int COMMENTS_PER_POST = 50;
    /** A lost answer is settled by looking at posts made since the attempt, less this much for clock skew. */
    public static final Duration SETTLE_SLACK = Duration.ofSeconds(60);

    private static final String NETWORK = "Facebook";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private final Graph graph;
    private final io.socialdesk.channel.meta.SendApi messages;
    private final URI authorizeBase;
    private final FacebookLogin login;
    private final RateLimits rateLimits;

    public FacebookChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this(http, rateLimits, sink, clock, GRAPH, AUTHORIZE);
    }

    public FacebookChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock, URI graphBase, URI authorizeBase) {
        this.graph = new Graph(http, rateLimits, clock, graphBase, NETWORK);
        this.messages = new io.socialdesk.channel.meta.SendApi(graph, ATTEMPTED_AT, null);
        this.authorizeBase = authorizeBase;
        this.login = new FacebookLogin(graph);
        this.rateLimits = rateLimits;
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public Connection connection() {
        return new MetaConnection(NETWORK, "Facebook's") {
            @Override
            public URI authorizationUri(OAuthClient client, AuthorizationRequest request) {
                return MetaOAuth.authorizationUri(authorizeBase, client, request, SCOPES, true);
            }

            @Override
            protected Connected connect(OAuthClient client, String code, String codeVerifier, URI redirect) throws ConnectFailure {
                MetaOAuth.Token user = login.userToken(client, code, codeVerifier, redirect);
                List<FacebookLogin.PageGrant> pages = login.pages(user.accessToken());
                FacebookLogin.PageGrant page = pages.stream().filter(FacebookLogin.PageGrant::canPublish).findFirst()
                        .orElseThrow(() -> new ConnectFailure("no-page", "Facebook granted no Page that this person can publish to: "
                                + "connect again and choose a Page on which they can create content."));
                Set<String> scopes = login.permissions(user.accessToken());
                // A Page token obtained with a long-lived user token does not expire.
                Credentials credentials = new Credentials(page.accessToken(), null, null, scopes,
                        Map.of("pageName", page.name() == null ? page.id() : page.name()));
                return new Connected(page.id(), page.name() == null ? page.id() : page.name(), page.name(), credentials);
            }

            @Override
            protected Credentials renew(OAuthClient client, Credentials current) throws ConnectFailure {
                throw new ConnectFailure("not-refreshable",
                        "Facebook Page tokens do not expire and cannot be refreshed; if Facebook revoked one, connect the Page again.");
            }
        };
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
            if (delivery.media().stream().anyMatch(Attachment::isVideo)) {
                return new Outcome.Failed("not-supported", "Social Desk does not publish videos to Facebook Pages yet; publish images or text.");
            }
            if (delivery.progress(Delivery.DIRECT_TO) != null) {
                return messages.send(account, account.remoteId(), delivery, progress);
            }
            if (delivery.replyTo() != null) {
                return comment(account, delivery, progress);
            }
            if (delivery.media().isEmpty()) {
                return feed(account, delivery, progress, Map.of());
            }
            if (delivery.media().size() == 1) {
                return singlePhoto(account, delivery, progress);
            }
            return multiPhoto(account, delivery, progress);
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Facebook's answer could not be read; the post will be looked up before anything is sent again.");
        }
    }

    private Outcome feed(ChannelAccount account, Delivery delivery, Progress progress, Map<String, String> attachments) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("message", delivery.text());
        if (attachments.isEmpty()) {
            Matcher link = URL.matcher(delivery.text());
            if (link.find()) {
                form.put("link", link.group());
            }
        }
        form.putAll(attachments);
        recordAttempt(delivery, progress);
        Answer answer = graph.post(account, graph.url(account.remoteId(), "feed").build(), form);
        return created(account, answer, "id");
    }

    private Outcome singlePhoto(ChannelAccount account, Delivery delivery, Progress progress) {
        Attachment image = delivery.media().get(0);
        byte[] bytes;
        try {
            bytes = image.readAll();
        } catch (IOException e) {
            return unreadable();
        }
        recordAttempt(delivery, progress);
        Answer answer = graph.postFile(account, graph.url(account.remoteId(), "photos").build(), Map.of("message", delivery.text()), "source",
                image.mediaType(), bytes);
        return created(account, answer, "post_id");
    }

    private Outcome multiPhoto(ChannelAccount account, Delivery delivery, Progress progress) {
        Map<String, String> attached = new LinkedHashMap<>();
        for (int i = 0; i < delivery.media().size(); i++) {
            String photo = delivery.progress(PHOTO + i);
            if (photo == null) {
                byte[] bytes;
                try {
                    bytes = delivery.media().get(i).readAll();
                } catch (IOException e) {
                    return unreadable();
                }
                // An unpublished photo is not visible: a lost answer here is simply tried again.
                Answer upload = graph.postFile(account, graph.url(account.remoteId(), "photos").build(), Map.of("published", "false"), "source",
                        delivery.media().get(i).mediaType(), bytes);
                if (!upload.ok()) {
                    return graph.failure(account, upload, false);
                }
                photo = Json.text(upload.json().path("id"));
                if (photo == null) {
                    return new Outcome.RetryLater(graph.now().plus(Duration.ofMinutes(1)), "Facebook answered a photo upload without its id.");
                }
                progress.record(PHOTO + i, photo);
            }
            attached.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + photo.replace("\"", "") + "\"}");
        }
        return feed(account, delivery, progress, attached);
    }

    private Outcome comment(ChannelAccount account, Delivery delivery, Progress progress) {
        if (!delivery.media().isEmpty()) {
            return new Outcome.Failed("not-supported", "Social Desk publishes Facebook comments and replies as text only; remove the images from this part.");
        }
        recordAttempt(delivery, progress);
        Answer answer = graph.post(account, graph.url(delivery.replyTo().id(), "comments").build(), Map.of("message", delivery.text()));
        return created(account, answer, "id");
    }

    private Outcome created(ChannelAccount account, Answer answer, String idField) {
        if (!answer.ok() || !answer.isJson()) {
            return graph.failure(account, answer, true);
        }
        String id = Json.text(answer.json().path(idField));
        if (id == null) {
            id = Json.text(answer.json().path("id"));
        }
        if (id == null) {
            return new Outcome.Unknown("Facebook answered without the id of the post; it will be looked up before anything is sent again.");
        }
        return new Outcome.Sent(RemotePost.of(id, permalink(account, id)));
    }

    private String permalink(ChannelAccount account, String id) {
        Answer answer = graph.get(account, graph.url(id).addQueryParameter("fields", "permalink_url").build());
        String url = answer.ok() ? Json.text(answer.json().path("permalink_url")) : null;
        return url != null ? url : "https://www.facebook.com/" + id;
    }

    /** The earliest attempt counts: a later retry must still find a post the first attempt made. */
    private void recordAttempt(Delivery delivery, Progress progress) {
        if (delivery.progress(ATTEMPTED_AT) == null) {
            progress.record(ATTEMPTED_AT, Long.toString(graph.now().getEpochSecond()));
        }
    }

    private static Outcome unreadable() {
        return new Outcome.Failed("media-unreadable", "An image of this post could not be read from Social Desk's media store.");
    }

    /**
     * Facebook has no idempotency key, so a lost answer is settled by reading what the Page published
     * since the recorded attempt (less a minute) and looking for the same text: found means sent; a
     * successful look-up without it means nothing was published; a failed look-up leaves it unknown.
     */
    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        try {
            if (delivery.progress(Delivery.DIRECT_TO) != null) {
                return messages.settle(account, account.remoteId(), delivery);
            }
            String attempted = delivery.progress(ATTEMPTED_AT);
            if (attempted == null) {
                return new Outcome.RetryLater(graph.now(), "No attempt to publish on Facebook was recorded, so nothing was sent; it can be sent now.");
            }
            long since;
            try {
                since = Long.parseLong(attempted) - SETTLE_SLACK.toSeconds();
            } catch (NumberFormatException e) {
                return new Outcome.Unknown("The recorded attempt time is unreadable; check the Page before sending again.");
            }
            boolean reply = delivery.replyTo() != null;
            var url = reply
                    ? graph.url(delivery.replyTo().id(), "comments").addQueryParameter("fields", "id,message,from,created_time,permalink_url")
                            .addQueryParameter("order", "reverse_chronological").addQueryParameter("filter", "stream")
                    : graph.url(account.remoteId(), "feed").addQueryParameter("fields", "id,message,from,created_time,permalink_url");
            Answer answer = graph.get(account, url.addQueryParameter("since", Long.toString(since)).addQueryParameter("limit", "50").build());
            if (!answer.ok() || !answer.json().path("data").isArray()) {
                String why = answer.ok() ? "its answer was not a list" : GraphOutcomes.reason(graph.failure(account, answer, false));
                return new Outcome.Unknown("Facebook could not be asked whether the post was made: " + why);
            }
            String wanted = ContainerFlow.normalise(delivery.text());
            for (JsonNode post : answer.json().path("data")) {
                String id = Json.text(post.path("id"));
                String from = Json.text(post.path("from").path("id"));
                String message = post.path("message").isTextual() ? post.path("message").asText() : "";
                Instant created = GraphTime.of(post.path("created_time"));
                boolean ours = from == null || from.equals(account.remoteId());
                boolean recent = created == null || created.getEpochSecond() >= since;
                if (id != null && ours && recent && wanted.equals(ContainerFlow.normalise(message))) {
                    String link = Json.text(post.path("permalink_url"));
                    return new Outcome.Sent(RemotePost.of(id, link != null ? link : "https://www.facebook.com/" + id));
                }
            }
            return new Outcome.RetryLater(graph.now(), "The post is not on the Facebook Page, so the earlier attempt made nothing; it can be sent again.");
        } catch (RuntimeException e) {
            return new Outcome.Unknown("Facebook's answer could not be read; check the Page before sending again.");
        }
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        try {
            Answer answer = graph.delete(account, graph.url(post.id()).build());
            if (answer.ok() && (answer.json().path("success").asBoolean(false) || answer.json().asBoolean(false))) {
                return new Outcome.Sent(post);
            }
            if (answer.ok()) {
                return new Outcome.Failed("not-deleted", "Facebook did not confirm that the post was deleted.");
            }
            var error = io.socialdesk.channel.meta.GraphError.of(answer);
            if (error.isPresent() && error.get().invalidParameter() && error.get().subcode() != null && error.get().subcode() == 33) {
                return new Outcome.Sent(post); // "does not exist": already gone
            }
            return graph.failure(account, answer, false);
        } catch (RuntimeException e) {
            return new Outcome.RetryLater(graph.now().plus(Duration.ofMinutes(2)), "Facebook's answer could not be read.");
        }
    }

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.COMMENTS, Stream.DIRECT_MESSAGES);
    }

    /**
     * Comments (and replies) on the Page's {@value #RECENT_POSTS} most recent posts, at most
     * {@value #COMMENTS_PER_POST} newest per post, after the cursor's time mark. Comments on older posts
     * come only through the webhook.
     */
    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return Imports.fetch(graph, account, stream, cursor, streams(), (s, mark) -> s == Stream.DIRECT_MESSAGES
                ? messages.messages(account, account.remoteId(), account.remoteId(), mark, cursor, Network.FACEBOOK) : comments(account, mark, cursor));
    }

    private ImportBatch comments(ChannelAccount account, TimeMark mark, String cursor) {
        String fields = "id,created_time,comments.filter(stream).order(reverse_chronological).limit(" + COMMENTS_PER_POST
                + "){id,message,from,created_time,permalink_url,parent{id}}";
        Answer answer = graph.get(account, graph.url(account.remoteId(), "feed").addQueryParameter("fields", fields)
                .addQueryParameter("limit", Integer.toString(RECENT_POSTS)).build());
        if (!answer.ok() || !answer.json().path("data").isArray()) {
            return failedBatch(account, answer, cursor);
        }
        List<Inbound> collected = new ArrayList<>();
        for (JsonNode post : answer.json().path("data")) {
            String postId = Json.text(post.path("id"));
            for (JsonNode comment : post.path("comments").path("data")) {
                String id = Json.text(comment.path("id"));
                Instant created = GraphTime.of(comment.path("created_time"));
                String from = Json.text(comment.path("from").path("id"));
                if (id == null || created == null || account.remoteId().equals(from)) {
                    continue;
                }
                String parent = Json.text(comment.path("parent").path("id"));
                collected.add(new Inbound(Network.FACEBOOK, Stream.COMMENTS, id, parent == null ? "comment" : "reply",
                        comment.path("message").isTextual() ? comment.path("message").asText() : "", created,
                        facebookAuthor(comment.path("from")), Json.text(comment.path("permalink_url")), parent == null ? postId : parent,
                        postId, null));
            }
        }
        return Imports.after(mark, collected, false);
    }

    private ImportBatch failedBatch(ChannelAccount account, Answer answer, String cursor) {
        return Imports.failed(graph, account, answer, cursor, "Facebook answered with something that is not a list of posts.");
    }

    private static Inbound.Author facebookAuthor(JsonNode from) {
        String id = Json.text(from.path("id"));
        String name = Json.text(from.path("name"));
        return id == null ? new Inbound.Author("unknown", "a Facebook user", null, null, null)
                : new Inbound.Author(id, name == null ? id : name, name, null, null);
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        try {
            Answer answer = graph.get(account, graph.url("me").addQueryParameter("fields", "id,name").build());
            if (!answer.ok() || Json.text(answer.json().path("id")) == null) {
                return GraphHealth.problem(graph, account, answer);
            }
            String id = answer.json().path("id").asText();
            if (account.remoteId() != null && !account.remoteId().equals(id)) {
                return AccountHealth.problem(graph.now(), "revoked",
                        "The stored token belongs to another Facebook object than the connected Page: connect the Page again.");
            }
            String name = Json.text(answer.json().path("name"));
            return AccountHealth.ok(graph.now(), id, name == null ? account.handle() : name, account.credentials().scopes(), null);
        } catch (RuntimeException e) {
            return AccountHealth.problem(graph.now(), "unreachable", "Facebook's answer to the credentials check could not be read.");
        }
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return rateLimits.nextAllowedAt(account.id());
    }
}
