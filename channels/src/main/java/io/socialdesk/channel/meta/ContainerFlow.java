package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Instagram's and Threads' two-step publishing: a container is created (nothing is public yet), its
 * status is read until it is {@code FINISHED}, then {@code .../media_publish} or {@code .../threads_publish}
 * makes it public. The container id is recorded through {@link Progress} as soon as it exists, before
 * the publishing request, which gives natural idempotency: a container can be published only once, and
 * its status says {@code PUBLISHED} after it was. So a retry (or {@link #settle}) reads the status of the
 * recorded container instead of creating another post.
 */
public final class ContainerFlow {
    /** Progress names: the container to publish, carousel children, when publishing was asked. */
    public static final String CONTAINER = "meta.container";
    public static final String CHILD = "meta.child.";
    public static final String PUBLISH_AT = "meta.publish-at";
    /** Waits between status reads within one publish call (images are usually ready at once). */
    public static final List<Duration> WAITS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    /** When a container is still processing after the waits, the next attempt comes this much later. */
    public static final Duration PROCESSING_RETRY = Duration.ofMinutes(1);
    /** How far before the recorded publishing time a post found in the account's list may be dated. */
    public static final Duration CLOCK_SLACK = Duration.ofSeconds(60);

    /**
     * Where the two networks differ. {@code statusFields} is what to ask a container for, {@code statusField}
     * holds its status and {@code detailField} the reason of an error; {@code publishEdge} publishes;
     * {@code postsEdge} and {@code repliesEdge} (null when there is none) list the account's recent posts and
     * replies with {@code textField} holding their text.
     */
    public record Api(String statusFields, String statusField, String detailField, String publishEdge, String postsEdge, String repliesEdge,
            String textField) {
    }

    /** A container created, or why not. */
    public record Staged(String containerId, Outcome stop) {
        public static Staged created(String id) {
            return new Staged(Objects.requireNonNull(id), null);
        }

        public static Staged stopped(Outcome outcome) {
            return new Staged(null, Objects.requireNonNull(outcome));
        }
    }

    /** Creates the container for a delivery (and its carousel children), recording children through progress. */
    @FunctionalInterface
    public interface Creator {
        Staged create();
    }

    private final Graph graph;
    private final Sleeper sleeper;
    private final Api api;

    public ContainerFlow(Graph graph, Sleeper sleeper, Api api) {
        this.graph = graph;
        this.sleeper = sleeper;
        this.api = api;
    }

    /** Creates the container unless an earlier attempt recorded one, waits until it is ready, publishes it. */
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress, Creator creator) {
        String container = delivery.progress(CONTAINER);
        if (container == null || container.isBlank()) {
            Staged staged = creator.create();
            if (staged.stop() != null) {
                return staged.stop();
            }
            container = staged.containerId();
            progress.record(CONTAINER, container);
        }
        Status status = awaitReady(account, container);
        if (status.failure() != null) {
            return status.failure();
        }
        return switch (status.code()) {
            case "FINISHED" -> publishNow(account, container, progress);
            case "PUBLISHED" -> find(account, delivery);
            case "IN_PROGRESS" -> new Outcome.RetryLater(graph.now().plus(PROCESSING_RETRY), graph.network()
                    + " is still preparing the media; the prepared post is kept and published on the next attempt.");
            default -> ended(status);
        };
    }

    /**
     * Settles an attempt whose answer was lost. No container recorded: nothing can have been published.
     * {@code PUBLISHED}: the post is looked up among the account's recent posts. {@code FINISHED}: the
     * container was never published; publishing it now cannot make a duplicate, because a container is
     * published at most once, so the engine may call publish again, which publishes this same container.
     */
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        String container = delivery.progress(CONTAINER);
        if (container == null || container.isBlank()) {
            return new Outcome.RetryLater(graph.now(), "No " + graph.network() + " container was recorded, so nothing was published; it can be sent now.");
        }
        Status status = read(account, container);
        if (status.failure() != null) {
            return new Outcome.Unknown(graph.network() + " could not be asked about the earlier attempt: " + GraphOutcomes.reason(status.failure()));
        }
        return switch (status.code()) {
            case "PUBLISHED" -> find(account, delivery);
            case "FINISHED" -> new Outcome.RetryLater(graph.now(), "The prepared " + graph.network()
                    + " post was not published; publishing it now is safe, since a container is published at most once.");
            case "IN_PROGRESS" -> new Outcome.RetryLater(graph.now().plus(PROCESSING_RETRY), graph.network() + " is still preparing the media.");
            case "ERROR", "EXPIRED" -> ended(status);
            default -> new Outcome.Unknown(graph.network() + " reported a status we do not know for the earlier attempt (" + status.code() + ").");
        };
    }

    private Outcome ended(Status status) {
        if ("EXPIRED".equals(status.code())) {
            return new Outcome.Failed("container-expired", graph.network()
                    + " discarded the prepared post because it was not published within 24 hours; publish the post again.");
        }
        if ("ERROR".equals(status.code())) {
            String detail = status.detail() == null ? "no reason given" : Redact.text(status.detail());
            return new Outcome.Failed("media-rejected", graph.network() + " could not prepare the post: " + detail + ".");
        }
        return new Outcome.RetryLater(graph.now().plus(PROCESSING_RETRY),
                graph.network() + " reported a status we do not know (" + Redact.text(status.code()) + "); it will be checked again.");
    }

    private Outcome publishNow(ChannelAccount account, String container, Progress progress) {
        progress.record(PUBLISH_AT, Long.toString(graph.now().getEpochSecond()));
        Answer answer = graph.post(account, graph.url(account.remoteId(), api.publishEdge()).build(), Map.of("creation_id", container));
        if (!answer.ok() || !answer.isJson()) {
            return graph.failure(account, answer, true);
        }
        String id = Json.text(answer.json().path("id"));
        if (id == null) {
            return new Outcome.Unknown(graph.network() + " answered the publishing request without the id of the post; it will be looked up.");
        }
        return new Outcome.Sent(RemotePost.of(id, permalink(account, id)));
    }

    /** The address of a published post, or null when the network does not say (the post is there all the same). */
    public String permalink(ChannelAccount account, String mediaId) {
        Answer answer = graph.get(account, graph.url(mediaId).addQueryParameter("fields", "permalink").build());
        return answer.ok() ? Json.text(answer.json().path("permalink")) : null;
    }

    /** The published post among the account's recent ones, matched by its text (and its time when recorded). */
    private Outcome find(ChannelAccount account, Delivery delivery) {
        String edge = delivery.replyTo() != null && api.repliesEdge() != null ? api.repliesEdge() : api.postsEdge();
        Answer answer = graph.get(account, graph.url(account.remoteId(), edge)
                .addQueryParameter("fields", "id,permalink," + api.textField() + ",timestamp")
                .addQueryParameter("limit", "25").build());
        if (!answer.ok() || !answer.json().path("data").isArray()) {
            String why = answer.ok() ? "its answer was not a list" : GraphOutcomes.reason(graph.failure(account, answer, false));
            return new Outcome.Unknown(graph.network() + " says the post was published, but the account's recent posts could not be read: " + why);
        }
        Instant since = since(delivery);
        String wanted = normalise(delivery.text());
        for (JsonNode post : answer.json().path("data")) {
            String id = Json.text(post.path("id"));
            Instant at = GraphTime.of(post.path("timestamp"));
            String text = post.path(api.textField()).isTextual() ? post.path(api.textField()).asText() : "";
            if (id != null && wanted.equals(normalise(text)) && (since == null || at == null || !at.isBefore(since))) {
                return new Outcome.Sent(RemotePost.of(id, Json.text(post.path("permalink"))));
            }
        }
        return new Outcome.Unknown(graph.network()
                + " says the post was published, but it is not among the account's 25 most recent posts; check the account before sending it again.");
    }

    private static Instant since(Delivery delivery) {
        String recorded = delivery.progress(PUBLISH_AT);
        if (recorded == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(recorded)).minus(CLOCK_SLACK);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Text as networks give it back: line ends unified, outer blanks dropped. */
    public static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    private record Status(String code, String detail, Outcome failure) {
    }

    private Status awaitReady(ChannelAccount account, String container) {
        Status status = read(account, container);
        for (Duration wait : WAITS) {
            if (status.failure() != null || !"IN_PROGRESS".equals(status.code())) {
                return status;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Status(null, null, new Outcome.RetryLater(graph.now(), "Publishing was interrupted while " + graph.network()
                        + " prepared the media; the prepared post is kept."));
            }
            status = read(account, container);
        }
        return status;
    }

    private Status read(ChannelAccount account, String container) {
        Answer answer = graph.get(account, graph.url(container).addQueryParameter("fields", api.statusFields()).build());
        if (!answer.ok()) {
            return new Status(null, null, graph.failure(account, answer, false));
        }
        String code = Json.text(answer.json().path(api.statusField()));
        if (code == null) {
            return new Status(null, null, new Outcome.RetryLater(graph.now().plus(PROCESSING_RETRY),
                    graph.network() + " answered without the status of the prepared post; it will be checked again."));
        }
        return new Status(code.trim().toUpperCase(java.util.Locale.ROOT), Json.text(answer.json().path(api.detailField())), null);
    }

    /**
     * The account's publishing quota as the network reports it ({@code quota_usage}, {@code config.quota_total}),
     * with the text and carousel limits the caller knows; empty when the network says neither.
     */
    public java.util.Optional<io.socialdesk.core.channel.NetworkLimits> publishingLimits(ChannelAccount account, okhttp3.HttpUrl quotaUrl,
            int textLimit, int carouselLimit) {
        try {
            Answer answer = graph.get(account, quotaUrl);
            if (!answer.ok()) {
                return java.util.Optional.empty();
            }
            JsonNode usage = answer.json().path("data").path(0);
            Integer used = whole(usage.path("quota_usage"));
            Integer quota = whole(usage.path("config").path("quota_total"));
            if (used == null && quota == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new io.socialdesk.core.channel.NetworkLimits(textLimit, null, carouselLimit, null, quota, used));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static Integer whole(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() ? node.asInt() : null;
    }
}
