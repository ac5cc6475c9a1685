package io.socialdesk.channel.meta;

import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what a poll collected into a batch: only items after the mark, oldest first, the new mark as cursor. */
public final class Imports {
    private Imports() {
    }

    public static ImportBatch after(TimeMark mark, List<Inbound> collected, boolean more) {
        Map<String, Inbound> unique = new LinkedHashMap<>();
        for (Inbound item : collected) {
            if (item.createdAt() != null && mark.isBefore(item.createdAt(), item.externalId())) {
                unique.putIfAbsent(item.externalId(), item);
            }
        }
        List<Inbound> items = new ArrayList<>(unique.values());
        items.sort(Comparator.comparing(Inbound::createdAt).thenComparing(Inbound::externalId));
        TimeMark next = mark;
        for (Inbound item : items) {
            next = next.advancedTo(item.createdAt(), item.externalId());
        }
        return ImportBatch.of(items, next.cursor(), more);
    }
}
