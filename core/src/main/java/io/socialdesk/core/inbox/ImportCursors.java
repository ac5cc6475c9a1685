package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Stream;
import java.time.Instant;
import java.util.Optional;

/** Port: where each account's import stands on each stream (the connector's cursor, opaque). */
public interface ImportCursors {
    Optional<String> cursor(long accountId, Stream stream);

    /** Moves the cursor: only once the items fetched up to it are committed. */
    void save(long accountId, Stream stream, String cursor, Instant at);
}
