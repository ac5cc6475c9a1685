package io.socialdesk.web.rest;

import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.PublishingMetrics;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/**
 * {@code /queue}: the publishing queue for marketing leads and admins. The deliveries by bucket with the counts per
 * state, the last day's metrics, and a person's action on one delivery (retry, send again, mark as published,
 * cancel) on the version they saw: 409 when it moved on, 400 naming the state when the action does not apply.
 */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final PublishingQueue queue;
    private final CurrentUser currentUser;

    @Inject
    public QueueResource(PublishingQueue queue, CurrentUser currentUser) {
        this.queue = queue;
        this.currentUser = currentUser;
    }

    /** The buckets, soonest first, at most {@code limit} deliveries each (1 to 1000, default 200), and how many in every state. */
    @GET
    public QueueJson view(@QueryParam("limit") String limit) {
        User viewer = currentUser.require();
        int max = QueryParams.intInRange("limit", limit, PublishingQueue.DEFAULT_LIMIT, 1, 1000);
        return QueueJson.of(queue.view(viewer, max));
    }

    @GET
    @Path("metrics")
    public MetricsJson metrics() {
        return MetricsJson.of(queue.metrics(currentUser.require()));
    }

    /** One action on one delivery; answers the delivery as it is after the action. */
    @POST
    @Path("deliveries/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeliveryJson act(@PathParam("id") String id, QueueActionRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the action and the version is required");
        DeliveryRecord stored = queue.act(QueryParams.positiveLong("id", id), body.action(), body.version(), body.url(), user);
        return DeliveryJson.of(queue.describe(stored));
    }

    /** {@code action}: retry, send-again, mark-published or cancel; {@code url}: what the person saw (mark-published only, optional). */
    public record QueueActionRequest(String action, Integer version, String url) {
    }

    public record QueueJson(Map<String, Integer> counts, List<BucketJson> buckets) {
        static QueueJson of(PublishingQueue.View view) {
            return new QueueJson(countsOf(view.counts()), view.sections().stream().map(BucketJson::of).toList());
        }
    }

    /** {@code count}: all the deliveries in the bucket; {@code deliveries}: the soonest of them. */
    public record BucketJson(String bucket, List<String> states, int count, List<DeliveryJson> deliveries) {
        static BucketJson of(PublishingQueue.Section s) {
            return new BucketJson(s.bucket().slug(), s.bucket().states().stream().map(Enum::name).sorted().toList(), s.count(),
                    s.rows().stream().map(DeliveryJson::of).toList());
        }
    }

    /**
     * One delivery: its post, the account, where it stands. {@code nextAt}: the next attempt while retrying (the lease's
     * end in flight); {@code actions}: what the caller may do to it now.
     */
    public record DeliveryJson(long id, long postId, String title, String itemKey, String itemUrl, long accountId, String account, String network,
            int part, String state, String dueAt, String nextAt, int attempts, String cause, String reason, String remoteUrl, String sentAt,
            int version, List<String> actions) {
        static DeliveryJson of(PublishingQueue.Row r) {
            DeliveryRecord d = r.delivery();
            return new DeliveryJson(d.id(), d.postId(), r.title(), r.itemKey(), r.itemUrl(), d.accountId(), r.accountLabel(),
                    r.network() == null ? null : r.network().name(), d.part(), d.state().name(), iso(d.dueAt()), iso(d.nextAt()), d.attempts(),
                    d.cause(), d.reason(), r.remoteUrl(), iso(d.sentAt()), d.version(), r.actions().stream().map(PublishingQueue.QueueAction::slug).toList());
        }
    }

    /** Lateness in milliseconds ({@code sentAt - dueAt} of the sent deliveries), null when nothing was sent. */
    public record MetricsJson(String since, String until, int settled, int sent, Long latenessP50Ms, Long latenessP95Ms, Long latenessP99Ms,
            Long latenessMaxMs, Map<String, Integer> attempts, List<OutcomeJson> outcomes, Map<String, Integer> counts) {
        static MetricsJson of(PublishingMetrics m) {
            Map<String, Integer> attempts = new LinkedHashMap<>();
            m.attempts().forEach((n, count) -> attempts.put(Integer.toString(n), count));
            return new MetricsJson(iso(m.since()), iso(m.until()), m.settled(), m.sent(), ms(m.latenessP50()), ms(m.latenessP95()),
                    ms(m.latenessP99()), ms(m.latenessMax()), attempts, m.outcomes().stream().map(OutcomeJson::of).toList(), countsOf(m.counts()));
        }
    }

    public record OutcomeJson(String state, String cause, int count) {
        static OutcomeJson of(PublishingMetrics.Outcome o) {
            return new OutcomeJson(o.state().name(), o.cause(), o.count());
        }
    }

    /** Every state, zero included, in the state machine's order. */
    private static Map<String, Integer> countsOf(Map<DeliveryState, Integer> counts) {
        Map<String, Integer> all = new LinkedHashMap<>();
        Arrays.stream(DeliveryState.values()).forEach(s -> all.put(s.name(), counts.getOrDefault(s, 0)));
        return all;
    }

    private static Long ms(Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
