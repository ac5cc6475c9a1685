package io.socialdesk.core.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the inbox behaves. {@code floodThreshold} new conversations per account and stream within a
 * {@code floodWindow} (aligned on the epoch: 10:00 to 11:00 for an hour) open tickets; beyond it, new conversations
 * of that window gather in one digest ticket, {@code digestChunk} items per comment. A resolved ticket reopens
 * for a message written within {@code reopenWithin} of its resolution; later, a new ticket follows it. A reply
 * whose parent is unknown brings up to {@code maxAncestors} ancestors where the network can tell. The job reads
 * at most {@code pagesPerRun} pages per stream per run and files at most {@code fileBatch} waiting items at a time.
 */
public record InboxSettings(int floodThreshold, Duration floodWindow, int digestChunk, Duration reopenWithin, int maxAncestors, int pagesPerRun,
        int fileBatch) {
    public static final InboxSettings DEFAULTS = new InboxSettings(50, Duration.ofHours(1), 50, Duration.ofDays(7), 5, 10, 500);

    public InboxSettings {
        if (floodThreshold < 1) throw new IllegalArgumentException("floodThreshold must be at least 1");
        Objects.requireNonNull(floodWindow, "floodWindow");
        if (floodWindow.isNegative() || floodWindow.isZero()) throw new IllegalArgumentException("floodWindow must be positive");
        if (digestChunk < 1) throw new IllegalArgumentException("digestChunk must be at least 1");
        Objects.requireNonNull(reopenWithin, "reopenWithin");
        if (maxAncestors < 0) throw new IllegalArgumentException("maxAncestors must be 0 or more");
        if (pagesPerRun < 1) throw new IllegalArgumentException("pagesPerRun must be at least 1");
        if (fileBatch < 1) throw new IllegalArgumentException("fileBatch must be at least 1");
    }

    public InboxSettings withFlood(int threshold, Duration window) {
        return new InboxSettings(threshold, window, digestChunk, reopenWithin, maxAncestors, pagesPerRun, fileBatch);
    }

    public InboxSettings withReopenWithin(Duration within) {
        return new InboxSettings(floodThreshold, floodWindow, digestChunk, within, maxAncestors, pagesPerRun, fileBatch);
    }

    public InboxSettings withFileBatch(int batch) {
        return new InboxSettings(floodThreshold, floodWindow, digestChunk, reopenWithin, maxAncestors, pagesPerRun, batch);
    }
}
