package io.socialdesk.store.post;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.post.Utm;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.StoreException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/**
 * {@link PostStore} over Active Objects: the post row, its variants, thread parts and media in
 * their own tables, and one revision row per saved version (the optimistic lock).
 */
public final class AoPostStore implements PostStore {
    private final AoAccess ao;

    public AoPostStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Post create(TrackedItem item, String title, PostContent content, PlannedTime planned, PostState state, String authorKey,
            Instant createdAt) {
        return ao.inTransaction(() -> {
            Map<String, Object> values = new HashMap<>();
            values.put("ITEM_ID", item.id());
            values.put("ITEM_KEY", item.key());
            values.put("ITEM_URL", item.url());
            values.put("STATE", state.name());
            values.put("AUTHOR_KEY", authorKey);
            values.put("CREATED_AT", Date.from(createdAt));
            values.put("REVISION", 1);
            values.putAll(columns(title, content, planned, authorKey, createdAt));
            PostEntity entity = ao.create(PostEntity.class, values);
            recordRevision(entity.getID(), 1, authorKey, createdAt);
            writeChildren(entity.getID(), content);
            return read(entity);
        });
    }

    @Override
    public Optional<Post> update(long id, int expectedVersion, String title, PostContent content, PlannedTime planned, PostState state,
            String editor, Instant at) {
        return nextVersion(id, expectedVersion, editor, at, entity -> {
            columns(title, content, planned, editor, at).forEach((column, value) -> set(entity, column, value));
            entity.setState(state.name());
            deleteChildren(entity.getID());
            writeChildren(entity.getID(), content);
        });
    }

    @Override
    public Optional<Post> move(long id, int expectedVersion, PostState state, PlannedTime planned, String actor, Instant at) {
        return nextVersion(id, expectedVersion, actor, at, moving(state, planned, actor, at), this::read);
    }

    /**
     * Its variants, parts and media are not read back: the revision check proves {@code post} is the version
     * moved. Where the host has a conditional UPDATE (the server) the row is not read either.
     */
    @Override
    public Optional<Post> move(Post post, PostState state, PlannedTime planned, String actor, Instant at) {
        if (post.id() < 1 || post.id() > Integer.MAX_VALUE) return Optional.empty();
        Instant stored = Date.from(at).toInstant(); // as read back: to the millisecond
        Post moved = new Post(post.id(), post.item(), post.title(), post.content(), planned, state, post.authorKey(), post.createdAt(),
                post.version() + 1, actor, stored);
        Map<String, Object> columns = new java.util.LinkedHashMap<>(moveColumns(state, planned, actor, at));
        columns.put("REVISION", moved.version());
        try {
            Optional<Post> fast = ao.inTransaction(() -> {
                java.util.OptionalInt changed = ao.updateWhere(PostEntity.class, columns, post.id(), "REVISION", post.version());
                if (changed.isEmpty()) return Optional.<Post>empty();
                if (changed.getAsInt() != 1) throw new Stale();
                // With the guarded UPDATE won, nobody else writes this revision: its row may wait for the transaction's batch of inserts.
                ao.insert(PostRevisionEntity.class, revisionRow((int) post.id(), moved.version(), actor, at));
                return Optional.of(moved);
            });
            if (fast.isPresent()) return fast;
        } catch (Stale e) {
            return Optional.empty();
        }
        return nextVersion(post.id(), post.version(), actor, at, moving(state, planned, actor, at), entity -> moved);
    }

    private static java.util.function.Consumer<PostEntity> moving(PostState state, PlannedTime planned, String actor, Instant at) {
        return entity -> moveColumns(state, planned, actor, at).forEach((column, value) -> set(entity, column, value));
    }

    /** What a move writes: the state, the planned time, who and when. */
    private static Map<String, Object> moveColumns(PostState state, PlannedTime planned, String actor, Instant at) {
        Map<String, Object> columns = new java.util.LinkedHashMap<>();
        columns.put("STATE", state.name());
        columns.put("PLANNED_LOCAL", planned.local().toString());
        columns.put("ZONE_ID", planned.zone().getId());
        columns.put("PLANNED_AT", Date.from(planned.instant()));
        columns.put("UPDATED_BY", actor);
        columns.put("UPDATED_AT", Date.from(at));
        return columns;
    }

    private Optional<Post> nextVersion(long id, int expectedVersion, String by, Instant at, java.util.function.Consumer<PostEntity> change) {
        return nextVersion(id, expectedVersion, by, at, change, this::read);
    }

    /** Writes version {@code expectedVersion + 1} when the stored one is still {@code expectedVersion}; the revision row is the lock. */
    private Optional<Post> nextVersion(long id, int expectedVersion, String by, Instant at, java.util.function.Consumer<PostEntity> change,
            java.util.function.Function<PostEntity, Post> answer) {
        if (id < 1 || id > Integer.MAX_VALUE) return Optional.empty();
        try {
            return Optional.of(ao.inTransaction(() -> {
                PostEntity[] rows = ao.find(PostEntity.class, Query.select().where("ID = ?", (int) id));
                if (rows.length == 0 || rows[0].getRevision() != expectedVersion) throw new Stale();
                int next = expectedVersion + 1;
                try {
                    recordRevision((int) id, next, by, at);
                } catch (StoreException e) {
                    throw new Stale(); // another editor saved this version first
                }
                PostEntity entity = rows[0];
                change.accept(entity);
                entity.setRevision(next);
                entity.save();
                return answer.apply(entity);
            }));
        } catch (Stale e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Post> find(long id) {
        if (id < 1 || id > Integer.MAX_VALUE) return Optional.empty();
        return ao.read(PostEntity.class, Query.select().where("ID = ?", (int) id)).stream().findFirst().map(this::read);
    }

    @Override
    public Map<Long, Post> findAll(java.util.Collection<Long> ids) {
        List<Integer> wanted = ids.stream().filter(id -> id >= 1 && id <= Integer.MAX_VALUE).map(Long::intValue).distinct().toList();
        if (wanted.isEmpty()) return Map.of();
        List<PostEntity> rows = ao.read(PostEntity.class, Query.select()
                .where("ID IN (" + wanted.stream().map(id -> "?").collect(Collectors.joining(",")) + ")", wanted.toArray()));
        Children children = children(rows.stream().map(PostEntity::getID).toList());
        Map<Long, Post> found = new java.util.HashMap<>();
        for (PostEntity row : rows) found.put((long) row.getID(), toPost(row, children));
        return found;
    }

    /** The revision column only: no children read. */
    @Override
    public Map<Long, Integer> versions(java.util.Collection<Long> ids) {
        List<Integer> wanted = ids.stream().filter(id -> id >= 1 && id <= Integer.MAX_VALUE).map(Long::intValue).distinct().toList();
        Map<Long, Integer> found = new java.util.HashMap<>();
        io.socialdesk.store.ao.InChunks.each(wanted, (in, values) -> {
            for (PostEntity row : ao.find(PostEntity.class, Query.select("ID, REVISION").where("ID " + in, values))) {
                found.put((long) row.getID(), row.getRevision());
            }
        });
        return found;
    }

    @Override
    public Optional<Post> findByItem(long itemId) {
        return ao.read(PostEntity.class, Query.select().where("ITEM_ID = ?", itemId)).stream().findFirst().map(this::read);
    }

    @Override
    public List<Post> list(PostQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.from().ifPresent(from -> {
            conditions.add("PLANNED_AT >= ?");
            parameters.add(Date.from(from));
        });
        query.to().ifPresent(to -> {
            conditions.add("PLANNED_AT < ?");
            parameters.add(Date.from(to));
        });
        query.state().ifPresent(state -> {
            conditions.add("STATE = ?");
            parameters.add(state.name());
        });
        query.author().ifPresent(author -> {
            conditions.add("AUTHOR_KEY = ?");
            parameters.add(author);
        });
        query.campaign().ifPresent(campaign -> {
            conditions.add("CAMPAIGN = ?");
            parameters.add(campaign);
        });
        // Read-only rows: a page of posts is only read (a calendar month is four pages).
        Query select = Query.select().order("PLANNED_AT ASC, ID ASC").limit(query.limit());
        if (!conditions.isEmpty()) select = select.where(String.join(" AND ", conditions), parameters.toArray());
        List<PostEntity> rows = ao.read(PostEntity.class, select);
        Children children = children(rows.stream().map(PostEntity::getID).toList());
        return rows.stream().map(row -> toPost(row, children)).toList();
    }

    @Override
    public int count() {
        return ao.count(PostEntity.class, Query.select());
    }

    /** Thrown inside the transaction to roll it back when the version moved on. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }

    private static Map<String, Object> columns(String title, PostContent content, PlannedTime planned, String editor, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("TITLE", title);
        values.put("TEXT", content.text());
        values.put("PLANNED_LOCAL", planned.local().toString());
        values.put("ZONE_ID", planned.zone().getId());
        values.put("PLANNED_AT", Date.from(planned.instant()));
        values.put("UPDATED_BY", editor);
        values.put("UPDATED_AT", Date.from(at));
        values.put("FIRST_COMMENT", content.firstComment().orElse(null));
        values.put("HASHTAGS", String.join(" ", content.hashtags()));
        values.put("UTM_MEDIUM", content.utm().medium());
        values.put("UTM_CAMPAIGN", content.utm().campaign());
        values.put("UTM_CONTENT", content.utm().content());
        values.put("CAMPAIGN", content.campaign());
        values.put("LANGUAGE", content.language());
        values.put("ACCOUNT_IDS", content.accountIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        return values;
    }

    private static void set(PostEntity e, String column, Object value) {
        switch (column) {
            case "STATE" -> e.setState((String) value);
            case "TITLE" -> e.setTitle((String) value);
            case "TEXT" -> e.setText((String) value);
            case "PLANNED_LOCAL" -> e.setPlannedLocal((String) value);
            case "ZONE_ID" -> e.setZoneId((String) value);
            case "PLANNED_AT" -> e.setPlannedAt((Date) value);
            case "UPDATED_BY" -> e.setUpdatedBy((String) value);
            case "UPDATED_AT" -> e.setUpdatedAt((Date) value);
            case "FIRST_COMMENT" -> e.setFirstComment((String) value);
            case "HASHTAGS" -> e.setHashtags((String) value);
            case "UTM_MEDIUM" -> e.setUtmMedium((String) value);
            case "UTM_CAMPAIGN" -> e.setUtmCampaign((String) value);
            case "UTM_CONTENT" -> e.setUtmContent((String) value);
            case "CAMPAIGN" -> e.setCampaign((String) value);
            case "LANGUAGE" -> e.setLanguage((String) value);
            case "ACCOUNT_IDS" -> e.setAccountIds((String) value);
            default -> throw new IllegalArgumentException(column);
        }
    }

    private void recordRevision(int postId, int revision, String editor, Instant at) {
        ao.create(PostRevisionEntity.class, revisionRow(postId, revision, editor, at));
    }

    private static Map<String, Object> revisionRow(int postId, int revision, String editor, Instant at) {
        return Map.of("REVISION_KEY", postId + ":" + revision, "POST_ID", postId, "REVISION", revision, "EDITED_BY", editor, "EDITED_AT", Date.from(at));
    }

    private void writeChildren(int postId, PostContent content) {
        content.variants().forEach((network, text) ->
                ao.create(PostVariantEntity.class, Map.of("POST_ID", postId, "NETWORK", network.name(), "TEXT", text)));
        for (int i = 0; i < content.thread().size(); i++) {
            ao.create(PostPartEntity.class, Map.of("POST_ID", postId, "PART_INDEX", i, "TEXT", content.thread().get(i)));
        }
        for (int i = 0; i < content.media().size(); i++) {
            Media m = content.media().get(i);
            ao.create(PostMediaEntity.class, Map.of("POST_ID", postId, "MEDIA_INDEX", i, "SHA256", m.sha256(),
                    "MIME_TYPE", m.mimeType(), "BYTES", m.bytes(), "ALT_TEXT", m.altText(), "FILE_NAME", m.fileName()));
        }
    }

    private void deleteChildren(int postId) {
        for (Class<? extends RawEntity<Integer>> type : List.of(PostVariantEntity.class, PostPartEntity.class, PostMediaEntity.class)) {
            RawEntity<?>[] rows = ao.find(type, Query.select().where("POST_ID = ?", postId));
            if (rows.length > 0) ao.delete(rows);
        }
    }

    private Post read(PostEntity entity) {
        return toPost(entity, children(List.of(entity.getID())));
    }

    /** The variants, parts and media of several posts, in three queries. */
    private record Children(Map<Integer, List<PostVariantEntity>> variants, Map<Integer, List<PostPartEntity>> parts,
            Map<Integer, List<PostMediaEntity>> media) {}

    private Children children(List<Integer> postIds) {
        if (postIds.isEmpty()) return new Children(Map.of(), Map.of(), Map.of());
        String in = "POST_ID IN (" + postIds.stream().map(id -> "?").collect(Collectors.joining(",")) + ")";
        Object[] ids = postIds.toArray();
        return new Children(
                ao.read(PostVariantEntity.class, Query.select().where(in, ids)).stream()
                        .collect(Collectors.groupingBy(PostVariantEntity::getPostId)),
                ao.read(PostPartEntity.class, Query.select().where(in, ids)).stream()
                        .collect(Collectors.groupingBy(PostPartEntity::getPostId)),
                ao.read(PostMediaEntity.class, Query.select().where(in, ids)).stream()
                        .collect(Collectors.groupingBy(PostMediaEntity::getPostId)));
    }

    private static Post toPost(PostEntity e, Children children) {
        Map<Network, String> variants = new EnumMap<>(Network.class);
        children.variants().getOrDefault(e.getID(), List.of())
                .forEach(v -> variants.put(Network.valueOf(v.getNetwork()), v.getText() == null ? "" : v.getText()));
        List<String> thread = children.parts().getOrDefault(e.getID(), List.of()).stream()
                .sorted(Comparator.comparingInt(PostPartEntity::getPartIndex))
                .map(p -> p.getText() == null ? "" : p.getText())
                .toList();
        List<Media> media = children.media().getOrDefault(e.getID(), List.of()).stream()
                .sorted(Comparator.comparingInt(PostMediaEntity::getMediaIndex))
                .map(m -> new Media(m.getSha256(), m.getMimeType(), m.getBytes(), m.getAltText(), m.getFileName()))
                .toList();
        PostContent content = new PostContent(
                e.getText() == null ? "" : e.getText(), variants, media, thread, Optional.ofNullable(e.getFirstComment()),
                words(e.getHashtags(), " "), new Utm(e.getUtmMedium(), e.getUtmCampaign(), e.getUtmContent()),
                e.getCampaign(), e.getLanguage(), words(e.getAccountIds(), ",").stream().map(Long::valueOf).toList());
        Instant createdAt = e.getCreatedAt().toInstant();
        return new Post(
                e.getID(),
                new TrackedItem(e.getItemId(), e.getItemKey(), e.getItemUrl() == null ? "" : e.getItemUrl()),
                e.getTitle(),
                content,
                new PlannedTime(local(e.getPlannedLocal()), ZoneId.of(e.getZoneId())),
                PostState.valueOf(e.getState()),
                e.getAuthorKey(),
                createdAt,
                Math.max(1, e.getRevision()),
                e.getUpdatedBy() == null ? e.getAuthorKey() : e.getUpdatedBy(),
                e.getUpdatedAt() == null ? createdAt : e.getUpdatedAt().toInstant());
    }

    private static List<String> words(String joined, String separator) {
        if (joined == null || joined.isBlank()) return List.of();
        List<String> words = new ArrayList<>();
        for (String w : joined.split(separator)) {
            if (!w.isBlank()) words.add(w);
        }
        return List.copyOf(words);
    }

    /**
     * The stored wall-clock time, {@code 2026-03-10T09:00} as written by {@link LocalDateTime#toString()}: read
     * by hand when it has that exact shape, since the formatter's parse was a tenth of reading a calendar month.
     */
    static LocalDateTime local(String stored) {
        if (stored.length() == 16 && stored.charAt(4) == '-' && stored.charAt(7) == '-' && stored.charAt(10) == 'T' && stored.charAt(13) == ':') {
            try {
                return LocalDateTime.of(Integer.parseInt(stored, 0, 4, 10), Integer.parseInt(stored, 5, 7, 10), Integer.parseInt(stored, 8, 10, 10),
                        Integer.parseInt(stored, 11, 13, 10), Integer.parseInt(stored, 14, 16, 10));
            } catch (RuntimeException e) {
                // not a time after all: the formatter says what is wrong
            }
        }
        return LocalDateTime.parse(stored);
    }
}
