package io.socialdesk.core.tracker;

import java.util.Objects;

/** An item in the tracker: its numeric id, its human key (e.g. {@code MKT-12}) and where to open it. */
public record TrackedItem(long id, String key, String url) {
    public TrackedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
    }

    /** The project the item belongs to: the key's part before its last dash ({@code MKT} of {@code MKT-12}). */
    public String projectKey() {
        int dash = key.lastIndexOf('-');
        return dash > 0 ? key.substring(0, dash) : key;
    }
}
