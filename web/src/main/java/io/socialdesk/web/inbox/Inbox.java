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
import io.socialdesk.core.inbox.crisis.CrisisSettings;
import io.socialdesk.core.inbox.crisis.CrisisWatch;
import io.socialdesk.core.inbox.crisis.TicketCrisisDesk;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.store.inbox.AoCrisisStates;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The social inbox's import as both hosts assemble it over an {@link Engine}: items, conversations and cursors in
 * Active Objects, our own posts known from the publishing engine's deliveries, the host's tickets, triager and router.
 */
public record Inbox(InboxImport imports, InboxStore store, CrisisWatch crisis) {

    /**
     * {@code store}: the host's {@link AoInboxStore} over {@code ao} (Jira, with its cluster locks), or the server's batched
     * store over the same tables (its row locks, and a page's tickets in the page's transaction).
     * Crisis detection counts what the import files, keeps each account's usual level in the database, and opens crisis
     * tickets in the default route's project ({@link TicketCrisisDesk}).
     */
    public static Inbox over(Engine engine, InboxStore store, AoAccess ao, TicketTracker tickets, Channels channels, Triager triager, Router router,
            User fallbackReporter, InboxSettings settings, CrisisSettings crisisSettings, Notifier notifier, Clock clock) {
        TicketCrisisDesk desk = new TicketCrisisDesk(tickets, engine.accounts(), () -> engine.routing().current().defaultRoute(), fallbackReporter);
        io.socialdesk.store.inbox.AoCrisisAlerts saved = new io.socialdesk.store.inbox.AoCrisisAlerts(ao);
        CrisisWatch crisis = new CrisisWatch(crisisSettings, new AoCrisisStates(ao), desk, notifier, clock, () -> {
            java.util.Set<String> all = new java.util.LinkedHashSet<>(crisisSettings.alert());
            all.addAll(saved.recipients());
            return all;
        });
        InboxImport imports = new InboxImport(store, new AoImportCursors(ao), new AoOwnPosts(ao), triager, router, tickets, engine.accounts(),
                channels, fallbackReporter, settings, clock, crisis.counting());
        return new Inbox(imports, store, crisis);
    }

    /** The import's job and crisis detection's (which ends spikes when no mention comes), both once per cluster. */
    public List<Job> jobs(Duration importEvery) {
        return List.of(imports.job(importEvery), crisis.job());
    }
}
