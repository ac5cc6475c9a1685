package io.socialdesk.web.page;

import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.PublishingMetrics;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.user.User;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publishing queue page, shared by both hosts: a tab per bucket with its count, each delivery with its post,
 * account, times in the viewer's zone, attempts, cause and reason (text, never HTML), and the buttons for the
 * actions that apply to it; and the last day's metrics (lateness p50 and p99 of what was sent, outcomes by
 * cause). {@code queue.js} sends the actions to {@code /queue/deliveries/{id}/actions} and reloads.
 */
public final class QueuePage {
    public static final String TEMPLATE = "templates/socialdesk/queue.vm";

    private QueuePage() {}

    /** The page's model for {@code viewer} (a marketing lead or an admin: {@link PublishingQueue} refuses anyone else). */
    public static Map<String, Object> context(PublishingQueue queue, User viewer, Locale locale, String restBase) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(locale)
                .withZone(viewer.zone());
        PublishingQueue.View view = queue.view(viewer, PublishingQueue.DEFAULT_LIMIT);
        PublishingMetrics metrics = queue.metrics(viewer);
        Map<String, Object> context = new HashMap<>();
        context.put("restBase", restBase);
        context.put("zone", viewer.zone().getId());
        context.put("buckets", view.sections().stream().map(s -> new BucketView(s, format)).toList());
        context.put("metrics", new MetricsView(metrics, locale));
        return context;
    }

    /** One bucket: its tab and its table. */
    public static final class BucketView {
        private final PublishingQueue.Section section;
        private final List<RowView> rows;

        BucketView(PublishingQueue.Section section, DateTimeFormatter format) {
            this.section = section;
            this.rows = section.rows().stream().map(r -> new RowView(r, format)).toList();
        }

        public String getSlug() { return section.bucket().slug(); }
        public String getTitleKey() { return "socialdesk.queue.bucket." + section.bucket().slug(); }
        public int getCount() { return section.count(); }
        /** Texts, not numbers: Jira's {@code getText(key, String, String)} takes strings. */
        public String getShownCount() { return Integer.toString(rows.size()); }
        public String getCountText() { return Integer.toString(section.count()); }
        public boolean getEmpty() { return rows.isEmpty(); }
        /** More deliveries than the page lists: it says how many it shows. */
        public boolean getTruncated() { return rows.size() < section.count(); }
        public boolean getRetrying() { return section.bucket() == PublishingQueue.Bucket.RETRYING; }
        public List<RowView> getRows() { return rows; }
    }

    /** One delivery as a row. */
    public static final class RowView {
        private final PublishingQueue.Row row;
        private final String due;
        private final String next;

        RowView(PublishingQueue.Row row, DateTimeFormatter format) {
            this.row = row;
            this.due = format.format(row.dueAt());
            this.next = format.format(row.nextAt());
        }

        private boolean may(PublishingQueue.QueueAction action) {
            return row.actions().contains(action);
        }

        public long getId() { return row.id(); }
        public int getVersion() { return row.version(); }
        public long getPostId() { return row.postId(); }
        public String getTitle() { return row.title(); }
        public boolean getHasItem() { return row.itemKey() != null; }
        public String getItemKey() { return row.itemKey() == null ? "" : row.itemKey(); }
        public String getItemUrl() { return row.itemUrl() == null ? "" : row.itemUrl(); }
        public String getAccount() { return row.accountLabel(); }
        public String getNetwork() { return row.network() == null ? "" : row.network().name(); }
        /** 1 for the post itself, then the thread's parts. */
        public int getPart() { return row.part() + 1; }
        public String getStateKey() { return "socialdesk.queue.state." + row.state().name().toLowerCase(Locale.ROOT); }
        public String getState() { return row.state().name(); }
        public String getDue() { return due; }
        public String getDueIso() { return row.dueAt().toString(); }
        public String getNextAttempt() { return next; }
        public String getNextAttemptIso() { return row.nextAt().toString(); }
        public boolean getHasNextAttempt() { return row.state() == DeliveryState.RETRYING; }
        public int getAttempts() { return row.attempts(); }
        public String getCause() { return row.cause(); }
        public String getReason() { return row.reason(); }
        public boolean getHasRemoteUrl() { return row.remoteUrl() != null && !row.remoteUrl().isBlank(); }
        public String getRemoteUrl() { return row.remoteUrl() == null ? "" : row.remoteUrl(); }
        public boolean getMayRetry() { return may(PublishingQueue.QueueAction.RETRY); }
        public boolean getMaySendAgain() { return may(PublishingQueue.QueueAction.SEND_AGAIN); }
        public boolean getMayMarkPublished() { return may(PublishingQueue.QueueAction.MARK_PUBLISHED); }
        public boolean getMayCancel() { return may(PublishingQueue.QueueAction.CANCEL); }
        public boolean getHasActions() { return !row.actions().isEmpty(); }
    }

    /** The metrics panel. */
    public static final class MetricsView {
        private final PublishingMetrics metrics;
        private final Locale locale;

        MetricsView(PublishingMetrics metrics, Locale locale) {
            this.metrics = metrics;
            this.locale = locale;
        }

        /** Texts, not numbers: Jira's {@code getText(key, String, String)} takes strings. */
        public String getSent() { return Integer.toString(metrics.sent()); }
        public String getSettled() { return Integer.toString(metrics.settled()); }
        public boolean getHasLateness() { return metrics.latenessP50() != null; }
        public String getLatenessP50() { return duration(metrics.latenessP50(), locale); }
        public String getLatenessP95() { return duration(metrics.latenessP95(), locale); }
        public String getLatenessP99() { return duration(metrics.latenessP99(), locale); }
        public boolean getHasOutcomes() { return !metrics.outcomes().isEmpty(); }
        public List<OutcomeView> getOutcomes() { return metrics.outcomes().stream().map(OutcomeView::new).toList(); }
    }

    /** How many settled deliveries ended in one state for one cause. */
    public static final class OutcomeView {
        private final PublishingMetrics.Outcome outcome;

        OutcomeView(PublishingMetrics.Outcome outcome) {
            this.outcome = outcome;
        }

        public String getStateKey() { return "socialdesk.queue.state." + outcome.state().name().toLowerCase(Locale.ROOT); }
        public String getCause() { return outcome.cause(); }
        public boolean getHasCause() { return !outcome.cause().isEmpty(); }
        public int getCount() { return outcome.count(); }
    }

    /** "850 ms", "4.2 s", "3 min 05 s", "2 h 10 min"; negative (sent before its time) with a minus sign. */
    static String duration(Duration d, Locale locale) {
        if (d == null) return "\u2014";
        String sign = d.isNegative() ? "-" : "";
        long ms = Math.abs(d.toMillis());
        if (ms < 1000) return sign + ms + " ms";
        if (ms < 60_000) return sign + String.format(locale, "%.1f s", ms / 1000.0);
        long s = ms / 1000;
        if (s < 3600) return sign + String.format(locale, "%d min %02d s", s / 60, s % 60);
        return sign + String.format(locale, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
