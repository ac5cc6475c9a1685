package io.socialdesk.core.channel;

import java.time.Instant;
import java.util.List;

/**
 * Items of one fetch, oldest first, and the cursor to store once they are stored. {@code problem} is set
 * (and {@code cursor} unchanged) when the fetch failed; {@code more} says another fetch would find more;
 * {@code leftOut} counts the items received but left out because the inbox had them stored already (see
 * {@link Channel#fetch(ChannelAccount, Stream, String, java.util.function.Function)}).
 */
public record ImportBatch(List<Inbound> items, String cursor, boolean more, String problem, Instant notBefore, int leftOut) {
    public ImportBatch {
        items = items == null ? List.of() : List.copyOf(items);
        if (leftOut < 0) throw new IllegalArgumentException("leftOut < 0");
    }

    public ImportBatch(List<Inbound> items, String cursor, boolean more, String problem, Instant notBefore) {
        this(items, cursor, more, problem, notBefore, 0);
    }

    public static ImportBatch of(List<Inbound> items, String cursor, boolean more) {
        return new ImportBatch(items, cursor, more, null, null);
    }

    /** Items of a fetch, and how many more were received but left out as stored already. */
    public static ImportBatch of(List<Inbound> items, String cursor, boolean more, int leftOut) {
        return new ImportBatch(items, cursor, more, null, null, leftOut);
    }

    /** Items received: those converted and those left out. */
    public int received() {
        return items.size() + leftOut;
    }

    public static ImportBatch failed(String cursor, String problem, Instant notBefore) {
        return new ImportBatch(List.of(), cursor, false, problem, notBefore);
    }

    public boolean failed() {
        return problem != null;
    }
}
