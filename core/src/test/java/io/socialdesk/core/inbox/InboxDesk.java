package io.socialdesk.core.inbox;

import io.socialdesk.core.memory.TestClock;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.memory.MemoryTickets;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.user.User;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An inbox over memory stores, a memory tracker and a paged network, with a clock the test moves. */
final class InboxDesk {
    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    static final User SOCIAL_DESK = new User("socialdesk", "Social Desk", Set.of(), ZoneOffset.UTC);

    final TestClock clock = new TestClock(START);
    final MemoryStores stores = new MemoryStores();
    final MemoryTickets tickets = new MemoryTickets();
    final PagedChannel bluesky = new PagedChannel(Network.BLUESKY);
    final Set<String> ours = new HashSet<>();
    final Account account;
    InboxSettings settings = InboxSettings.DEFAULTS;

    InboxDesk() {
        account = stores.accounts.connect(null, Network.BLUESKY, URI.create("https://pds.example"),
                new Connected("did:plc:acme", "acme.example", "Acme", Credentials.bearer("token-not-logged")), "marc", START);
    }

    /** A placeholder triage and the placeholder route (everything to COMMUNITY), as the hosts wire them today. */
    InboxImport inbox() {
        return inbox(tickets);
    }

    InboxImport inbox(TicketTracker tracker) {
        return new InboxImport(stores.inbox, stores.inbox, ids -> ids.stream().filter(ours::contains).collect(java.util.stream.Collectors.toSet()),
                item -> new Triage(item.language(), 0, Triage.Urgency.NORMAL, 0), (accountId, item, triage) -> new Routed(Route.to("COMMUNITY"), null, List.of()),
                tracker, stores.accounts, network -> network == Network.BLUESKY ? Optional.of(bluesky) : Optional.empty(), SOCIAL_DESK, settings, clock);
    }

    static Inbound mention(String id, String text) {
        return post(id, null, null, text);
    }

    static Inbound reply(String id, String parent, String root, String text) {
        return post(id, parent, root, text);
    }

    static Inbound post(String id, String parent, String root, String text) {
        return new Inbound(Network.BLUESKY, Stream.MENTIONS, id, parent == null ? "mention" : "reply", text, START,
                new Inbound.Author("did:plc:" + id.hashCode(), "maria.example", "Maria López", 1204L, "https://bsky.example/profile/maria.example"),
                "https://bsky.example/post/" + id, parent, root, "en");
    }

    List<InboxItem> items() {
        return stores.inbox.items();
    }

}
