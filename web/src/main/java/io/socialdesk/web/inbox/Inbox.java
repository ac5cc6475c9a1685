package io.socialdesk.web.inbox;

import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.inbox.InboxImport;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triager;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.user.User;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.inbox.AoImportCursors;
import io.socialdesk.store.inbox.AoInboxStore;
import io.socialdesk.store.inbox.AoOwnPosts;
import io.socialdesk.web.Engine;
import java.time.Clock;

/**
 * The social inbox's import as both hosts assemble it over an {@link Engine}: items, conversations and cursors in
 * Active Objects, our own posts known from the publishing engine's deliveries, the host's tickets, triager and router.
 */
public record Inbox(InboxImport imports, InboxStore store) {

    /**
     * {@code store}: the host's {@link AoInboxStore} over {@code ao} (Jira, with its cluster locks), or the server's batched
     * store over the same tables (its row locks, and a page's tickets in the page's transaction).
     */
    public static Inbox over(Engine engine, InboxStore store, AoAccess ao, TicketTracker tickets, Channels channels, Triager triager, Router router,
            User fallbackReporter, InboxSettings settings, Clock clock) {
        InboxImport imports = new InboxImport(store, new AoImportCursors(ao), new AoOwnPosts(ao), triager, router, tickets, engine.accounts(),
                channels, fallbackReporter, settings, clock);
        return new Inbox(imports, store);
    }
}
