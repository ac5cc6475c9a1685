package io.socialdesk.channel.rules;

import java.util.List;
import java.util.Map;

/**
 * Threads: 500 characters, where, as Meta's documentation says, an emoji counts as its UTF-8
 * bytes (a family emoji of 25 bytes takes 25 of the 500). Other characters count one per code
 * point. Meta does not say more; the connector's tests will tell if the API disagrees.
 */
public final class ThreadsTextMeasure implements TextMeasure {
    private final int limit;

    public ThreadsTextMeasure(int limit) {
        this.limit = limit;
    }

    @Override
    public TextCheck check(String text, ValidationOptions options) {
        int[] bounds = Unicode.graphemeBoundaries(text);
        int clusters = bounds.length - 1;
        int[] weights = new int[clusters];
        int total = 0;
        for (int i = 0; i < clusters; i++) {
            String cluster = text.substring(bounds[i], bounds[i + 1]);
            weights[i] = Unicode.isEmojiCluster(cluster) ? Unicode.utf8Length(cluster) : cluster.codePointCount(0, cluster.length());
            total += weights[i];
        }
        List<Finding> findings = List.of();
        if (total > limit) {
            findings = List.of(new Finding("max-length", "Threads allows " + limit + " characters (an emoji counts as its UTF-8 bytes); this text has " + total,
                    Unicode.overflowStart(bounds, weights, limit), text.length()));
        }
        return new TextCheck(limit, Map.of("length", total), findings);
    }
}
