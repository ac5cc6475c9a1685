package io.socialdesk.core.calendar.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CalendarFeedStore} in memory, for tests of the feeds' service and resources (the AO store is tested on both databases). */
public final class MemoryCalendarFeedStore implements CalendarFeedStore {
    private final Map<Long, FeedToken> tokens = new LinkedHashMap<>();
    private final Map<Long, String> hashes = new LinkedHashMap<>();
    private final Map<Long, SavedFilter> filters = new LinkedHashMap<>();
    private long nextId = 1;

    /** The stored hashes, so that a test can show no plain secret is kept. */
    public synchronized List<String> storedHashes() {
        return List.copyOf(hashes.values());
    }

    @Override
    public synchronized FeedToken addToken(String ownerKey, FeedKind kind, String target, String label, String secretHash, Instant at) {
        FeedToken token = new FeedToken(nextId++, ownerKey, kind, target, label, at, at);
        tokens.put(token.id(), token);
        hashes.put(token.id(), secretHash);
        return token;
    }

    @Override
    public synchronized Optional<FeedToken> findToken(String secretHash) {
        return hashes.entrySet().stream().filter(e -> e.getValue().equals(secretHash)).map(e -> tokens.get(e.getKey())).findFirst();
    }

    @Override
    public synchronized List<FeedToken> tokensOf(String ownerKey) {
        return tokens.values().stream().filter(t -> t.ownerKey().equals(ownerKey)).toList();
    }

    @Override
    public synchronized Optional<FeedToken> replaceSecret(long id, String ownerKey, String secretHash, Instant at) {
        FeedToken t = tokens.get(id);
        if (t == null || !t.ownerKey().equals(ownerKey)) return Optional.empty();
        FeedToken next = new FeedToken(id, ownerKey, t.kind(), t.target(), t.label(), t.createdAt(), at);
        tokens.put(id, next);
        hashes.put(id, secretHash);
        return Optional.of(next);
    }

    @Override
    public synchronized boolean deleteToken(long id, String ownerKey) {
        FeedToken t = tokens.get(id);
        if (t == null || !t.ownerKey().equals(ownerKey)) return false;
        tokens.remove(id);
        hashes.remove(id);
        return true;
    }

    @Override
    public synchronized SavedFilter addFilter(String ownerKey, String name, Map<String, List<String>> values, Instant at) {
        SavedFilter filter = new SavedFilter(nextId++, ownerKey, name, values, at);
        filters.put(filter.id(), filter);
        return filter;
    }

    @Override
    public synchronized Optional<SavedFilter> findFilter(long id) {
        return Optional.ofNullable(filters.get(id));
    }

    @Override
    public synchronized List<SavedFilter> filtersOf(String ownerKey) {
        return filters.values().stream().filter(f -> f.ownerKey().equals(ownerKey)).toList();
    }

    @Override
    public synchronized boolean deleteFilter(long id, String ownerKey) {
        SavedFilter f = filters.get(id);
        if (f == null || !f.ownerKey().equals(ownerKey)) return false;
        filters.remove(id);
        for (FeedToken t : new ArrayList<>(tokens.values())) {
            if (t.kind() == FeedKind.FILTER && t.target().equals(Long.toString(id))) deleteToken(t.id(), t.ownerKey());
        }
        return true;
    }
}
