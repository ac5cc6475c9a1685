package io.socialdesk.core.channel;

import java.time.Instant;
import java.util.List;

/**
 * Items of one fetch, oldest first, and the cursor to store once they are stored. {@code problem} is set
 * (and {@code cursor} unchanged) when the fetch failed; {@code more} says another fetch would find more.
 */
public record ImportBatch(List<Inbound> items, String cursor, boolean more, String problem, Instant notBefore) {
    public ImportBatch {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static ImportBatch of(List<Inbound> items, String cursor, boolean more) {
        return new ImportBatch(items, cursor, more, null, null);
    }

    public static ImportBatch failed(String cursor, String problem, Instant notBefore) {
        return new ImportBatch(List.of(), cursor, false, problem, notBefore);
    }

    public boolean failed() {
        return problem != null;
    }
}
