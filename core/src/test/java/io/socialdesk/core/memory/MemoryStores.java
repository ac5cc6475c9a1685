package io.socialdesk.core.memory;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.ContentHash;
import io.socialdesk.core.approval.ContentVersions;
import io.socialdesk.core.approval.Decision;
import io.socialdesk.core.approval.DecisionStore;
import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory stand-ins for the engine's storage ports, for tests of services and host adapters
 * where Active Objects cannot run (Jira's). They keep the ports' promises (versions, append-only,
 * one copy per hash); the real stores are tested on HSQLDB and PostgreSQL in the server module.
 */
public final class MemoryStores {
    public final Posts posts = new Posts();
    public final Trail trail = new Trail();
    public final Decisions decisions = new Decisions();
    public final Policies policies = new Policies();
    public final Versions versions = new Versions();
    public final Accounts accounts = new Accounts();
    public final OAuthClients oauthClients = new OAuthClients();
    public final Pending pending = new Pending();
    public final MediaFiles media = new MediaFiles();
    public final Deliveries deliveries = new Deliveries();
    public final Inbox inbox = new Inbox();
    public final KeyDates keyDates = new KeyDates();
    public final Blackouts blackouts = new Blackouts();
    public final Schedules schedules = new Schedules();

    public static final class Posts implements PostStore {
        private final Map<Long, Post> rows = new HashMap<>();
        private long nextId = 1;

        @Override
        public synchronized Post create(TrackedItem item, String title, PostContent content, PlannedTime planned, PostState state,
                String authorKey, Instant createdAt) {
            Post post = new Post(nextId++, item, title, content, planned, state, authorKey, createdAt, 1, authorKey, createdAt);
            rows.put(post.id(), post);
            return post;
        }

        @Override
        public synchronized Optional<Post> update(long id, int expectedVersion, String title, PostContent content, PlannedTime planned,
                PostState state, String editor, Instant at) {
            Post p = rows.get(id);
            if (p == null || p.version() != expectedVersion) return Optional.empty();
            Post next = new Post(id, p.item(), title, content, planned, state, p.authorKey(), p.createdAt(), p.version() + 1, editor, at);
            rows.put(id, next);
            return Optional.of(next);
        }

        @Override
        public synchronized Optional<Post> move(long id, int expectedVersion, PostState state, PlannedTime planned, String actor, Instant at) {
            Post p = rows.get(id);
            if (p == null) return Optional.empty();
            return update(id, expectedVersion, p.title(), p.content(), planned, state, actor, at);
        }

        @Override
        public synchronized Optional<Post> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized Optional<Post> findByItem(long itemId) {
            return rows.values().stream().filter(p -> p.item().id() == itemId).findFirst();
        }

        @Override
        public synchronized List<Post> list(PostQuery query) {
            // The same filters as the Active Objects store: planned in [from, to), state, author, campaign.
            return rows.values().stream().filter(p -> query.state().map(s -> s == p.state()).orElse(true))
                    .filter(p -> query.from().map(f -> !p.planned().instant().isBefore(f)).orElse(true))
                    .filter(p -> query.to().map(t -> p.planned().instant().isBefore(t)).orElse(true))
                    .filter(p -> query.author().map(a -> a.equals(p.authorKey())).orElse(true))
                    .filter(p -> query.campaign().map(c -> c.equals(p.content().campaign())).orElse(true))
                    .sorted(Comparator.comparing((Post p) -> p.planned().instant()).thenComparing(Post::id)).limit(query.limit()).toList();
        }

        @Override
        public synchronized int count() {
            return rows.size();
        }
    }

    public static final class Trail implements AuditTrail {
        private final List<AuditEvent> events = new ArrayList<>();

        @Override
        public synchronized void append(AuditEvent event) {
            events.add(event);
        }

        @Override
        public synchronized List<AuditEvent> list(long postId) {
            return events.stream().filter(e -> e.postId() == postId).toList();
        }
    }

    public static final class Decisions implements DecisionStore {
        private final List<Decision> decisions = new ArrayList<>();

        @Override
        public synchronized void record(Decision decision) {
            decisions.add(decision);
        }

        @Override
        public synchronized List<Decision> list(long postId) {
            return decisions.stream().filter(d -> d.postId() == postId).toList();
        }
    }

    public static final class Policies implements PolicyStore {
        private final Map<String, ApprovalPolicy> policies = new HashMap<>();

        @Override
        public synchronized Optional<ApprovalPolicy> find(String projectKey) {
            return Optional.ofNullable(policies.get(projectKey));
        }

        @Override
        public synchronized void save(ApprovalPolicy policy) {
            policies.put(policy.projectKey(), policy);
        }
    }

    public static final class Versions implements ContentVersions {
        private final Map<String, PostContent> contents = new HashMap<>();

        @Override
        public synchronized String save(long postId, PostContent content) {
            String hash = ContentHash.of(content);
            contents.putIfAbsent(postId + ":" + hash, content);
            return hash;
        }

        @Override
        public synchronized Optional<PostContent> find(long postId, String contentHash) {
            return Optional.ofNullable(contents.get(postId + ":" + contentHash));
        }
    }

    /** Accounts and their credentials in memory: the credentials are kept apart from the accounts, as the real store does (unencrypted here). */
    public static final class Accounts implements AccountStore {
        private final Map<Long, Account> accounts = new java.util.TreeMap<>();
        private final Map<Long, io.socialdesk.core.channel.Credentials> credentials = new HashMap<>();
        private long nextId = 1;

        @Override
        public synchronized Account add(Network network, String handle, String displayName) {
            Account a = new Account(nextId++, network, handle, displayName, false);
            accounts.put(a.id(), a);
            return a;
        }

        @Override
        public synchronized List<Account> list() {
            return accounts.values().stream().sorted(Comparator.comparing((Account a) -> a.network().name()).thenComparing(Account::handle)
                    .thenComparing(Account::id)).toList();
        }

        @Override
        public synchronized Optional<Account> find(long id) {
            return Optional.ofNullable(accounts.get(id));
        }

        @Override
        public synchronized Account connect(Long accountId, Network network, java.net.URI instance, io.socialdesk.core.channel.Connected connected,
                String ownerKey, Instant at) {
            Account existing;
            if (accountId != null) {
                existing = accounts.get(accountId);
                if (existing == null) throw new io.socialdesk.core.problem.NotFoundException("No account with id " + accountId);
                if (existing.network() != network) {
                    throw new io.socialdesk.core.problem.InvalidInputException("network", "same-network", "Account " + accountId + " is on "
                            + existing.network().label() + ", not " + network.label() + ".");
                }
            } else {
                existing = accounts.values().stream().filter(a -> a.network() == network && connected.remoteId().equals(a.remoteId())
                        && java.util.Objects.equals(a.instance(), instance)).findFirst()
                        .or(() -> accounts.values().stream().filter(a -> a.network() == network && a.remoteId() == null
                                && a.handle().equalsIgnoreCase(connected.handle()) && java.util.Objects.equals(a.instance(), instance)).findFirst())
                        .orElse(null);
            }
            long id = existing == null ? nextId++ : existing.id();
            String owner = existing != null && existing.ownerKey() != null ? existing.ownerKey() : ownerKey;
            io.socialdesk.core.channel.Credentials c = connected.credentials();
            Account a = new Account(id, network, connected.handle(), connected.displayName(), true, instance, connected.remoteId(), owner,
                    new Account.Health(at, at, null, null, io.socialdesk.core.account.ConnectionExpiry.of(c), c.scopes()), null);
            accounts.put(id, a);
            credentials.put(id, c);
            return a;
        }

        @Override
        public synchronized Optional<io.socialdesk.core.channel.Credentials> credentials(long id) {
            return Optional.ofNullable(credentials.get(id));
        }

        @Override
        public synchronized void rotate(long id, io.socialdesk.core.channel.Credentials fresh) {
            Account a = require(id);
            Account.Health h = a.health();
            credentials.put(id, fresh);
            replace(a, a.connected(), new Account.Health(h.lastSuccessAt(), h.lastCheckedAt(), h.problem(), h.problemDetail(),
                    io.socialdesk.core.account.ConnectionExpiry.of(fresh), fresh.scopes().isEmpty() ? h.scopes() : fresh.scopes()), a.handle());
        }

        private final Map<Long, io.socialdesk.core.channel.NetworkLimits> limits = new java.util.HashMap<>();

        @Override
        public synchronized void recordLimits(long id, io.socialdesk.core.channel.NetworkLimits recorded) {
            limits.put(id, recorded);
        }

        @Override
        public synchronized Optional<io.socialdesk.core.channel.NetworkLimits> limits(long id) {
            return Optional.ofNullable(limits.get(id));
        }

        @Override
        public synchronized void recordHealth(long id, io.socialdesk.core.channel.AccountHealth health) {
            Account a = require(id);
            Account.Health h = a.health();
            if (health.usable()) {
                boolean refreshable = credentials.containsKey(id) && credentials.get(id).refreshToken() != null;
                Instant expires = !refreshable && health.expiresAt() != null ? health.expiresAt() : h.tokenExpiresAt();
                replace(a, a.connected(), new Account.Health(health.checkedAt(), health.checkedAt(), null, null, expires,
                        health.scopes().isEmpty() ? h.scopes() : health.scopes()), health.handle() == null || health.handle().isBlank() ? a.handle() : health.handle());
            } else {
                boolean lost = "revoked".equals(health.problem()) || "expired".equals(health.problem());
                replace(a, a.connected() && !lost, new Account.Health(h.lastSuccessAt(), health.checkedAt(), health.problem(), health.detail(),
                        h.tokenExpiresAt(), h.scopes()), a.handle());
            }
        }

        @Override
        public synchronized void markAttention(long id, TrackedItem item) {
            Account a = require(id);
            accounts.put(id, new Account(a.id(), a.network(), a.handle(), a.displayName(), a.connected(), a.instance(), a.remoteId(), a.ownerKey(),
                    a.health(), item));
        }

        @Override
        public synchronized void remove(long id) {
            accounts.remove(id);
            credentials.remove(id);
        }

        private Account require(long id) {
            Account a = accounts.get(id);
            if (a == null) throw new io.socialdesk.core.problem.NotFoundException("No account with id " + id);
            return a;
        }

        private void replace(Account a, boolean connected, Account.Health health, String handle) {
            accounts.put(a.id(), new Account(a.id(), a.network(), handle, a.displayName(), connected, a.instance(), a.remoteId(), a.ownerKey(),
                    health, a.attention()));
        }
    }

    /** OAuth clients in memory (secrets unencrypted here). */
    public static final class OAuthClients implements io.socialdesk.core.account.OAuthClientStore {
        private final Map<Network, io.socialdesk.core.channel.OAuthClient> configured = new java.util.EnumMap<>(Network.class);
        private final Map<Network, ClientSummary> summaries = new java.util.EnumMap<>(Network.class);
        private final Map<String, io.socialdesk.core.channel.OAuthClient> registered = new HashMap<>();

        @Override
        public synchronized Optional<io.socialdesk.core.channel.OAuthClient> configured(Network network) {
            return Optional.ofNullable(configured.get(network));
        }

        @Override
        public synchronized void configure(Network network, String clientId, String clientSecret, String byUser, Instant at) {
            io.socialdesk.core.channel.OAuthClient old = configured.get(network);
            String secret = clientSecret != null && !clientSecret.isBlank() ? clientSecret
                    : old != null && old.clientId().equals(clientId) ? old.clientSecret() : null;
            configured.put(network, new io.socialdesk.core.channel.OAuthClient(null, clientId, secret));
            summaries.put(network, new ClientSummary(network, clientId, secret != null, byUser, at));
        }

        @Override
        public synchronized void unconfigure(Network network) {
            configured.remove(network);
            summaries.remove(network);
        }

        @Override
        public synchronized Optional<io.socialdesk.core.channel.OAuthClient> registered(Network network, java.net.URI instance, java.net.URI redirect) {
            return Optional.ofNullable(registered.get(network + "|" + instance + "|" + redirect));
        }

        @Override
        public synchronized void register(Network network, io.socialdesk.core.channel.OAuthClient client, java.net.URI redirect, Instant at) {
            registered.put(network + "|" + client.instance() + "|" + redirect, client);
        }

        @Override
        public synchronized List<ClientSummary> configuredClients() {
            return List.copyOf(summaries.values());
        }
    }

    /** Started OAuth connections in memory. */
    public static final class Pending implements io.socialdesk.core.account.PendingConnections {
        private final Map<String, io.socialdesk.core.account.PendingConnections.Pending> rows = new HashMap<>();

        @Override
        public synchronized void save(io.socialdesk.core.account.PendingConnections.Pending pending) {
            rows.put(pending.stateHash(), pending);
        }

        @Override
        public synchronized Optional<io.socialdesk.core.account.PendingConnections.Pending> find(String stateHash) {
            return Optional.ofNullable(rows.get(stateHash));
        }

        @Override
        public synchronized boolean markUsed(String stateHash, Instant at) {
            var p = rows.get(stateHash);
            if (p == null || p.usedAt() != null) return false;
            rows.put(stateHash, new io.socialdesk.core.account.PendingConnections.Pending(p.stateHash(), p.userKey(), p.network(), p.instance(),
                    p.verifier(), p.redirect(), p.accountId(), p.createdAt(), p.expiresAt(), at));
            return true;
        }

        @Override
        public synchronized void purge(Instant before) {
            rows.values().removeIf(p -> p.expiresAt().isBefore(before));
        }

        public synchronized int size() {
            return rows.size();
        }
    }

    /** Media kept in memory; the type is taken as declared (the real store sniffs the bytes). */
    public static final class MediaFiles implements io.socialdesk.core.post.MediaStore {
        private final Map<String, byte[]> bytes = new HashMap<>();
        private final Map<String, io.socialdesk.core.post.Media> media = new HashMap<>();

        @Override
        public synchronized io.socialdesk.core.post.Media put(java.io.InputStream in, String mimeType, String fileName) throws java.io.IOException {
            byte[] all = in.readAllBytes();
            String sha;
            try {
                sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(all));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            bytes.put(sha, all);
            return media.computeIfAbsent(sha, k -> new io.socialdesk.core.post.Media(k, mimeType, all.length, "", fileName));
        }

        @Override
        public synchronized Optional<io.socialdesk.core.post.Media> find(String sha256) {
            return Optional.ofNullable(media.get(sha256));
        }

        @Override
        public synchronized java.io.InputStream open(String sha256) throws java.io.IOException {
            byte[] b = bytes.get(sha256);
            if (b == null) throw new java.io.FileNotFoundException(sha256);
            return new java.io.ByteArrayInputStream(b);
        }
    }

    /** Deliveries in memory; {@link #replace} is the same compare-and-set on the version as the stores' conditional update. */
    public static final class Deliveries implements io.socialdesk.core.publish.DeliveryStore {
        private final Map<Long, io.socialdesk.core.publish.DeliveryRecord> rows = new java.util.TreeMap<>();
        private long ids;

        @Override
        public synchronized List<io.socialdesk.core.publish.DeliveryRecord> plan(List<io.socialdesk.core.publish.NewDelivery> planned, Instant at) {
            List<io.socialdesk.core.publish.DeliveryRecord> out = new ArrayList<>();
            for (io.socialdesk.core.publish.NewDelivery n : planned) {
                Optional<io.socialdesk.core.publish.DeliveryRecord> existing = rows.values().stream().filter(r -> r.key().equals(n.key())).findFirst();
                if (existing.isPresent()) {
                    out.add(existing.get());
                    continue;
                }
                io.socialdesk.core.publish.DeliveryRecord r = new io.socialdesk.core.publish.DeliveryRecord(++ids, n.postId(), n.accountId(), n.part(),
                        n.key(), n.contentHash(), n.dueAt(), n.initialState(), 0, n.dueAt(), null, null, Map.of(), "", "", null, at, 1);
                rows.put(r.id(), r);
                out.add(r);
            }
            return out;
        }

        @Override
        public synchronized Optional<io.socialdesk.core.publish.DeliveryRecord> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized List<io.socialdesk.core.publish.DeliveryRecord> forPost(long postId) {
            return rows.values().stream().filter(r -> r.postId() == postId)
                    .sorted(Comparator.comparingLong(io.socialdesk.core.publish.DeliveryRecord::accountId)
                            .thenComparingInt(io.socialdesk.core.publish.DeliveryRecord::part)).toList();
        }

        @Override
        public synchronized List<io.socialdesk.core.publish.DeliveryRecord> claimable(Instant now, int limit) {
            return rows.values().stream().filter(r -> io.socialdesk.core.publish.DeliveryState.CLAIMABLE.contains(r.state()) && !r.nextAt().isAfter(now))
                    .sorted(Comparator.comparing(io.socialdesk.core.publish.DeliveryRecord::nextAt)
                            .thenComparingLong(io.socialdesk.core.publish.DeliveryRecord::id)).limit(limit).toList();
        }

        @Override
        public synchronized Optional<io.socialdesk.core.publish.DeliveryRecord> replace(io.socialdesk.core.publish.DeliveryRecord current,
                io.socialdesk.core.publish.DeliveryRecord next) {
            io.socialdesk.core.publish.DeliveryRecord stored = rows.get(current.id());
            if (stored == null || stored.version() != current.version()) return Optional.empty();
            io.socialdesk.core.publish.DeliveryRecord written = new io.socialdesk.core.publish.DeliveryRecord(stored.id(), stored.postId(),
                    stored.accountId(), stored.part(), stored.key(), stored.contentHash(), next.dueAt(), next.state(), next.attempts(), next.nextAt(),
                    next.owner(), next.remote(), next.progress(), next.cause(), next.reason(), next.sentAt(), next.updatedAt(), stored.version() + 1);
            rows.put(written.id(), written);
            return Optional.of(written);
        }

        @Override
        public synchronized List<io.socialdesk.core.publish.DeliveryRecord> inStates(java.util.Collection<io.socialdesk.core.publish.DeliveryState> states,
                int limit) {
            return rows.values().stream().filter(r -> states.contains(r.state()))
                    .sorted(Comparator.comparing(io.socialdesk.core.publish.DeliveryRecord::nextAt)).limit(limit).toList();
        }

        @Override
        public synchronized Map<io.socialdesk.core.publish.DeliveryState, Integer> countByState() {
            Map<io.socialdesk.core.publish.DeliveryState, Integer> counts = new java.util.EnumMap<>(io.socialdesk.core.publish.DeliveryState.class);
            rows.values().forEach(r -> counts.merge(r.state(), 1, Integer::sum));
            return counts;
        }

        @Override
        public synchronized List<io.socialdesk.core.publish.DeliveryRecord> settledSince(Instant since, int limit) {
            return rows.values().stream().filter(r -> !r.state().isPending() && r.state() != io.socialdesk.core.publish.DeliveryState.CANCELLED
                    && !r.updatedAt().isBefore(since)).sorted(Comparator.comparing(io.socialdesk.core.publish.DeliveryRecord::updatedAt).reversed())
                    .limit(limit).toList();
        }

        public synchronized List<io.socialdesk.core.publish.DeliveryRecord> all() {
            return List.copyOf(rows.values());
        }
    }

    /**
     * The inbox's items, conversations and cursors in memory. Each method is one transaction (synchronized, all or
     * nothing), as in the real store; {@link #add} is insert-if-absent on the keys.
     */
    public static final class Inbox implements io.socialdesk.core.inbox.InboxStore, io.socialdesk.core.inbox.ImportCursors {
        private final Map<String, io.socialdesk.core.inbox.InboxItem> items = new java.util.LinkedHashMap<>();
        private final Map<Long, String> keysById = new HashMap<>();
        private final Map<String, io.socialdesk.core.inbox.Conversation> conversations = new java.util.LinkedHashMap<>();
        private final Map<String, String> cursors = new HashMap<>();
        private long ids;

        @Override
        public synchronized Map<String, String> conversationsOf(java.util.Collection<String> itemKeys) {
            Map<String, String> out = new HashMap<>();
            for (String key : itemKeys) {
                io.socialdesk.core.inbox.InboxItem item = items.get(key);
                if (item != null) out.put(key, item.conversationKey());
            }
            return out;
        }

        @Override
        public synchronized Map<String, io.socialdesk.core.inbox.Conversation> conversations(java.util.Collection<String> keys) {
            Map<String, io.socialdesk.core.inbox.Conversation> out = new HashMap<>();
            for (String key : keys) {
                io.socialdesk.core.inbox.Conversation c = conversations.get(key);
                if (c != null) out.put(key, c);
            }
            return out;
        }

        @Override
        public synchronized List<io.socialdesk.core.inbox.InboxItem> add(List<io.socialdesk.core.inbox.InboxItem> added,
                List<io.socialdesk.core.inbox.Conversation> opened) {
            List<io.socialdesk.core.inbox.InboxItem> out = new ArrayList<>();
            for (io.socialdesk.core.inbox.InboxItem i : added) {
                if (items.containsKey(i.key())) continue;
                io.socialdesk.core.inbox.InboxItem stored = new io.socialdesk.core.inbox.InboxItem(++ids, i.key(), i.accountId(), i.inbound(),
                        i.triage(), i.routed(), i.conversationKey(), i.source(), i.importedAt(), null, null, null);
                items.put(i.key(), stored);
                keysById.put(stored.id(), i.key());
                out.add(stored);
            }
            long conversationIds = conversations.size();
            for (io.socialdesk.core.inbox.Conversation c : opened) {
                if (conversations.containsKey(c.key())) continue;
                conversations.put(c.key(), new io.socialdesk.core.inbox.Conversation(++conversationIds, c.key(), c.accountId(), c.network(),
                        c.stream(), c.rootId(), c.digest(), c.route(), 1, null, null, c.openedAt(), c.updatedAt()));
            }
            return out;
        }

        @Override
        public synchronized int conversationsOpenedSince(long accountId, io.socialdesk.core.channel.Stream stream, Instant since) {
            return (int) conversations.values().stream().filter(c -> c.accountId() == accountId && c.stream() == stream && !c.digest()
                    && !c.openedAt().isBefore(since)).count();
        }

        @Override
        public synchronized List<io.socialdesk.core.inbox.InboxItem> waiting(int limit) {
            return items.values().stream().filter(io.socialdesk.core.inbox.InboxItem::waiting)
                    .sorted(Comparator.comparingLong(io.socialdesk.core.inbox.InboxItem::id)).limit(limit).toList();
        }

        @Override
        public synchronized List<io.socialdesk.core.inbox.InboxItem> waitingIn(java.util.Collection<String> keys, int limit) {
            java.util.Set<String> in = new java.util.HashSet<>(keys);
            return items.values().stream().filter(i -> i.waiting() && in.contains(i.conversationKey()))
                    .sorted(Comparator.comparingLong(io.socialdesk.core.inbox.InboxItem::id)).limit(limit).toList();
        }

        @Override
        public synchronized void ticketOpened(String conversationKey, int generation, TrackedItem ticket, java.util.Collection<Long> itemIds,
                Instant at) {
            io.socialdesk.core.inbox.Conversation c = conversations.get(conversationKey);
            if (c != null && c.generation() == generation && (c.ticket() == null || c.ticket().equals(ticket))) {
                conversations.put(conversationKey, new io.socialdesk.core.inbox.Conversation(c.id(), c.key(), c.accountId(), c.network(), c.stream(),
                        c.rootId(), c.digest(), c.route(), c.generation(), ticket, c.previous(), c.openedAt(), at));
            }
            filed(itemIds, ticket, at);
        }

        @Override
        public synchronized void filed(java.util.Collection<Long> itemIds, TrackedItem ticket, Instant at) {
            for (long id : itemIds) {
                io.socialdesk.core.inbox.InboxItem i = items.get(keysById.get(id));
                if (i == null || !i.waiting()) continue;
                items.put(i.key(), new io.socialdesk.core.inbox.InboxItem(i.id(), i.key(), i.accountId(), i.inbound(), i.triage(), i.routed(),
                        i.conversationKey(), i.source(), i.importedAt(), i.chunkKey(), ticket, at));
            }
        }

        @Override
        public synchronized void chunked(java.util.Collection<Long> itemIds, String chunkKey) {
            for (long id : itemIds) {
                io.socialdesk.core.inbox.InboxItem i = items.get(keysById.get(id));
                if (i == null || i.chunkKey() != null) continue;
                items.put(i.key(), new io.socialdesk.core.inbox.InboxItem(i.id(), i.key(), i.accountId(), i.inbound(), i.triage(), i.routed(),
                        i.conversationKey(), i.source(), i.importedAt(), chunkKey, i.ticket(), i.filedAt()));
            }
        }

        @Override
        public synchronized Optional<io.socialdesk.core.inbox.Conversation> nextGeneration(String conversationKey, int generation, Instant at) {
            io.socialdesk.core.inbox.Conversation c = conversations.get(conversationKey);
            if (c == null) return Optional.empty();
            if (c.generation() == generation && c.ticket() != null) {
                c = new io.socialdesk.core.inbox.Conversation(c.id(), c.key(), c.accountId(), c.network(), c.stream(), c.rootId(), c.digest(),
                        c.route(), generation + 1, null, c.ticket(), c.openedAt(), at);
                conversations.put(conversationKey, c);
            }
            return Optional.of(c);
        }

        private final Map<String, java.util.concurrent.locks.ReentrantLock> filing = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public <T> T exclusively(String conversationKey, java.util.function.Supplier<T> work) {
            java.util.concurrent.locks.ReentrantLock lock = filing.computeIfAbsent(conversationKey, k -> new java.util.concurrent.locks.ReentrantLock());
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public synchronized List<io.socialdesk.core.inbox.InboxItem> onTicket(String ticketKey, int limit) {
            return items.values().stream().filter(i -> i.ticket() != null && i.ticket().key().equals(ticketKey))
                    .sorted(Comparator.comparingLong(io.socialdesk.core.inbox.InboxItem::id)).limit(limit).toList();
        }

        @Override
        public synchronized Optional<String> cursor(long accountId, io.socialdesk.core.channel.Stream stream) {
            return Optional.ofNullable(cursors.get(accountId + ":" + stream));
        }

        @Override
        public synchronized void save(long accountId, io.socialdesk.core.channel.Stream stream, String cursor, Instant at) {
            cursors.put(accountId + ":" + stream, cursor);
        }

        public synchronized List<io.socialdesk.core.inbox.InboxItem> items() {
            return List.copyOf(items.values());
        }

        public synchronized List<io.socialdesk.core.inbox.Conversation> conversationList() {
            return List.copyOf(conversations.values());
        }
    }

    /** The editorial calendar's team key dates (issue 7). */
    public static final class KeyDates implements io.socialdesk.core.calendar.KeyDateStore {
        private final Map<Long, io.socialdesk.core.calendar.TeamKeyDate> rows = new java.util.TreeMap<>();
        private long nextId = 1;

        @Override
        public synchronized List<io.socialdesk.core.calendar.TeamKeyDate> list() {
            return List.copyOf(rows.values());
        }

        @Override
        public synchronized Optional<io.socialdesk.core.calendar.TeamKeyDate> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized io.socialdesk.core.calendar.TeamKeyDate create(String projectKey, String name, io.socialdesk.core.calendar.KeyDateRule rule,
                String note, String createdBy, Instant at) {
            io.socialdesk.core.calendar.TeamKeyDate d = new io.socialdesk.core.calendar.TeamKeyDate(nextId++, projectKey, name, rule, note, createdBy, at);
            rows.put(d.id(), d);
            return d;
        }

        @Override
        public synchronized boolean delete(long id) {
            return rows.remove(id) != null;
        }
    }

    /** The editorial calendar's blackout and embargo periods (issue 7). */
    public static final class Blackouts implements io.socialdesk.core.calendar.BlackoutStore {
        private final Map<Long, io.socialdesk.core.calendar.Blackout> rows = new HashMap<>();
        private long nextId = 1;

        @Override
        public synchronized List<io.socialdesk.core.calendar.Blackout> overlapping(Instant from, Instant to) {
            return rows.values().stream().filter(b -> b.overlaps(from, to)).sorted(BY_START).toList();
        }

        @Override
        public synchronized List<io.socialdesk.core.calendar.Blackout> list(int limit) {
            return rows.values().stream().sorted(BY_START).limit(limit).toList();
        }

        @Override
        public synchronized Optional<io.socialdesk.core.calendar.Blackout> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized io.socialdesk.core.calendar.Blackout create(io.socialdesk.core.calendar.Blackout d) {
            io.socialdesk.core.calendar.Blackout b = new io.socialdesk.core.calendar.Blackout(nextId++, d.projectKey(), d.name(), d.kind(), d.start(),
                    d.end(), d.zone(), d.accountIds(), d.reason(), d.createdBy(), d.createdAt(), 1);
            rows.put(b.id(), b);
            return b;
        }

        @Override
        public synchronized Optional<io.socialdesk.core.calendar.Blackout> update(io.socialdesk.core.calendar.Blackout next, int expectedVersion) {
            io.socialdesk.core.calendar.Blackout current = rows.get(next.id());
            if (current == null || current.version() != expectedVersion) return Optional.empty();
            io.socialdesk.core.calendar.Blackout saved = new io.socialdesk.core.calendar.Blackout(next.id(), next.projectKey(), next.name(), next.kind(),
                    next.start(), next.end(), next.zone(), next.accountIds(), next.reason(), current.createdBy(), current.createdAt(),
                    expectedVersion + 1);
            rows.put(saved.id(), saved);
            return Optional.of(saved);
        }

        @Override
        public synchronized boolean delete(long id) {
            return rows.remove(id) != null;
        }

        private static final Comparator<io.socialdesk.core.calendar.Blackout> BY_START =
                Comparator.comparing(io.socialdesk.core.calendar.Blackout::start).thenComparing(io.socialdesk.core.calendar.Blackout::id);
    }

    /** The accounts' posting schedules (issue 7). */
    public static final class Schedules implements io.socialdesk.core.calendar.PostingScheduleStore {
        private final Map<Long, io.socialdesk.core.calendar.PostingSchedule> rows = new java.util.TreeMap<>();

        @Override
        public synchronized Optional<io.socialdesk.core.calendar.PostingSchedule> find(long accountId) {
            return Optional.ofNullable(rows.get(accountId));
        }

        @Override
        public synchronized List<io.socialdesk.core.calendar.PostingSchedule> list() {
            return List.copyOf(rows.values());
        }

        @Override
        public synchronized Optional<io.socialdesk.core.calendar.PostingSchedule> save(io.socialdesk.core.calendar.PostingSchedule next,
                int expectedVersion) {
            io.socialdesk.core.calendar.PostingSchedule current = rows.get(next.accountId());
            if ((current == null ? 0 : current.version()) != expectedVersion) return Optional.empty();
            io.socialdesk.core.calendar.PostingSchedule saved = new io.socialdesk.core.calendar.PostingSchedule(next.accountId(), next.zone(),
                    next.slots(), next.minSpacing(), next.gapDays(), expectedVersion + 1);
            rows.put(saved.accountId(), saved);
            return Optional.of(saved);
        }
    }
}
