package io.socialdesk.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.memory.MemoryTickets;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any interleaving of polled pages and webhook pushes, with duplicates, out-of-order delivery and crashes at any
 * step (before or after any write to the store or the tracker, then a restart that retries what it was doing) ends
 * with every item stored once, every item on its conversation's ticket, and exactly one ticket per conversation.
 *
 * <p>The conversations: threads started by customers (replies name their parent and the thread's root, as Bluesky
 * and X do), and replies to one of our own posts, each a conversation with the replies to it (our post itself is
 * delivered too, and must be left out). Sometimes the network can tell a reply's ancestors.
 */
class InboxImportPropertiesTest {

    @Property(tries = 400)
    void anyInterleavingOfPagesDuplicatesRestartsAndOrderGivesOneTicketPerConversationAndEveryItemOnce(
            @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll @IntRange(min = 0, max = 3) int repliesToOurPost,
            @ForAll long shape,
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 150) Integer> crashSteps,
            @ForAll boolean crashAfterOddSteps,
            @ForAll boolean networkTellsAncestors) {
        Random random = new Random(shape);
        Scenario scenario = Scenario.of(threads, repliesToOurPost, random);
        InboxDesk desk = new InboxDesk();
        desk.ours.add(Scenario.OUR_POST);
        if (networkTellsAncestors) desk.bluesky.knowing(scenario.all.values().toArray(new Inbound[0]));
        List<Event> events = scenario.deliveries(random);
        events.stream().filter(e -> !e.pushed()).forEach(e -> desk.bluesky.page(e.items()));

        Crashes crashes = new Crashes(Set.copyOf(crashSteps), crashAfterOddSteps);
        Durable durable = new Durable(desk.stores.inbox, crashes);
        TicketTracker tracker = new CrashingTracker(desk.tickets, crashes);
        int next = 0;
        int restarts = 0;
        InboxImport inbox = inbox(desk, durable, tracker);
        while (next < events.size()) {
            Event event = events.get(next);
            try {
                if (event.pushed()) inbox.receive(desk.account.id(), event.items(), InboxItem.WEBHOOK);
                else inbox.importFrom(desk.account, Stream.MENTIONS);
                next++;
            } catch (Crash crash) {
                // The node died: a new one starts, files what waits, and the sender (or the job) tries again.
                restarts++;
                inbox = inbox(desk, durable, tracker);
                try {
                    inbox.fileWaiting();
                } catch (Crash again) {
                    inbox = inbox(desk, durable, tracker);
                }
            }
        }
        crashes.stop();
        inbox = inbox(desk, durable, tracker);
        for (int run = 0; run < 50 && (!desk.stores.inbox.waiting(1).isEmpty() || moreToFetch(desk, events)); run++) inbox.runOnce();

        // Every delivered item is stored once (ancestors the network told may be stored too); ours never.
        Map<String, InboxItem> stored = desk.items().stream().collect(Collectors.toMap(i -> i.inbound().externalId(), i -> i));
        assertThat(stored).hasSize(desk.items().size());
        assertThat(stored.keySet()).containsAll(scenario.delivered(events)).doesNotContain(Scenario.OUR_POST);
        assertThat(scenario.all.keySet()).containsAll(stored.keySet());
        assertThat(desk.items()).as("nothing waits").allSatisfy(i -> assertThat(i.waiting()).isFalse());

        // One ticket per conversation, holding exactly that conversation's items.
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        stored.keySet().forEach(id -> expected.computeIfAbsent(scenario.conversationOf.get(id), k -> new HashSet<>()).add(id));
        assertThat(desk.tickets.all()).as("tickets, after %d restarts", restarts).hasSize(expected.size());
        Map<String, Set<String>> onTicket = new HashMap<>();
        stored.values().forEach(i -> onTicket.computeIfAbsent(i.ticket().key(), k -> new HashSet<>()).add(i.inbound().externalId()));
        assertThat(new HashSet<>(onTicket.values())).isEqualTo(new HashSet<>(expected.values()));

        // And each item is in its ticket: the first one in the description, every other one in a comment of its own.
        for (MemoryTickets.Held ticket : desk.tickets.all()) {
            Set<String> ids = onTicket.get(ticket.item.key());
            Set<String> shown = new HashSet<>();
            for (String id : ids) {
                InboxItem item = stored.get(id);
                if (ticket.comments.containsKey(item.key())) shown.add(id);
                else if (ticket.ticket.description().contains(Scenario.text(id))) shown.add(id);
            }
            assertThat(shown).as("items shown on %s", ticket.item.key()).isEqualTo(ids);
            assertThat(ticket.comments).hasSize(ids.size() - 1);
        }
    }

    @Property(tries = 200)
    void aFloodWithCrashesDropsNothingAndOpensNoMoreTicketsThanTheThresholdPlusOneDigest(
            @ForAll @IntRange(min = 1, max = 4) int threshold,
            @ForAll @IntRange(min = 1, max = 6) int threads,
            @ForAll long shape,
            @ForAll @Size(max = 5) List<@IntRange(min = 1, max = 150) Integer> crashSteps,
            @ForAll boolean crashAfterOddSteps) {
        Random random = new Random(shape);
        Scenario scenario = Scenario.of(threads, 0, random);
        InboxDesk desk = new InboxDesk();
        desk.ours.add(Scenario.OUR_POST);
        List<Event> events = scenario.deliveries(random);
        events.stream().filter(e -> !e.pushed()).forEach(e -> desk.bluesky.page(e.items()));
        InboxSettings settings = InboxSettings.DEFAULTS.withFlood(threshold, java.time.Duration.ofHours(1));
        Crashes crashes = new Crashes(Set.copyOf(crashSteps), crashAfterOddSteps);
        Durable durable = new Durable(desk.stores.inbox, crashes);
        TicketTracker tracker = new CrashingTracker(desk.tickets, crashes);
        int next = 0;
        InboxImport inbox = inbox(desk, durable, tracker, settings);
        while (next < events.size()) {
            Event event = events.get(next);
            try {
                if (event.pushed()) inbox.receive(desk.account.id(), event.items(), InboxItem.WEBHOOK);
                else inbox.importFrom(desk.account, Stream.MENTIONS);
                next++;
            } catch (Crash crash) {
                inbox = inbox(desk, durable, tracker, settings);
            }
        }
        crashes.stop();
        inbox = inbox(desk, durable, tracker, settings);
        for (int run = 0; run < 50 && (!desk.stores.inbox.waiting(1).isEmpty() || moreToFetch(desk, events)); run++) inbox.runOnce();

        Set<String> delivered = scenario.delivered(events);
        assertThat(desk.items()).extracting(i -> i.inbound().externalId()).containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(desk.items()).allSatisfy(i -> assertThat(i.waiting()).isFalse());
        List<MemoryTickets.Held> digests = desk.tickets.all().stream().filter(t -> t.ticket.route().labels().contains(InboxImport.FLOOD_LABEL)).toList();
        assertThat(digests).hasSizeLessThanOrEqualTo(1);
        assertThat(desk.tickets.all().size() - digests.size()).isLessThanOrEqualTo(threshold);
        // Every item is shown on its ticket: in the description, in a comment of its own, or in a digest's list.
        for (InboxItem item : desk.items()) {
            MemoryTickets.Held ticket = desk.tickets.held(item.ticket().key());
            String shown = ticket.ticket.description() + String.join("\n", ticket.comments.values());
            assertThat(shown).as("%s on %s", item.inbound().externalId(), ticket.item.key()).contains(Scenario.text(item.inbound().externalId()));
        }
    }

    private static boolean moreToFetch(InboxDesk desk, List<Event> events) {
        long pages = events.stream().filter(e -> !e.pushed()).count();
        String cursor = desk.stores.inbox.cursor(desk.account.id(), Stream.MENTIONS).orElse("0");
        return Long.parseLong(cursor) < pages;
    }

    private static InboxImport inbox(InboxDesk desk, Durable store, TicketTracker tracker) {
        return inbox(desk, store, tracker, InboxSettings.DEFAULTS);
    }

    private static InboxImport inbox(InboxDesk desk, Durable store, TicketTracker tracker, InboxSettings settings) {
        return new InboxImport(store, store, ids -> ids.stream().filter(desk.ours::contains).collect(Collectors.toSet()),
                item -> new Triage(item.language(), 0, Triage.Urgency.NORMAL, 0), (a, i, t) -> new Routed(Route.to("COMMUNITY"), null, List.of()),
                tracker, desk.stores.accounts, network -> Optional.of(desk.bluesky), InboxDesk.SOCIAL_DESK, settings, desk.clock);
    }

    /** A poll page, or one item pushed by a webhook. */
    record Event(List<Inbound> items, boolean pushed) {}

    /** The threads, every item by its id, and the conversation each belongs to. */
    static final class Scenario {
        static final String OUR_POST = "at://acme/launch";
        final Map<String, Inbound> all = new LinkedHashMap<>();
        final Map<String, String> conversationOf = new HashMap<>();

        static String text(String id) {
            return "«" + id + "»";
        }

        static Scenario of(int threads, int repliesToOurPost, Random random) {
            Scenario s = new Scenario();
            for (int t = 1; t <= threads; t++) {
                String root = "at://t" + t + "/0";
                s.add(InboxDesk.post(root, null, null, text(root)), root);
                int replies = random.nextInt(6);
                for (int i = 1; i <= replies; i++) {
                    String id = "at://t" + t + "/" + i;
                    String parent = "at://t" + t + "/" + random.nextInt(i);
                    s.add(InboxDesk.post(id, parent, root, text(id)), root);
                }
            }
            s.all.put(OUR_POST, InboxDesk.post(OUR_POST, null, null, "our launch post"));
            for (int x = 1; x <= repliesToOurPost; x++) {
                String top = "at://o" + x + "/0";
                s.add(InboxDesk.post(top, OUR_POST, OUR_POST, text(top)), top);
                int under = random.nextInt(3);
                for (int k = 1; k <= under; k++) {
                    String id = "at://o" + x + "/" + k;
                    s.add(InboxDesk.post(id, top, OUR_POST, text(id)), top);
                }
            }
            return s;
        }

        private void add(Inbound item, String conversation) {
            all.put(item.externalId(), item);
            conversationOf.put(item.externalId(), conversation);
        }

        /** Each item one to three times (our post sometimes), shuffled, cut into pages and single pushes. */
        List<Event> deliveries(Random random) {
            List<Inbound> copies = new ArrayList<>();
            for (Inbound item : all.values()) {
                int n = item.externalId().equals(OUR_POST) ? random.nextInt(2) : 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) copies.add(item);
            }
            Collections.shuffle(copies, random);
            List<Event> events = new ArrayList<>();
            for (int from = 0; from < copies.size(); ) {
                int size = Math.min(copies.size() - from, 1 + random.nextInt(4));
                List<Inbound> items = List.copyOf(copies.subList(from, from + size));
                events.add(new Event(items, size == 1 && random.nextBoolean()));
                from += size;
            }
            return events;
        }

        Set<String> delivered(List<Event> events) {
            Set<String> ids = new HashSet<>();
            events.forEach(e -> e.items().forEach(i -> ids.add(i.externalId())));
            ids.remove(OUR_POST);
            return ids;
        }
    }

    /** The node dies. An Error, so that nothing on the way catches it as a failure to recover from. */
    static final class Crash extends Error {
        Crash() {
            super("crash", null, false, false);
        }
    }

    /** Counts the writes (to the store and the tracker) and dies at the chosen ones, before or after the write. */
    static final class Crashes {
        private final Set<Integer> at;
        private final boolean afterOdd;
        private int steps;
        private boolean stopped;

        Crashes(Set<Integer> at, boolean afterOdd) {
            this.at = at;
            this.afterOdd = afterOdd;
        }

        void stop() {
            stopped = true;
        }

        <T> T step(Supplier<T> write) {
            int n = ++steps;
            boolean crash = !stopped && at.contains(n);
            boolean after = afterOdd == (n % 2 == 1);
            if (crash && !after) throw new Crash();
            T result = write.get();
            if (crash) throw new Crash();
            return result;
        }

        void step(Runnable write) {
            step(() -> {
                write.run();
                return null;
            });
        }
    }

    /** The memory store, whose every write (one transaction each) may be the last before a crash. */
    static final class Durable implements InboxStore, ImportCursors {
        private final MemoryStores.Inbox inner;
        private final Crashes crashes;

        Durable(MemoryStores.Inbox inner, Crashes crashes) {
            this.inner = inner;
            this.crashes = crashes;
        }

        @Override
        public Map<String, String> conversationsOf(Collection<String> itemKeys) {
            return inner.conversationsOf(itemKeys);
        }

        @Override
        public Map<String, Conversation> conversations(Collection<String> keys) {
            return inner.conversations(keys);
        }

        @Override
        public List<InboxItem> add(List<InboxItem> items, List<Conversation> conversations) {
            return crashes.step(() -> inner.add(items, conversations));
        }

        @Override
        public int conversationsOpenedSince(long accountId, Stream stream, Instant since) {
            return inner.conversationsOpenedSince(accountId, stream, since);
        }

        @Override
        public List<InboxItem> waiting(int limit) {
            return inner.waiting(limit);
        }

        @Override
        public List<InboxItem> waitingIn(Collection<String> keys, int limit) {
            return inner.waitingIn(keys, limit);
        }

        @Override
        public void ticketOpened(String key, int generation, TrackedItem ticket, Collection<Long> ids, Instant at) {
            crashes.step(() -> inner.ticketOpened(key, generation, ticket, ids, at));
        }

        @Override
        public void filed(Collection<Long> ids, TrackedItem ticket, Instant at) {
            crashes.step(() -> inner.filed(ids, ticket, at));
        }

        @Override
        public void chunked(Collection<Long> ids, String chunkKey) {
            crashes.step(() -> inner.chunked(ids, chunkKey));
        }

        @Override
        public Optional<Conversation> nextGeneration(String key, int generation, Instant at) {
            return crashes.step(() -> inner.nextGeneration(key, generation, at));
        }

        @Override
        public <T> T exclusively(String key, java.util.function.Supplier<T> work) {
            return inner.exclusively(key, work);
        }

        @Override
        public List<InboxItem> onTicket(String ticketKey, int limit) {
            return inner.onTicket(ticketKey, limit);
        }

        @Override
        public Optional<String> cursor(long accountId, Stream stream) {
            return inner.cursor(accountId, stream);
        }

        @Override
        public void save(long accountId, Stream stream, String cursor, Instant at) {
            crashes.step(() -> inner.save(accountId, stream, cursor, at));
        }
    }

    /** The tracker, whose every write may be the last before a crash (after it: the answer is lost). */
    static final class CrashingTracker implements TicketTracker {
        private final MemoryTickets inner;
        private final Crashes crashes;

        CrashingTracker(MemoryTickets inner, Crashes crashes) {
            this.inner = inner;
            this.crashes = crashes;
        }

        @Override
        public Optional<TrackedItem> find(String externalKey) {
            return inner.find(externalKey);
        }

        @Override
        public TrackedItem open(Ticket ticket) {
            return crashes.step(() -> inner.open(ticket));
        }

        @Override
        public void comment(TrackedItem ticket, String key, String text) {
            crashes.step(() -> inner.comment(ticket, key, text));
        }

        @Override
        public TicketStatus status(TrackedItem ticket) {
            return inner.status(ticket);
        }

        @Override
        public void reopen(TrackedItem ticket, String why) {
            crashes.step(() -> inner.reopen(ticket, why));
        }

        @Override
        public void link(TrackedItem ticket, TrackedItem earlier) {
            crashes.step(() -> inner.link(ticket, earlier));
        }
    }
}
