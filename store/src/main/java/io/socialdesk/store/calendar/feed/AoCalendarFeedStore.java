package io.socialdesk.store.calendar.feed;

import io.socialdesk.core.calendar.feed.CalendarFeedStore;
import io.socialdesk.core.calendar.feed.FeedKind;
import io.socialdesk.core.calendar.feed.FeedToken;
import io.socialdesk.core.calendar.feed.SavedFilter;
import io.socialdesk.store.ao.AoAccess;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link CalendarFeedStore} over Active Objects ({@link FeedTokenEntity}, {@link SavedFilterEntity}); the same on both hosts. */
public final class AoCalendarFeedStore implements CalendarFeedStore {
    private static final String NONE = "-";

    private final AoAccess ao;

    public AoCalendarFeedStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public FeedToken addToken(String ownerKey, FeedKind kind, String target, String label, String secretHash, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("SECRET_HASH", secretHash);
        values.put("OWNER_KEY", ownerKey);
        values.put("KIND", kind.name());
        values.put("TARGET", target.isEmpty() ? NONE : target);
        values.put("LABEL", label);
        values.put("CREATED_AT", Date.from(at));
        values.put("ISSUED_AT", Date.from(at));
        return token(ao.create(FeedTokenEntity.class, values));
    }

    @Override
    public Optional<FeedToken> findToken(String secretHash) {
        FeedTokenEntity[] rows = ao.find(FeedTokenEntity.class, Query.select().where("SECRET_HASH = ?", secretHash));
        return rows.length == 0 ? Optional.empty() : Optional.of(token(rows[0]));
    }

    @Override
    public List<FeedToken> tokensOf(String ownerKey) {
        return Arrays.stream(ao.find(FeedTokenEntity.class, Query.select().where("OWNER_KEY = ?", ownerKey).order("ID")))
                .map(AoCalendarFeedStore::token).toList();
    }

    @Override
    public Optional<FeedToken> replaceSecret(long id, String ownerKey, String secretHash, Instant at) {
        return ao.inTransaction(() -> {
            Optional<FeedTokenEntity> row = own(id, ownerKey);
            row.ifPresent(r -> {
                r.setSecretHash(secretHash);
                r.setIssuedAt(Date.from(at));
                r.save();
            });
            return row.map(AoCalendarFeedStore::token);
        });
    }

    @Override
    public boolean deleteToken(long id, String ownerKey) {
        return ao.inTransaction(() -> {
            Optional<FeedTokenEntity> row = own(id, ownerKey);
            row.ifPresent(ao::delete);
            return row.isPresent();
        });
    }

    @Override
    public SavedFilter addFilter(String ownerKey, String name, Map<String, List<String>> filters, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("OWNER_KEY", ownerKey);
        values.put("NAME", name);
        values.put("FILTERS", write(filters));
        values.put("CREATED_AT", Date.from(at));
        return filter(ao.create(SavedFilterEntity.class, values));
    }

    @Override
    public Optional<SavedFilter> findFilter(long id) {
        SavedFilterEntity[] rows = ao.find(SavedFilterEntity.class, Query.select().where("ID = ?", id));
        return rows.length == 0 ? Optional.empty() : Optional.of(filter(rows[0]));
    }

    @Override
    public List<SavedFilter> filtersOf(String ownerKey) {
        return Arrays.stream(ao.find(SavedFilterEntity.class, Query.select().where("OWNER_KEY = ?", ownerKey).order("ID")))
                .map(AoCalendarFeedStore::filter).toList();
    }

    @Override
    public boolean deleteFilter(long id, String ownerKey) {
        return ao.inTransaction(() -> {
            SavedFilterEntity[] rows = ao.find(SavedFilterEntity.class, Query.select().where("ID = ? AND OWNER_KEY = ?", id, ownerKey));
            if (rows.length == 0) return false;
            FeedTokenEntity[] feeds = ao.find(FeedTokenEntity.class,
                    Query.select().where("KIND = ? AND TARGET = ?", FeedKind.FILTER.name(), Long.toString(id)));
            if (feeds.length > 0) ao.delete(feeds);
            ao.delete(rows);
            return true;
        });
    }

    private Optional<FeedTokenEntity> own(long id, String ownerKey) {
        FeedTokenEntity[] rows = ao.find(FeedTokenEntity.class, Query.select().where("ID = ? AND OWNER_KEY = ?", id, ownerKey));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private static FeedToken token(FeedTokenEntity r) {
        String target = NONE.equals(r.getTarget()) ? "" : r.getTarget();
        return new FeedToken(r.getID(), r.getOwnerKey(), FeedKind.valueOf(r.getKind()), target, r.getLabel(), r.getCreatedAt().toInstant(),
                r.getIssuedAt().toInstant());
    }

    private static SavedFilter filter(SavedFilterEntity r) {
        return new SavedFilter(r.getID(), r.getOwnerKey(), r.getName(), read(r.getFilters()), r.getCreatedAt().toInstant());
    }

    /** {@code network=MASTODON&network=BLUESKY&campaign=launch%20day}: each value URL-encoded. */
    static String write(Map<String, List<String>> filters) {
        StringBuilder out = new StringBuilder();
        filters.forEach((name, values) -> {
            for (String value : values) {
                if (out.length() > 0) out.append('&');
                out.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    static Map<String, List<String>> read(String text) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) return filters;
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            filters.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return filters;
    }
}
