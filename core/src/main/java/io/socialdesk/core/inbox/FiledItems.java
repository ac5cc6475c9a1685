package io.socialdesk.core.inbox;

import io.socialdesk.core.tracker.TrackedItem;
import java.util.List;

/**
 * Told about items once they are filed on a ticket and that filing is committed (so a rolled-back page is never
 * reported). Crisis detection listens here: it counts what the inbox filed, not what a network merely sent.
 */
@FunctionalInterface
public interface FiledItems {
    /** {@code items} were filed on {@code ticket} (their own conversation's, or their flood's digest). */
    void filed(List<InboxItem> items, TrackedItem ticket);

    FiledItems NONE = (items, ticket) -> { };
}
