package io.socialdesk.core.inbox;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.InboundIntake;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The social inbox's import: items from the networks (polled by the job, one account and stream at a time) and from
 * webhooks become routed tickets, one per conversation, and the later messages of a conversation comments on it.
 *
 * <p>A page goes through it in this order: the items are bounded ({@link InboundBounds}); items already stored, and our
 * own posts and replies ({@link OwnPosts}), are left out; a reply whose parent is unknown brings its ancestors where the
 * network can tell; each new item is placed in its conversation, triaged and routed; beyond the flood threshold a new
 * conversation joins its stream's digest instead; then items and new conversations are stored in one transaction
 * (insert-if-absent on their keys); only then does the cursor move; and then the waiting items are filed.
 *
 * <p>Filing is safe to interrupt anywhere. An item waits until it is recorded as filed. A conversation's ticket is
 * opened with a key ({@link Conversation#ticketKey()}) and looked for by that key before any opening, so a crash between
 * opening it and recording it finds it again instead of opening a second one; comments carry the item's key, so a
 * comment written again adds nothing. Everything the job does it does again after a restart: nothing is lost, nothing
 * doubled.
 */
public final class InboxImport {
    private static final System.Logger LOG = System.getLogger(InboxImport.class.getName());

    public static final String JOB_KEY = "io.socialdesk.inbox.import";
    /** Where an item goes when the router itself fails: the queue of the rest. */
    public static final String FALLBACK_PROJECT = "COMMUNITY";
    /** The label a digest's ticket carries besides its route's. */
    public static final String FLOOD_LABEL = "social-flood";
    /** At most this many batches of waiting items are filed per run, so that a run ends. */
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final InboxStore store;
    private final ImportCursors cursors;
    private final OwnPosts own;
    private final Triager triager;
    private final Router router;
    private final TicketTracker tickets;
    private final AccountStore accounts;
    private final Channels channels;
    private final User fallbackReporter;
    private final InboxSettings settings;
    private final Clock clock;
    private final FiledItems listener;
    /** Per account and stream, when the network allows the next fetch (rate limits); in memory, as a hint only. */
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

    /**
     * Items are reported by their account's owner, else by {@code fallbackReporter} (null: none, and a ticket of an
     * account without owner waits until it has one).
     */
    public InboxImport(InboxStore store, ImportCursors cursors, OwnPosts own, Triager triager, Router router, TicketTracker tickets,
            AccountStore accounts, Channels channels, User fallbackReporter, InboxSettings settings, Clock clock) {
        this(store, cursors, own, triager, router, tickets, accounts, channels, fallbackReporter, settings, clock, FiledItems.NONE);
    }

    /** As above; {@code listener} is told what was filed once it is committed (crisis detection). */
    public InboxImport(InboxStore store, ImportCursors cursors, OwnPosts own, Triager triager, Router router, TicketTracker tickets,
            AccountStore accounts, Channels channels, User fallbackReporter, InboxSettings settings, Clock clock, FiledItems listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.store = Objects.requireNonNull(store, "store");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.own = Objects.requireNonNull(own, "own");
        this.triager = Objects.requireNonNull(triager, "triager");
        this.router = Objects.requireNonNull(router, "router");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.fallbackReporter = fallbackReporter;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What one page (a fetch, or a webhook's items) did: items received, stored (new), duplicates (seen before, or twice
     * in the page), ours (our own posts, left out), refused (with the field and rule), filed on tickets now (the others
     * wait for the next run), whether the network has more, and why the fetch failed.
     */
    public record Imported(int received, int stored, int duplicates, int ours, List<FieldProblem> refused, int filed, boolean more, String failure) {
        public Imported {
            refused = List.copyOf(refused);
        }

        static Imported failed(String why) {
            return new Imported(0, 0, 0, 0, List.of(), 0, false, why);
        }

        /** This page and the next one's together: the counts added, the next's "more" and failure. */
        Imported and(Imported next) {
            List<FieldProblem> all = new ArrayList<>(refused);
            all.addAll(next.refused());
            return new Imported(received + next.received(), stored + next.stored(), duplicates + next.duplicates(), ours + next.ours(), all,
                    filed + next.filed(), next.more(), next.failure());
        }
    }

    public InboxSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------------------------------------------------- import

    /** The job, once per cluster every {@code interval}: files what waits, then imports a few pages of every stream of every connected account. */
    public Job job(Duration interval) {
        return Job.every(JOB_KEY, interval, startedAt -> runOnce());
    }

    /** One run of the job. */
    public void runOnce() {
        fileWaiting();
        for (Account account : accounts.list()) {
            if (!account.connected()) continue;
            Optional<Channel> channel = channels.of(account.network());
            if (channel.isEmpty()) continue;
            List<Stream> streams = channel.get().streams().stream().sorted().toList();
            for (Stream stream : streams) importPages(account, stream, settings.pagesPerRun());
        }
    }

    /**
     * One page of one account's stream: fetched from its cursor, stored, the cursor moved once the page is committed,
     * then filed. A failed fetch leaves the cursor where it was (and waits until the network allows another call).
     */
    public Imported importFrom(Account account, Stream stream) {
        return importPages(account, stream, 1);
    }

    /**
     * Up to {@code pages} pages of one account's stream, as that many {@link #importFrom} calls would import them, except
     * that each next page is fetched (on a thread of this call's own) while the page before it is stored: the network's
     * answer and our commit overlap. Each page is still stored, its cursor moved in its commit, and filed before the next
     * page is stored; a page that cannot be stored ends the call (its exception is thrown) and the page fetched ahead is
     * dropped, to be fetched again from the stored cursor. A fetch that fails after the first page ends the call with what
     * the pages before it did and the failure.
     */
    public Imported importPages(Account account, Stream stream, int pages) {
        Instant now = clock.instant();
        String lane = account.id() + ":" + stream;
        Instant wait = notBefore.get(lane);
        if (wait != null && now.isBefore(wait)) return Imported.failed("waiting until " + wait + " as the network asked");
        Optional<Channel> found = channels.of(account.network());
        if (found.isEmpty()) return Imported.failed("no connector for " + account.network().label());
        Optional<Credentials> credentials = accounts.credentials(account.id());
        if (credentials.isEmpty()) return Imported.failed(account.label() + " has no credentials; connect it again");
        Channel channel = found.get();
        ChannelAccount target = new ChannelAccount(account.id(), account.network(), account.handle(), account.instance(), account.remoteId(),
                credentials.get());
        Instant allowed = nextAllowedAt(channel, target);
        // Compared with the time read after asking: a connector with nothing held answers its own "now", a moment later than ours.
        if (allowed != null && allowed.isAfter(clock.instant())) {
            notBefore.put(lane, allowed);
            return Imported.failed("waiting until " + allowed + " as the network asked");
        }
        String cursor = cursors.cursor(account.id(), stream).orElse(null);
        Function<Collection<String>, Set<String>> stored = storedIds(account.id(), account.network());
        ImportBatch batch = fetch(channel, target, stream, cursor, stored);
        ExecutorService ahead = null;
        Imported total = null;
        try {
            for (int page = 1; ; page++) {
                if (batch.failed()) {
                    if (batch.notBefore() != null) notBefore.put(lane, batch.notBefore());
                    LOG.log(System.Logger.Level.INFO, "Import of {0} {1} failed: {2}", account.label(), stream, batch.problem());
                    Imported failed = Imported.failed(batch.problem());
                    return total == null ? failed : total.and(failed);
                }
                notBefore.remove(lane);
                Future<ImportBatch> next = null;
                if (batch.more() && page < pages) {
                    if (ahead == null) ahead = Executors.newSingleThreadExecutor(InboxImport::fetchThread);
                    String from = batch.cursor();
                    next = ahead.submit(() -> fetch(channel, target, stream, from, stored));
                }
                String moved = batch.cursor();
                String before = cursor;
                Runnable moveCursor = moved != null && !moved.equals(before) ? () -> cursors.save(account.id(), stream, moved, clock.instant()) : null;
                Stored kept = store(account.id(), batch.items(), InboxItem.POLL, item -> ancestors(channel, target, item), moveCursor);
                int filed = fileQuietly(kept.conversations());
                Imported done = kept.leftOut(batch.leftOut()).imported(batch.received(), filed, batch.more());
                total = total == null ? done : total.and(done);
                if (next == null) return total;
                cursor = moved == null ? cursor : moved;
                batch = fetched(next, cursor);
            }
        } finally {
            if (ahead != null) ahead.shutdownNow();
        }
    }

    private static ImportBatch fetch(Channel channel, ChannelAccount target, Stream stream, String cursor,
            Function<Collection<String>, Set<String>> stored) {
        try {
            return channel.fetch(target, stream, cursor, stored);
        } catch (RuntimeException e) {
            return ImportBatch.failed(cursor, "the connector failed: " + e.getClass().getSimpleName(), null);
        }
    }

    /**
     * Which of these external ids of an account's network the inbox has stored, for a connector that would rather not
     * convert them again (one look-up for a fetch, on the thread that fetches). Should the look-up fail, none: the page's
     * own look-up finds them.
     */
    private Function<Collection<String>, Set<String>> storedIds(long accountId, Network network) {
        return ids -> {
            try {
                Map<String, String> idOf = new HashMap<>();
                for (String id : ids) idOf.put(InboxKeys.item(accountId, network, id), id);
                Set<String> out = new HashSet<>();
                for (String key : store.conversationsOf(idOf.keySet()).keySet()) out.add(idOf.get(key));
                return out;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "Could not look up which items of a fetch are stored: {0}", e.toString());
                return Set.of();
            }
        };
    }

    private static ImportBatch fetched(Future<ImportBatch> next, String cursor) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ImportBatch.failed(cursor, "interrupted while reading the network", null);
        } catch (ExecutionException e) {
            return ImportBatch.failed(cursor, "the connector failed: " + e.getCause().getClass().getSimpleName(), null);
        }
    }

    private static Thread fetchThread(Runnable r) {
        Thread t = new Thread(r, "socialdesk-inbox-fetch");
        t.setDaemon(true);
        return t;
    }

    /** Items pushed to us (the inbound webhook, a network's webhook): stored and filed like polled ones, the same item once. */
    public Imported receive(long accountId, List<Inbound> items, String source) {
        Stored stored = store(accountId, items, source, null, null);
        int filed = fileQuietly(stored.conversations());
        return stored.imported(items.size(), filed, false);
    }

    /** The inbound webhook's port: a verified item goes through the same pipeline; an item the inbox refuses is an error naming the field. */
    public InboundIntake intake() {
        return new InboundIntake() {
            @Override
            public void accept(long accountId, Inbound item) {
                acceptAll(accountId, List.of(item));
            }

            /** A batch is one page: one transaction for all its items (the ones refused are named; the others are stored). */
            @Override
            public void acceptAll(long accountId, List<Inbound> items) {
                Imported done = receive(accountId, items, InboxItem.WEBHOOK);
                if (!done.refused().isEmpty()) throw new InvalidInputException(done.refused());
            }
        };
    }

    private record Stored(List<InboxItem> added, int duplicates, int ours, List<FieldProblem> refused) {
        /** With {@code n} more duplicates: the items a connector left out as stored. */
        Stored leftOut(int n) {
            return n == 0 ? this : new Stored(added, duplicates + n, ours, refused);
        }

        /** The conversations with items left to file (a store that opens tickets with the page has filed some already). */
        Set<String> conversations() {
            Set<String> keys = new LinkedHashSet<>();
            added.stream().filter(InboxItem::waiting).forEach(item -> keys.add(item.conversationKey()));
            return keys;
        }

        Imported imported(int received, int filed, boolean more) {
            int filedWithPage = (int) added.stream().filter(item -> !item.waiting()).count();
            return new Imported(received, added.size(), duplicates, ours, refused, filed + filedWithPage, more, null);
        }
    }

    /** What the store and the publishing engine know of a page's ids: the conversation of each stored item, and which ids are ours. */
    private record Known(Map<String, String> conversationOf, Set<String> ours) {}

    private record Fresh(String key, Inbound item, String conversation, String root, String source) {}

    /**
     * Stores a page; then {@code moveCursor} (may be null), in the page's own transaction where the store files pages
     * ({@link PageFiling}), else once the page is committed: either way never before.
     */
    private Stored store(long accountId, List<Inbound> received, String source, Function<Inbound, List<Inbound>> ancestorsOf, Runnable moveCursor) {
        boolean[] moved = {false};
        Runnable withPage = moveCursor == null ? () -> {} : () -> {
            moveCursor.run();
            moved[0] = true;
        };
        Stored stored = storePage(accountId, received, source, ancestorsOf, withPage);
        if (moveCursor != null && !moved[0]) moveCursor.run();
        return stored;
    }

    private Stored storePage(long accountId, List<Inbound> received, String source, Function<Inbound, List<Inbound>> ancestorsOf, Runnable withPage) {
        Instant now = clock.instant();
        List<FieldProblem> refused = new ArrayList<>();
        int duplicates = 0;
        LinkedHashMap<String, Inbound> page = new LinkedHashMap<>();
        for (Inbound item : received) {
            InboundBounds.Checked checked = InboundBounds.check(item, now);
            if (checked.refused()) {
                refused.add(checked.problem());
                continue;
            }
            if (page.putIfAbsent(key(accountId, checked.item()), checked.item()) != null) duplicates++;
        }
        if (page.isEmpty()) return new Stored(List.of(), duplicates, 0, refused);
        // Items stored before are only counted: one look-up of the page's own keys, and nothing more is done for them (no
        // triage, texts or locks); a page seen before costs this one query.
        Set<String> checked = new HashSet<>(page.keySet());
        Map<String, String> seen = store.conversationsOf(checked);
        if (!seen.isEmpty()) {
            page.keySet().removeAll(seen.keySet());
            duplicates += seen.size();
            if (page.isEmpty()) return new Stored(List.of(), duplicates, 0, refused);
        }
        Known known = known(accountId, page, checked, seen);
        Set<String> ancestorKeys = new HashSet<>();
        if (ancestorsOf != null && settings.maxAncestors() > 0) {
            LinkedHashMap<String, Inbound> withAncestors = withAncestors(accountId, page, known, ancestorsOf, ancestorKeys, now);
            if (withAncestors.size() > page.size()) {
                page = withAncestors;
                known = known(accountId, page, checked, seen);
            }
        }

        int ours = 0;
        Map<String, String> conversationOf = new HashMap<>(known.conversationOf());
        List<Fresh> fresh = new ArrayList<>();
        for (Map.Entry<String, Inbound> entry : page.entrySet()) {
            String key = entry.getKey();
            Inbound item = entry.getValue();
            if (known.conversationOf().containsKey(key)) {
                duplicates++;
                continue;
            }
            if (known.ours().contains(item.externalId())) {
                ours++;
                continue;
            }
            String[] placed = conversationOf(accountId, item, conversationOf, known.ours());
            conversationOf.put(key, placed[0]);
            fresh.add(new Fresh(key, item, placed[0], placed[1], ancestorKeys.contains(key) ? InboxItem.ANCESTOR : source));
        }
        if (fresh.isEmpty()) return new Stored(List.of(), duplicates, ours, refused);

        Set<String> keys = new LinkedHashSet<>();
        fresh.forEach(f -> keys.add(f.conversation()));
        Map<String, Conversation> existing = new HashMap<>(store.conversations(keys));
        Map<String, Conversation> opening = new LinkedHashMap<>();
        Map<String, String> toDigest = new HashMap<>();
        Map<Stream, Integer> openedInWindow = new EnumMap<>(Stream.class);
        Instant windowStart = windowStart(now);
        List<InboxItem> add = new ArrayList<>();
        for (Fresh f : fresh) {
            Inbound item = f.item();
            String conversation = toDigest.getOrDefault(f.conversation(), f.conversation());
            Triage triage = triage(item);
            Routed routed = route(accountId, item, triage);
            if (!existing.containsKey(conversation) && !opening.containsKey(conversation)) {
                int opened = openedInWindow.computeIfAbsent(item.stream(), s -> openedSince(accountId, s, windowStart));
                if (opened >= settings.floodThreshold()) {
                    String digest = InboxKeys.digest(accountId, item.network(), item.stream(), windowStart);
                    toDigest.put(conversation, digest);
                    conversation = digest;
                    if (!existing.containsKey(digest) && !opening.containsKey(digest)) {
                        Optional<Conversation> stored = store.conversation(digest);
                        if (stored.isPresent()) existing.put(digest, stored.get());
                        else opening.put(digest, new Conversation(0, digest, accountId, item.network(), item.stream(), null, true,
                                flooded(routed.route()), 1, null, null, windowStart, now));
                    }
                } else {
                    openedInWindow.put(item.stream(), opened + 1);
                    opening.put(conversation, new Conversation(0, conversation, accountId, item.network(), item.stream(), f.root(), false,
                            routed.route(), 1, null, null, now, now));
                }
            }
            add.add(new InboxItem(0, f.key(), accountId, item, triage, routed, conversation, f.source(), now, null, null, null));
        }
        List<InboxItem> added;
        if (store instanceof PageFiling pages) {
            added = pages.addAndOpen(add, List.copyOf(opening.values()), openings(accountId, opening.values(), add), replies(existing, add), withPage);
            tellFiled(added);
        } else {
            added = store.add(add, List.copyOf(opening.values()));
        }
        return new Stored(added, duplicates + add.size() - added.size(), ours, refused);
    }

    /** Tells the listener what a page's store filed with the page (committed by then), ticket by ticket. */
    private void tellFiled(List<InboxItem> added) {
        Map<TrackedItem, List<InboxItem>> byTicket = new LinkedHashMap<>();
        for (InboxItem item : added) {
            if (item.ticket() != null) byTicket.computeIfAbsent(item.ticket(), t -> new ArrayList<>()).add(item);
        }
        byTicket.forEach(this::tell);
    }

    private void tell(TrackedItem ticket, List<InboxItem> items) {
        try {
            listener.filed(items, ticket);
        } catch (RuntimeException e) {
            // Filing is done and must stay done; a listener's trouble is its own.
            LOG.log(System.Logger.Level.WARNING, "A listener of filed items failed: {0}", e.toString());
        }
    }

    /** The comments of a page's items that join a stored conversation with a ticket (digests aside), by item key. */
    private static Map<String, String> replies(Map<String, Conversation> existing, List<InboxItem> items) {
        Map<String, String> out = new HashMap<>();
        for (InboxItem item : items) {
            Conversation c = existing.get(item.conversationKey());
            if (c != null && !c.digest() && c.ticket() != null) out.put(item.key(), ConversationText.message(item));
        }
        return out;
    }

    /**
     * The tickets of a page's new conversations (digests aside: their chunks are filed as usual), for a store that opens
     * them with the page: the first item of each is its description, the others its comments. A conversation whose
     * ticket has no reporter gets none here; its items wait, as they would for the usual filing.
     */
    private Map<String, PageFiling.Opening> openings(long accountId, Collection<Conversation> opening, List<InboxItem> items) {
        Map<String, List<InboxItem>> byConversation = new HashMap<>();
        for (InboxItem item : items) byConversation.computeIfAbsent(item.conversationKey(), k -> new ArrayList<>()).add(item);
        Map<String, PageFiling.Opening> out = new HashMap<>();
        Optional<Account> account = null;
        for (Conversation c : opening) {
            List<InboxItem> in = byConversation.get(c.key());
            if (c.digest() || in == null) continue;
            if (account == null) account = accounts.find(accountId);
            Ticket ticket;
            try {
                ticket = ticket(c, List.of(in.get(0)), account);
            } catch (IllegalStateException noReporter) {
                continue;
            }
            Map<String, String> comments = new HashMap<>();
            for (InboxItem item : in.subList(1, in.size())) comments.put(item.key(), ConversationText.message(item));
            out.put(c.key(), new PageFiling.Opening(ticket, in.get(0).key(), comments));
        }
        return out;
    }

    /**
     * Where an item belongs: with its parent's or root's conversation when either is stored; else the thread of its root
     * (its first post), unless that root is one of our posts: then a reply to our post starts its own conversation, and a
     * reply to such a reply joins it. Answers the conversation's key and, for a new one, its root's external id.
     */
    static String[] conversationOf(long accountId, Inbound item, Map<String, String> conversationOf, Set<String> ours) {
        Network network = item.network();
        String parent = item.parentId();
        String root = item.rootId();
        if (parent != null) {
            String known = conversationOf.get(InboxKeys.item(accountId, network, parent));
            if (known != null) return new String[] {known, null};
        }
        if (root != null) {
            String known = conversationOf.get(InboxKeys.item(accountId, network, root));
            if (known != null) return new String[] {known, null};
        }
        if (root != null && !ours.contains(root)) return new String[] {InboxKeys.conversation(accountId, network, root), root};
        if (parent != null && !ours.contains(parent)) return new String[] {InboxKeys.conversation(accountId, network, parent), parent};
        return new String[] {InboxKeys.conversation(accountId, network, item.externalId()), item.externalId()};
    }

    /** The page with the ancestors of each reply whose parent is unknown placed before it, oldest first. */
    private LinkedHashMap<String, Inbound> withAncestors(long accountId, Map<String, Inbound> page, Known known,
            Function<Inbound, List<Inbound>> ancestorsOf, Set<String> ancestorKeys, Instant now) {
        LinkedHashMap<String, Inbound> out = new LinkedHashMap<>();
        for (Map.Entry<String, Inbound> entry : page.entrySet()) {
            Inbound item = entry.getValue();
            String parent = item.parentId();
            if (parent != null && !known.ours().contains(parent) && !known.ours().contains(item.externalId())) {
                String parentKey = InboxKeys.item(accountId, item.network(), parent);
                if (!known.conversationOf().containsKey(parentKey) && !page.containsKey(parentKey) && !out.containsKey(parentKey)) {
                    List<Inbound> nearestFirst = ancestorsOf.apply(item);
                    for (int i = Math.min(nearestFirst.size(), settings.maxAncestors()) - 1; i >= 0; i--) {
                        InboundBounds.Checked checked = InboundBounds.check(nearestFirst.get(i), now);
                        if (checked.refused()) continue;
                        String key = key(accountId, checked.item());
                        if (!page.containsKey(key) && out.putIfAbsent(key, checked.item()) == null) ancestorKeys.add(key);
                    }
                }
            }
            out.putIfAbsent(entry.getKey(), item);
        }
        return out;
    }

    private List<Inbound> ancestors(Channel channel, ChannelAccount account, Inbound item) {
        try {
            List<Inbound> found = channel.ancestors(account, item, settings.maxAncestors());
            return found == null ? List.of() : found;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Could not fetch the ancestors of an item on {0}: {1}", item.network().label(), e.getClass().getSimpleName());
            return List.of();
        }
    }

    /**
     * The conversations of the page's items, parents and roots that are stored, and which of their ids are ours. The keys
     * {@code checked} were just looked up ({@code seen}: those found stored), so only the keys of parents, roots and fetched
     * ancestors are looked up.
     */
    private Known known(long accountId, Map<String, Inbound> page, Set<String> checked, Map<String, String> seen) {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Inbound item : page.values()) {
            for (String id : new String[] {item.externalId(), item.parentId(), item.rootId()}) {
                if (id == null) continue;
                ids.add(id);
                keys.add(InboxKeys.item(accountId, item.network(), id));
            }
        }
        keys.removeAll(checked);
        Map<String, String> conversationOf = new HashMap<>(seen);
        conversationOf.putAll(store.conversationsOf(keys));
        return new Known(conversationOf, own.ours(ids));
    }

    private static String key(long accountId, Inbound item) {
        return InboxKeys.item(accountId, item.network(), item.externalId());
    }

    /** The new conversations of the window so far, up to the threshold (no threshold: no flood, nothing to count). */
    private int openedSince(long accountId, Stream stream, Instant windowStart) {
        int threshold = settings.floodThreshold();
        return threshold == Integer.MAX_VALUE ? 0 : store.conversationsOpenedSince(accountId, stream, windowStart, threshold);
    }

    private Instant windowStart(Instant now) {
        long window = settings.floodWindow().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), window) * window);
    }

    private static Route flooded(Route route) {
        List<String> labels = new ArrayList<>(route.labels());
        if (!labels.contains(FLOOD_LABEL)) labels.add(FLOOD_LABEL);
        return new Route(route.project(), route.issueType(), route.requestType(), route.component(), route.priority(), labels, route.assignee());
    }

    private Triage triage(Inbound item) {
        try {
            return Objects.requireNonNull(triager.triage(item), "triage");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Triage failed on an item from {0}; it is kept as neutral: {1}", item.network().label(), e.toString());
            return new Triage(item.language(), 0, Triage.Urgency.NORMAL, 0);
        }
    }

    private Routed route(long accountId, Inbound item, Triage triage) {
        try {
            return Objects.requireNonNull(router.route(accountId, item, triage), "route");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Routing failed on an item from {0}; it goes to {1}: {2}", item.network().label(), FALLBACK_PROJECT,
                    e.toString());
            return new Routed(Route.to(FALLBACK_PROJECT), null, List.of("routing failed, so the fallback queue"));
        }
    }

    private static Instant nextAllowedAt(Channel channel, ChannelAccount account) {
        try {
            return channel.nextAllowedAt(account);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------- filing

    /** Files everything waiting (left by a crash, or by a tracker that was down), in batches; answers how many were filed. */
    public int fileWaiting() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<InboxItem> waiting = store.waiting(settings.fileBatch());
            if (waiting.isEmpty()) break;
            int filed = file(waiting);
            total += filed;
            if (filed == 0 || waiting.size() < settings.fileBatch()) break;
        }
        return total;
    }

    private int fileQuietly(Collection<String> conversations) {
        if (conversations.isEmpty()) return 0;
        try {
            return fileConversations(conversations);
        } catch (RuntimeException e) {
            // Stored, so not lost: the job files it on its next run.
            LOG.log(System.Logger.Level.WARNING, "Items stored but not filed yet; the next run files them: {0}", e.toString());
            return 0;
        }
    }

    /** Files the waiting items' conversations, oldest first. */
    private int file(List<InboxItem> waiting) {
        Set<String> conversations = new LinkedHashSet<>();
        waiting.forEach(item -> conversations.add(item.conversationKey()));
        return fileConversations(conversations);
    }

    /** Files these conversations together (one transaction where the tracker shares our database), else one by one. */
    private int fileConversations(Collection<String> conversations) {
        if (conversations.isEmpty()) return 0;
        Filing filing = new Filing();
        try {
            int total = tickets.together(() -> {
                int filed = 0;
                for (String key : conversations) filed += filing.fileAlone(key);
                return filed;
            });
            filing.committed();
            return total;
        } catch (RuntimeException failed) {
            filing.rolledBack();
            if (conversations.size() == 1) {
                LOG.log(System.Logger.Level.WARNING, "Could not file the items of a conversation; they wait for the next run: {0}", failed.toString());
                return 0;
            }
            // One conversation failed and, where the tracker shares our database, took the batch's work with it: each on its own now.
            int filed = 0;
            for (String key : conversations) {
                try {
                    filed += tickets.together(() -> filing.fileAlone(key));
                    filing.committed();
                } catch (RuntimeException e) {
                    filing.rolledBack();
                    LOG.log(System.Logger.Level.WARNING, "Could not file the items of conversation {0}; they wait for the next run: {1}", key,
                            e.toString());
                }
            }
            return filed;
        }
    }

    /** One filing pass, with the accounts it looked up. */
    private final class Filing {
        private final Map<Long, Optional<Account>> accountsSeen = new HashMap<>();
        /** What was filed in the work not committed yet: told to the listener once it is. */
        private final List<Map.Entry<List<InboxItem>, TrackedItem>> uncommitted = new ArrayList<>();

        void committed() {
            List<Map.Entry<List<InboxItem>, TrackedItem>> told = List.copyOf(uncommitted);
            uncommitted.clear();
            for (Map.Entry<List<InboxItem>, TrackedItem> filed : told) tell(filed.getValue(), filed.getKey());
        }

        void rolledBack() {
            uncommitted.clear();
        }

        /** Files a conversation's waiting items, read again once no one else is filing it. */
        int fileAlone(String key) {
            return store.exclusively(key, () -> file(key, store.conversation(key).orElse(null), store.waitingIn(List.of(key), settings.fileBatch())));
        }

        int file(String key, Conversation conversation, List<InboxItem> items) {
            if (items.isEmpty()) return 0;
            if (conversation == null) throw new IllegalStateException("Conversation " + key + " of a waiting item is not stored");
            items = items.stream().sorted(Comparator.comparingLong(InboxItem::id)).toList();
            Instant now = clock.instant();
            // A digest's items go in chunks, one comment each; any other item is a comment of its own.
            List<List<InboxItem>> chunks = conversation.digest() ? chunks(items) : items.stream().map(List::of).toList();
            TrackedItem ticket = conversation.ticket();
            int filed = 0;
            if (ticket == null) {
                List<InboxItem> opener = chunks.get(0);
                ticket = open(conversation, opener);
                store.ticketOpened(conversation.key(), conversation.generation(), ticket, ids(opener), now);
                uncommitted.add(Map.entry(opener, ticket));
                filed += opener.size();
                chunks = chunks.subList(1, chunks.size());
            } else {
                TicketStatus status = tickets.status(ticket);
                if (status.resolved()) {
                    InboxItem first = items.stream().min(Comparator.comparing(InboxItem::at)).orElseThrow();
                    if (!first.at().isAfter(status.resolvedAt().plus(settings.reopenWithin()))) {
                        tickets.reopen(ticket, ConversationText.reopening(first, ticket));
                    } else {
                        Conversation next = store.nextGeneration(conversation.key(), conversation.generation(), now)
                                .orElseThrow(() -> new IllegalStateException("Conversation " + key + " vanished"));
                        if (next.generation() == conversation.generation()) {
                            throw new IllegalStateException("Conversation " + key + " did not move to its next ticket");
                        }
                        return file(key, next, items);
                    }
                }
            }
            if (chunks.isEmpty()) return filed;
            if (conversation.digest()) {
                for (List<InboxItem> chunk : chunks) {
                    tickets.comment(ticket, chunk.get(0).chunkKey() + "/" + chunk.size(),
                            chunk.size() + " more new conversation" + (chunk.size() == 1 ? "" : "s") + " in this flood:\n\n"
                                    + ConversationText.digestChunk(chunk));
                    store.filed(ids(chunk), ticket, now);
                    uncommitted.add(Map.entry(chunk, ticket));
                    filed += chunk.size();
                }
            } else {
                List<InboxItem> rest = chunks.stream().map(c -> c.get(0)).toList();
                for (InboxItem item : rest) tickets.comment(ticket, item.key(), ConversationText.message(item));
                store.filed(ids(rest), ticket, now);
                uncommitted.add(Map.entry(rest, ticket));
                filed += rest.size();
            }
            return filed;
        }

        /**
         * A digest's items in chunks, each one comment: items chunked before keep their chunk (a retry writes the same
         * comment again, which the tracker recognises); the others are chunked now, recorded before any comment is written.
         */
        private List<List<InboxItem>> chunks(List<InboxItem> items) {
            Map<String, List<InboxItem>> chunks = new LinkedHashMap<>();
            List<InboxItem> loose = new ArrayList<>();
            for (InboxItem item : items) {
                if (item.chunkKey() != null) chunks.computeIfAbsent(item.chunkKey(), k -> new ArrayList<>()).add(item);
                else loose.add(item);
            }
            for (int from = 0; from < loose.size(); from += settings.digestChunk()) {
                List<InboxItem> chunk = loose.subList(from, Math.min(loose.size(), from + settings.digestChunk()));
                String chunkKey = chunk.get(0).key();
                store.chunked(ids(chunk), chunkKey);
                chunks.put(chunkKey, chunk.stream().map(i -> withChunk(i, chunkKey)).toList());
            }
            return new ArrayList<>(chunks.values());
        }

        private TrackedItem open(Conversation conversation, List<InboxItem> opener) {
            String key = conversation.ticketKey();
            Optional<TrackedItem> found = tickets.find(key);
            TrackedItem ticket;
            if (found.isPresent()) {
                ticket = found.get();
            } else {
                ticket = tickets.open(ticket(conversation, opener, account(conversation.accountId())));
            }
            if (conversation.previous() != null) tickets.link(ticket, conversation.previous());
            return ticket;
        }

        private Optional<Account> account(long id) {
            return accountsSeen.computeIfAbsent(id, accounts::find);
        }

    }

    /** The ticket a conversation opens with {@code opener} (its first item, or a digest's first chunk). */
    private Ticket ticket(Conversation conversation, List<InboxItem> opener, Optional<Account> account) {
        String label = account.map(Account::label).orElse("account " + conversation.accountId());
        String summary;
        String description;
        if (conversation.digest()) {
            Instant start = conversation.openedAt();
            Instant end = start.plus(settings.floodWindow());
            summary = ConversationText.digestSummary(conversation, start, end);
            description = ConversationText.digestDescription(conversation, settings.floodThreshold(), start, end, label, opener);
        } else {
            summary = ConversationText.summary(opener.get(0).inbound());
            description = ConversationText.description(conversation, opener.get(0), label);
        }
        return new Ticket(conversation.ticketKey(), conversation.route(), summary, description, Ticket.reporterOf(conversation.accountId(), account, fallbackReporter));
    }

    private static InboxItem withChunk(InboxItem item, String chunkKey) {
        return new InboxItem(item.id(), item.key(), item.accountId(), item.inbound(), item.triage(), item.routed(), item.conversationKey(),
                item.source(), item.importedAt(), chunkKey, item.ticket(), item.filedAt());
    }

    private static List<Long> ids(List<InboxItem> items) {
        return items.stream().map(InboxItem::id).toList();
    }
}
