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
    public final MediaFiles media = new MediaFiles();

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
            return rows.values().stream().filter(p -> query.state().map(s -> s == p.state()).orElse(true))
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

    public static final class Accounts implements AccountStore {
        private final List<Account> accounts = new ArrayList<>();

        @Override
        public synchronized Account add(Network network, String handle, String displayName) {
            Account a = new Account(accounts.size() + 1, network, handle, displayName, false);
            accounts.add(a);
            return a;
        }

        @Override
        public synchronized List<Account> list() {
            return List.copyOf(accounts);
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
}
