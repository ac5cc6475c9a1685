package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxImport;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.memory.MemoryReplies;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.memory.MemoryTickets;
import io.socialdesk.core.memory.TestClock;
import io.socialdesk.core.post.ContentCheck;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliverySending;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.GroupCommit;
import io.socialdesk.core.publish.Publisher;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The inbox and the publishing engine as the hosts assemble them, over memory stores, a memory tracker, a network
 * that answers as the test scripts it, and a clock the test moves. Items whose text says "lawyer" go to LEGAL,
 * everything else to SUPPORT.
 */
final class AnswerDesk {
    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    static final User SOCIAL_DESK = new User("socialdesk", "Social Desk", Set.of(), ZoneOffset.UTC);
    static final User SAM = new User("sam", "Sam Agent", Set.of(Role.SUPPORT_AGENT), ZoneOffset.UTC);
    static final User LAURA = new User("laura", "Laura Legal", Set.of(Role.LEGAL), ZoneOffset.UTC);
    static final User ADMIN = new User("admin", "Admin", Set.of(Role.ADMIN), ZoneOffset.UTC);

    final TestClock clock = new TestClock(START);
    final MemoryStores stores = new MemoryStores();
    final MemoryTickets tickets = new MemoryTickets();
    final MemoryReplies replies = new MemoryReplies();
    final Network network;
    final Net net;
    final Account account;
    final InboxImport imports;
    final Publisher publisher;
    final ReplyService answering;
    final ResponseTimes times;
    final Forgetting forgetting;

    AnswerDesk(Network network) {
        this.network = network;
        this.net = new Net(network);
        account = stores.accounts.connect(null, network, URI.create("https://net.example"),
                new Connected("remote-acme", "acme", "Acme", Credentials.bearer("token-not-logged")), "marc", START);
        imports = new InboxImport(stores.inbox, stores.inbox, this::ours,
                item -> new Triage("en", 0, Triage.Urgency.NORMAL, 0),
                (accountId, item, triage) -> new Routed(Route.to(item.text().contains("lawyer") ? "LEGAL" : "SUPPORT"), null, List.of()),
                tickets, stores.accounts, n -> n == network ? Optional.of(net) : Optional.empty(), SOCIAL_DESK, InboxSettings.DEFAULTS, clock);
        ReviewNotices notices = new ReviewNotices(stores.policies, stores.decisions, n -> {}, clock);
        ReviewService reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions,
                ApproverDirectory.NO_GROUPS, ContentCheck.NONE, stores.accounts, (kind, summary, reporter) -> null, notices, clock);
        DeliverySending sending = new DeliverySending(stores.posts, reviews, stores.deliveries, stores.accounts,
                n -> n == network ? Optional.of(net) : Optional.empty(), stores.media, ContentCheck.NONE, (p, a, at) -> Optional.empty(),
                (kind, summary, reporter) -> null, n -> {}, stores.trail, GroupCommit.AT_ONCE, PublishingSettings.DEFAULTS, "node-a", clock,
                new ReplyDeliveries(replies, tickets, clock));
        publisher = new Publisher(stores.posts, stores.deliveries, sending, PublishingSettings.DEFAULTS, clock);
        answering = new ReplyService(replies, stores.inbox, stores.accounts, n -> n == network ? Optional.of(net) : Optional.empty(),
                stores.deliveries, tickets, clock);
        times = new ResponseTimes(stores.inbox, replies, tickets, clock);
        forgetting = new Forgetting(stores.inbox, stores.inbox, replies, tickets, stores.trail, clock);
    }

    /** Our own posts: the remote ids of the engine's sent deliveries (replies included), as AoOwnPosts reads them. */
    private Set<String> ours(java.util.Collection<String> ids) {
        Set<String> sent = stores.deliveries.inStates(Set.of(DeliveryState.SENT), 10_000).stream().map(DeliveryRecord::remote)
                .filter(r -> r != null).map(RemotePost::id).collect(Collectors.toSet());
        return ids.stream().filter(sent::contains).collect(Collectors.toSet());
    }

    Inbound message(String id, String authorHandle, Stream stream, String parent, String text) {
        return new Inbound(network, stream, id, parent == null ? "mention" : "reply", text, clock.instant(),
                new Inbound.Author("id-" + authorHandle, authorHandle, authorHandle.toUpperCase(Locale.ROOT), 12L,
                        "https://net.example/@" + authorHandle), "https://net.example/post/" + id, parent, parent, "en");
    }

    InboxImport.Imported receive(Inbound... items) {
        return imports.receive(account.id(), List.of(items), InboxItem.WEBHOOK);
    }

    TrackedItem ticketOf(String externalId) {
        return stores.inbox.items().stream().filter(i -> i.inbound().externalId().equals(externalId)).findFirst().orElseThrow().ticket();
    }

    int tick() {
        return publisher.tick();
    }

    /** A network that answers each publish and settle as scripted (by default: sent), and records every call. */
    static final class Net implements Channel {
        final Network network;
        final Queue<Outcome> publishAnswers = new ArrayDeque<>();
        final Queue<Outcome> settleAnswers = new ArrayDeque<>();
        final List<Delivery> published = new CopyOnWriteArrayList<>();
        final List<Delivery> settled = new CopyOnWriteArrayList<>();
        volatile boolean directMessages;
        private int posts;

        Net(Network network) {
            this.network = network;
        }

        @Override public Network network() { return network; }

        @Override
        public Connection connection() {
            return (Connection.AppPassword) (instance, identifier, password) -> {
                throw new UnsupportedOperationException("connected through the store");
            };
        }

        @Override
        public synchronized Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
            published.add(delivery);
            Outcome answer = publishAnswers.poll();
            return answer != null ? answer : new Outcome.Sent(RemotePost.of("our-reply-" + (++posts), "https://net.example/post/our-reply-" + posts));
        }

        @Override
        public synchronized Outcome settle(ChannelAccount account, Delivery delivery) {
            settled.add(delivery);
            Outcome answer = settleAnswers.poll();
            return answer != null ? answer : new Outcome.Unknown("The network cannot tell");
        }

        @Override public boolean sendsDirectMessages() { return directMessages; }
        @Override public Outcome delete(ChannelAccount account, RemotePost post) { return new Outcome.Sent(post); }
        @Override public Set<Stream> streams() { return Set.of(); }
        @Override public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) { return new ImportBatch(List.of(), cursor, false, null, null); }
        @Override public AccountHealth check(ChannelAccount account) { return new AccountHealth(Instant.EPOCH, null, null, account.remoteId(), account.handle(), Set.of(), null); }
        @Override public Instant nextAllowedAt(ChannelAccount account) { return Instant.EPOCH; }
    }
}
