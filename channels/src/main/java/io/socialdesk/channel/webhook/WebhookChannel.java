package io.socialdesk.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.channel.http.RateLimits;
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
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A signed webhook: each published part is POSTed as JSON to the account's URL (its
 * {@link ChannelAccount#instance()}), signed with {@link WebhookSignature} under the account's
 * secret (its access token), with {@code Idempotency-Key: <delivery key>} so that a receiver can
 * drop a repeat. The body is Social Desk's documented JSON ({@link Format#GENERIC}) or the shape a
 * chat's incoming webhook accepts: Slack, Microsoft Teams, Discord.
 *
 * <p>Connecting is the {@link Connection.AppPassword} form: the identifier is the URL, the "app
 * password" the signing secret (at least {@value #MIN_SECRET_LENGTH} characters). The format is
 * read from the URL's host, or from credentials extra {@code format}.
 */
public final class WebhookChannel implements Channel, Connection.AppPassword {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final int MIN_SECRET_LENGTH = 16;
    /** Discord refuses a message longer than this. */
    public static final int DISCORD_MAX = 2000;

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    /** The JSON shapes a webhook can receive. */
    public enum Format {
        GENERIC, SLACK, TEAMS, DISCORD;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format named {@code id} ({@code generic}, {@code slack}, {@code teams}, {@code discord}), if any. */
        public static Optional<Format> named(String id) {
            if (id == null) return Optional.empty();
            for (Format f : values()) {
                if (f.id().equalsIgnoreCase(id.strip())) return Optional.of(f);
            }
            return Optional.empty();
        }

        /** The format a chat's webhook URL implies; anything else is {@link #GENERIC}. */
        public static Format of(URI url) {
            String host = url == null || url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
            String path = url == null || url.getPath() == null ? "" : url.getPath();
            if (host.equals("hooks.slack.com")) return SLACK;
            if ((host.equals("discord.com") || host.equals("discordapp.com")) && path.startsWith("/api/webhooks/")) return DISCORD;
            if (host.endsWith(".webhook.office.com") || host.endsWith(".logic.azure.com") || host.endsWith(".powerplatform.com")) return TEAMS;
            return GENERIC;
        }
    }

    private final HttpCalls http;
    private final RateLimits rateLimits;
    private final Clock clock;
    /** Each endpoint parsed once: parsing the URL (with its IDN check) was a fifth of a delivery's request on the engine's side. */
    private final Map<URI, HttpUrl> endpoints = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookChannel(HttpCalls http, RateLimits rateLimits, CredentialSink sink, Clock clock) {
        this.http = http;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    @Override
    public Network network() {
        return Network.WEBHOOK;
    }

    @Override
    public Connection connection() {
        return this;
    }

    /**
     * {@code identifier} is the webhook URL, {@code appPassword} the signing secret; {@code instance}
     * is not used. Nothing is sent: a test message would land in a real channel.
     */
    @Override
    public Connected login(URI instance, String identifier, String appPassword) throws ConnectFailure {
        URI url;
        try {
            url = URI.create(identifier == null ? "" : identifier.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectFailure("url-absolute", "The webhook address must be a full URL such as https://hooks.example.com/social.");
        }
        Optional<AddressPolicy.Refusal> refusal = http.policy().refusal(url);
        if (refusal.isPresent()) throw new ConnectFailure(refusal.get().rule(), refusal.get().message());
        if (appPassword == null || appPassword.strip().length() < MIN_SECRET_LENGTH) {
            throw new ConnectFailure("secret-length", "The signing secret must have at least " + MIN_SECRET_LENGTH
                    + " characters; generate one, for example with: openssl rand -hex 32");
        }
        Format format = Format.of(url);
        Credentials credentials = new Credentials(appPassword.strip(), null, null, Set.of(), Map.of("url", url.toString(), "format", format.id()));
        return new Connected(url.toString(), url.getHost(), format == Format.GENERIC ? url.getHost() : format.id() + " " + url.getHost(), credentials);
    }

    // ------------------------------------------------------------------------------------------ publish

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        try {
            return publishOnce(account, delivery);
        } catch (RuntimeException e) {
            return new Outcome.Unknown("The webhook delivery stopped unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Outcome publishOnce(ChannelAccount account, Delivery delivery) {
        Optional<URI> target = url(account);
        if (target.isEmpty()) return new Outcome.Failed("account-incomplete", "This webhook account has no URL: reconnect it.");
        Optional<AddressPolicy.Refusal> refusal = http.policy().refusal(target.get());
        if (refusal.isPresent()) return new Outcome.Failed(refusal.get().rule(), refusal.get().message());
        Instant now = clock.instant();
        Instant hold = rateLimits.nextAllowedAt(account.id());
        // A fresh reading: with no hold the answer is the limits' own "now", a moment after ours.
        if (hold.isAfter(clock.instant())) return new Outcome.RetryLater(hold, "The webhook asked us to slow down until " + hold);
        Format format = format(account);
        if (format == Format.DISCORD && delivery.text().codePointCount(0, delivery.text().length()) > DISCORD_MAX) {
            return new Outcome.Failed("too-long", "Discord takes at most " + DISCORD_MAX + " characters per message; shorten the text.");
        }
        byte[] body = bytes(body(format, account, delivery, now));
        long timestamp = now.getEpochSecond();
        Request request = new Request.Builder().url(endpoint(target.get()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(account.credentials().accessToken(), timestamp, body))
                .header(IDEMPOTENCY_HEADER, delivery.key())
                .header("User-Agent", "SocialDesk-Webhook/1")
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
        Answer answer = http.send(request);
        if (answer.ok()) return new Outcome.Sent(RemotePost.of(delivery.key(), remoteUrl(answer)));
        if (answer.completed() && answer.status() == 429) {
            Optional<Instant> until = rateLimits.observe(account.id(), answer, Optional.empty(), Optional.empty());
            return new Outcome.RetryLater(until.orElse(now.plus(RateLimits.DEFAULT_BACKOFF)), "The webhook asked us to slow down (429)");
        }
        if (answer.completed() && answer.status() >= 400 && answer.status() < 500 && answer.status() != 408) {
            return new Outcome.Failed(answer.status() == 404 || answer.status() == 410 ? "webhook-gone" : "rejected",
                    "The webhook refused the post (" + answer.status() + ")" + (answer.excerpt().isBlank() ? "" : ": " + answer.excerpt()));
        }
        if (answer.completed() && answer.status() == 408) {
            return new Outcome.Unknown("The webhook timed out (408) after the post was sent");
        }
        return Outcomes.of(answer, true, now, Optional.empty(), "The webhook");
    }

    /** The endpoint as OkHttp takes it; a few hundred kept (one per webhook account), then forgotten all at once. */
    private HttpUrl endpoint(URI target) {
        HttpUrl known = endpoints.get(target);
        if (known != null) return known;
        if (endpoints.size() >= 512) endpoints.clear();
        HttpUrl parsed = HttpUrl.get(target.toString());
        endpoints.put(target, parsed);
        return parsed;
    }

    /** The body's UTF-8 bytes, written straight from the tree (not through a string). */
    private static byte[] bytes(JsonNode body) {
        try {
            return HttpCalls.JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** The body in {@code format}. */
    JsonNode body(Format format, ChannelAccount account, Delivery delivery, Instant now) {
        ObjectNode root = HttpCalls.JSON.createObjectNode();
        String text = delivery.text();
        switch (format) {
            case SLACK -> {
                StringBuilder b = new StringBuilder(slackEscape(text));
                for (Attachment a : delivery.media()) {
                    if (a.publicUrl() != null) b.append('\n').append(slackEscape(a.publicUrl().toString()));
                }
                root.put("text", b.toString());
            }
            case DISCORD -> {
                StringBuilder b = new StringBuilder(text);
                for (Attachment a : delivery.media()) {
                    if (a.publicUrl() != null && b.length() + a.publicUrl().toString().length() + 1 <= DISCORD_MAX) {
                        b.append('\n').append(a.publicUrl());
                    }
                }
                root.put("content", b.toString());
                // "@everyone", "@here" and role or user mentions in a post never ping anybody.
                root.putObject("allowed_mentions").putArray("parse");
            }
            case TEAMS -> {
                root.put("type", "message");
                ObjectNode attachment = root.putArray("attachments").addObject();
                attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
                attachment.putNull("contentUrl");
                ObjectNode card = attachment.putObject("content");
                card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
                card.put("type", "AdaptiveCard");
                card.put("version", "1.4");
                ArrayNode cardBody = card.putArray("body");
                cardBody.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
                for (Attachment a : delivery.media()) {
                    if (a.publicUrl() != null && !a.isVideo()) {
                        cardBody.addObject().put("type", "Image").put("url", a.publicUrl().toString()).put("altText", a.altText());
                    }
                }
            }
            case GENERIC -> {
                root.put("id", delivery.key());
                root.put("key", delivery.key());
                root.put("text", text);
                if (delivery.language() == null) root.putNull("language"); else root.put("language", delivery.language());
                ArrayNode media = root.putArray("media");
                for (Attachment a : delivery.media()) {
                    ObjectNode m = media.addObject();
                    if (a.publicUrl() == null) m.putNull("url"); else m.put("url", a.publicUrl().toString());
                    m.put("type", a.mediaType());
                    m.put("altText", a.altText());
                }
                ObjectNode acc = root.putObject("account");
                acc.put("id", account.id());
                acc.put("handle", account.handle());
                if (delivery.replyTo() == null) {
                    root.putNull("inReplyTo");
                } else {
                    ObjectNode parent = root.putObject("inReplyTo");
                    parent.put("id", delivery.replyTo().id());
                    if (delivery.replyTo().url() == null) parent.putNull("url"); else parent.put("url", delivery.replyTo().url());
                }
                root.put("publishedAt", now.toString());
            }
        }
        return root;
    }

    /** Slack's mrkdwn reserves these three; everything else shows as written. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A URL the receiver answered ({@code {"url": "https://..."}}), when it is one; else none. */
    private static String remoteUrl(Answer answer) {
        String url = answer.text("url");
        if (url == null) return null;
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<URI> url(ChannelAccount account) {
        if (account.instance() != null) return Optional.of(account.instance());
        String stored = account.credentials().extra("url");
        try {
            return stored == null ? Optional.empty() : Optional.of(URI.create(stored));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Format format(ChannelAccount account) {
        return Format.named(account.credentials().extra("format")).orElseGet(() -> Format.of(url(account).orElse(null)));
    }

    // ------------------------------------------------------------------------------------------ the rest of the contract

    /**
     * A webhook cannot be asked what it received. The generic format's receivers dedupe by
     * {@code Idempotency-Key} (the documented contract), so sending again is safe there; chats do not
     * dedupe, so an ambiguous delivery to them stays unknown for a person to check.
     */
    /** The generic format's receiver drops a repeat of an Idempotency-Key (its contract); chat webhooks have none. */
    @Override
    public boolean resendIsSafe(ChannelAccount account) {
        return format(account) == Format.GENERIC;
    }

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        if (format(account) == Format.GENERIC) {
            return new Outcome.RetryLater(clock.instant(), "A webhook cannot be asked; the receiver drops a repeat with the same Idempotency-Key");
        }
        return new Outcome.Unknown("A chat webhook cannot be asked whether the message arrived: check the channel");
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        return new Outcome.Failed("not-supported", "A message sent to a webhook cannot be taken back from Social Desk.");
    }

    @Override
    public Set<Stream> streams() {
        return Set.of();
    }

    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return ImportBatch.failed(cursor, "A webhook has nothing to read; mentions come in through the inbound webhook", null);
    }

    /** No request: the only check a webhook allows is whether its address is still allowed. */
    @Override
    public AccountHealth check(ChannelAccount account) {
        Instant now = clock.instant();
        Optional<URI> url = url(account);
        if (url.isEmpty()) return AccountHealth.problem(now, "revoked", "This webhook account has no URL: reconnect it.");
        Optional<AddressPolicy.Refusal> refusal = http.policy().refusal(url.get());
        if (refusal.isPresent()) return AccountHealth.problem(now, "unreachable", refusal.get().message());
        return AccountHealth.ok(now, url.get().toString(), account.handle(), Set.of(), null);
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return rateLimits.nextAllowedAt(account.id());
    }
}
